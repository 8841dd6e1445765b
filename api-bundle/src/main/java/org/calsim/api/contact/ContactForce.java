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
    /**
     * Pull-off force of an adhesive contact [N], ≥ 0: the tensile force the contact carries at most (JKR:
     * 3/2 π Γ R*, DMT: 2 π Γ R*). Written by a cohesion part; 0 for a contact without adhesion. The friction limits
     * read it through {@link #frictionNormal()}.
     */
    public double pullOff;
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

    /**
     * The normal force that limits sliding, rolling and twisting: μ times it is the Coulomb limit [N], ≥ 0.
     * Without adhesion it is |F_n| of {@link #normalTotal()} (elastic, damping). With adhesion ({@link #pullOff}
     * &gt; 0) it is the rule of the GRANULAR package of LAMMPS for its JKR and DMT models,
     * |F_ne + 2 F_pulloff| with F_ne = elastic + cohesion (damping excluded): an adhesive contact at rest, where
     * elastic and cohesive forces cancel, still resists sliding up to μ·2F_pulloff (Thornton and Yin, Powder
     * Technol. 65 (1991) 153; Marshall, J. Comput. Phys. 228 (2009) 1541), where μ|F_el + F_damp + F_coh| would
     * vanish.
     *
     * @return the friction-limiting normal force [N]
     */
    public double frictionNormal() {
        return pullOff > 0 ? Math.abs(normalElastic + cohesion + 2 * pullOff) : Math.abs(normalTotal());
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
        pullOff = 0;
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
