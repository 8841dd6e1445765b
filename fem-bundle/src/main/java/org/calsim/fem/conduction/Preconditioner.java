package org.calsim.fem.conduction;

/** A symmetric positive definite approximation M of the conduction operator, applied as z = M⁻¹ r. */
interface Preconditioner {
    /** Sets z = M⁻¹ r; allocates nothing. */
    void apply(double[] r, double[] z);
}
