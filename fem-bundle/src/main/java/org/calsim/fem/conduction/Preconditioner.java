package org.calsim.fem.conduction;

/** A symmetric positive definite approximation M of the conduction operator, applied as z = M⁻¹ r. */
interface Preconditioner {
    /**
     * Sets z = M⁻¹ r; allocates nothing. The product r·z comes with it, summed per chunk of the conjugate
     * gradients' {@link Chunks} and then over the chunks in order (so it is the same on any number of threads),
     * formed while z is still in the cache instead of in a pass of its own.
     *
     * @return r·z
     */
    double apply(double[] r, double[] z);
}
