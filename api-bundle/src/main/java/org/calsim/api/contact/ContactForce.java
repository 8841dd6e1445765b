package org.calsim.api.contact;

/**
 * What a contact law computes, written into a reused holder. The parts of a
 * {@link ComposedContactLaw} fill it in order (normal, damping, cohesion, tangential, rolling), so later
 * parts read what earlier ones wrote (the Coulomb limit reads the normal force).
 *
 * <p>Force on body i: {@code (normalElastic + normalDamping + cohesion + bondNormal) n + ft}; the engine applies the
 * opposite to j. Torques from the tangential force follow from the branch vectors and are the
 * engine's business; {@code tr} is the extra rolling-resistance torque on i.
 */
public final class ContactForce {
    /** Elastic (conservative) normal force [N], positive repulsive. */
    public double normalElastic;
    /** Normal contact stiffness dF_n/dδ at the current overlap [N/m] (damping and time-step checks). */
    public double normalStiffness;
    /** Normal damping force [N], positive repulsive (opposes approach). */
    public double normalDamping;
    /** Tangential damping coefficient η_t [N·s/m], set by the damping model for the tangential model. */
    public double tangentialDampingCoefficient;
    /** Cohesive normal force [N], negative when attractive. */
    public double cohesion;
    /** Normal force of a bond [N], positive repulsive (a compressed bond), negative in tension. */
    public double bondNormal;
    /** Tangential force on i, x [N]. */
    public double ftx;
    /** Tangential force on i, y [N]. */
    public double fty;
    /** Tangential force on i, z [N]. */
    public double ftz;
    /** Tangential stiffness [N/m]. */
    public double tangentialStiffness;
    /** Rolling-resistance torque on i, x [N·m]. */
    public double trx;
    /** Rolling-resistance torque on i, y [N·m]. */
    public double try_;
    /** Rolling-resistance torque on i, z [N·m]. */
    public double trz;

    /** @return total normal force of the contact (without a bond) [N], positive repulsive: what friction limits */
    public double normalTotal() {
        return normalElastic + normalDamping + cohesion;
    }

    /** @return total normal force on i along n, contact and bond [N], positive repulsive */
    public double normalWithBond() {
        return normalElastic + normalDamping + cohesion + bondNormal;
    }

    /** Zeroes every field; called by the engine (or a composed law) before each contact. */
    public void clear() {
        normalElastic = 0;
        normalStiffness = 0;
        normalDamping = 0;
        tangentialDampingCoefficient = 0;
        cohesion = 0;
        bondNormal = 0;
        ftx = 0;
        fty = 0;
        ftz = 0;
        tangentialStiffness = 0;
        trx = 0;
        try_ = 0;
        trz = 0;
    }
}
