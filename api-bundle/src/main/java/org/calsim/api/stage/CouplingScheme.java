package org.calsim.api.stage;

/** How a {@link Coupler} exchanges data between its two sides. */
public enum CouplingScheme {
    /** Data flows once from one side to the other (e.g. a calendered structure to a cell model). */
    ONE_WAY,
    /** Both sides exchange data once per coupling step, each using the other's previous values. */
    EXPLICIT_TWO_WAY,
    /** Both sides iterate within a coupling step to convergence, with under-relaxation. */
    IMPLICIT_RELAXED
}
