package org.calsim.empirical.fit;

/** A least-squares fit did not converge or its parameters cannot be determined from the data. */
public class FitFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, on which data, and the likely cause */
    public FitFailedException(String message) {
        super(message);
    }

    /** @param message what failed; @param cause the optimiser's exception */
    public FitFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
