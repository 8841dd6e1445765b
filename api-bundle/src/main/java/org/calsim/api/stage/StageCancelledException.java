package org.calsim.api.stage;

/** Thrown inside a stage when its job was cancelled; the stage's partial results are discarded. */
public class StageCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StageCancelledException(String message) {
        super(message);
    }
}
