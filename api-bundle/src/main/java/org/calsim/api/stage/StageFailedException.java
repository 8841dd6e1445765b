package org.calsim.api.stage;

import java.util.Locale;

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

    /**
     * One measure an iterative solve must bring to its tolerance, at the value the solve stopped with. Since 1.6.
     *
     * @param name      what it measures, e.g. {@code "relative residual"}
     * @param value     where the solve stopped
     * @param tolerance the largest value that counts as converged
     */
    public record Residual(String name, double value, double tolerance) {
    }

    /**
     * The failure of an iterative solve that reached its iteration limit before its tolerances were met, worded
     * alike by every stage, e.g. {@code "conduction (through_plane) did not converge in 20000 iterations: relative
     * residual 3.2e-05 (tolerance 1e-06); raise max_iterations"} (the runtime prefixes the stage's name). Since 1.6.
     *
     * @param solve      which solve, e.g. {@code "conduction (through_plane)"}
     * @param iterations the iterations (or time steps) it ran
     * @param remedy     what the job can change, naming the parameter, e.g. {@code "raise max_iterations"}
     * @param residuals  the measures it had to meet, at least one
     * @return the exception to throw
     */
    public static StageFailedException notConverged(String solve, long iterations, String remedy,
                                                    Residual... residuals) {
        if (residuals.length == 0) {
            throw new IllegalArgumentException("no residual: say which measure missed its tolerance");
        }
        StringBuilder message = new StringBuilder(solve).append(" did not converge in ").append(iterations)
                .append(" iterations: ");
        for (int i = 0; i < residuals.length; i++) {
            Residual r = residuals[i];
            message.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.3g (tolerance %.3g)",
                    r.name(), r.value(), r.tolerance()));
        }
        return new StageFailedException(message.append("; ").append(remedy).toString());
    }
}
