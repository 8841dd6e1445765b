package org.calsim.api.stage;

/**
 * A stage could not finish: a numerical blow-up, a fit that did not converge, a non-percolating phase.
 * The message says where (step, particle, iteration) and the likely cause.
 */
public class StageFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    public StageFailedException(String message) {
        super(message);
    }

    public StageFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
