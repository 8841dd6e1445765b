package org.calsim.fem.p2d;

/** The cell simulation could not go on: Newton failed at ever smaller time steps. */
final class SimulationException extends Exception {
    private static final long serialVersionUID = 1L;

    SimulationException(String message) {
        super(message);
    }
}
