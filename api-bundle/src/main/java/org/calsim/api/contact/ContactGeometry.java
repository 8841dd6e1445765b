package org.calsim.api.contact;

/**
 * Geometry and relative motion of one contact, filled by the engine before each law call. One instance
 * per engine thread, reused for every contact: a law must not keep a reference to it.
 *
 * <p>Sign conventions: the unit normal {@code n} points from body j to body i; the overlap is positive
 * when the bodies interpenetrate; relative velocities are those of i with respect to j at the contact
 * point. For a particle–wall contact body j is the wall: {@code radiusJ} is
 * {@link Double#POSITIVE_INFINITY} and the effective radius and mass are those of the particle.
 */
public final class ContactGeometry {
    /** Overlap δ = r_i + r_j − |x_i − x_j| [m], positive in contact. */
    public double overlap;
    /** Unit normal from j to i, x component [1]. */
    public double nx;
    /** Unit normal from j to i, y component [1]. */
    public double ny;
    /** Unit normal from j to i, z component [1]. */
    public double nz;
    /** Normal relative velocity dδ/dt [m/s]: positive while approaching. */
    public double normalVelocity;
    /** Tangential relative velocity of i w.r.t. j at the contact point, x [m/s]. */
    public double vtx;
    /** Tangential relative velocity, y [m/s]. */
    public double vty;
    /** Tangential relative velocity, z [m/s]. */
    public double vtz;
    /** Relative angular velocity ω_i − ω_j, x [rad/s] (rolling models). */
    public double wx;
    /** Relative angular velocity, y [rad/s]. */
    public double wy;
    /** Relative angular velocity, z [rad/s]. */
    public double wz;
    /** Radius of body i [m]. */
    public double radiusI;
    /** Radius of body j [m]; {@link Double#POSITIVE_INFINITY} for a wall. */
    public double radiusJ;
    /** Effective radius R* = r_i r_j / (r_i + r_j) [m]; r_i for a wall. */
    public double effectiveRadius;
    /** Effective mass m* = m_i m_j / (m_i + m_j) [kg]; m_i for a wall. */
    public double effectiveMass;
    /** Time step Δt [s]. */
    public double dt;
    /** Whether this is the first step of the contact (history slots are zero). */
    public boolean firstStep;
    // the last contact radius and the overlap and effective radius it is of
    private double radiusOf = Double.NaN;
    private double overlapOf = Double.NaN;
    private double contactRadius;

    /**
     * The Hertzian contact radius a = √(R* δ) [m] (Johnson, Contact Mechanics, 1985, eq. 4.22), which the Hertz
     * normal force, the Mindlin tangential stiffness and the Tsuji damping of one contact all take: computed once
     * for the current overlap and effective radius and then reused, so the parts of a composed law share one
     * square root. Since 1.4.
     *
     * @return √(R* δ) [m], NaN for a negative overlap
     */
    public double contactRadius() {
        if (overlap != overlapOf || effectiveRadius != radiusOf) {
            overlapOf = overlap;
            radiusOf = effectiveRadius;
            contactRadius = Math.sqrt(effectiveRadius * overlap);
        }
        return contactRadius;
    }

    /**
     * Sets the pair's radii and masses and derives the effective values.
     *
     * @param ri radius of i [m]
     * @param rj radius of j [m], {@link Double#POSITIVE_INFINITY} for a wall
     * @param mi mass of i [kg]
     * @param mj mass of j [kg], {@link Double#POSITIVE_INFINITY} for a wall
     */
    public void setBodies(double ri, double rj, double mi, double mj) {
        radiusI = ri;
        radiusJ = rj;
        effectiveRadius = Double.isInfinite(rj) ? ri : ri * rj / (ri + rj);
        effectiveMass = Double.isInfinite(mj) ? mi : mi * mj / (mi + mj);
    }
}
