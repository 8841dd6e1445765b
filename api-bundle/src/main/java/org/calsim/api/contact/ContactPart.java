package org.calsim.api.contact;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One part of a composed contact law, with the same zero-allocation call shape as {@link ContactLaw}.
 * The sub-interfaces say which fields of {@link ContactForce} a part writes.
 *
 * <p>A part published as an OSGi service under its role's interface ({@link Normal}, {@link Damping}, …) with
 * {@code calsim.name} and {@code calsim.description} (see {@link org.calsim.api.stage.ServiceProperties}) can be
 * combined with other parts in a job, the way a LAMMPS {@code pair_style granular} line combines sub-models:
 * {@code contact: {normal: hertz, damping: viscoelastic, tangential: mindlin}}. Each part is then acquired, and
 * hot-swapped, on its own; like a law, a part is stateless and thread-safe (one instance serves every contact of every
 * job), keeps per-contact state in its history slots only and allocates nothing in {@link #apply}.
 */
@ConsumerType
public interface ContactPart {

    /** @return history slots this part keeps per contact */
    default int historySize() {
        return 0;
    }

    /**
     * @param history this part's slots are {@code history[offset …]}
     * @param out     holder partly filled by the parts before this one
     */
    void apply(ContactGeometry geometry, PairProperties properties, double[] history, int offset, ContactForce out);

    /** Normal elastic force: writes {@link ContactForce#normalElastic} and {@link ContactForce#normalStiffness}. */
    interface Normal extends ContactPart {
    }

    /**
     * Normal (and tangential) viscous damping: writes {@link ContactForce#normalDamping} and
     * {@link ContactForce#tangentialDampingCoefficient}; may read the normal stiffness.
     */
    interface Damping extends ContactPart {
    }

    /**
     * Cohesion or adhesion: writes {@link ContactForce#cohesion} and, for adhesion that the friction limit should
     * see, {@link ContactForce#pullOff}.
     */
    interface Cohesion extends ContactPart {
    }

    /**
     * Tangential force with friction limit μ·{@link ContactForce#frictionNormal()}: writes {@code ft*} and
     * {@link ContactForce#tangentialStiffness}.
     */
    interface Tangential extends ContactPart {
    }

    /** Rolling resistance, limited by μ_r R* {@link ContactForce#frictionNormal()}: writes {@code tr*}. */
    interface Rolling extends ContactPart {
    }

    /**
     * A bond between the two bodies (bonded-particle model): adds its normal force to
     * {@link ContactForce#bondNormal}, its shear force to {@code ft*}, its bending and twisting moments to
     * {@code tr*} and its spring stiffnesses to {@link ContactForce#normalStiffness} and
     * {@link ContactForce#tangentialStiffness} (springs in parallel, for the engine's time-step check). Runs last, after the Coulomb limit, because a bond is not limited by friction.
     */
    interface Bond extends ContactPart {
        /** Initialises this part's history slots for a new bond; see {@link ContactLaw#formBond}. */
        void form(ContactGeometry geometry, BondSpec bond, double[] history, int offset);

        /** @return whether the bond in these slots is intact */
        boolean intact(double[] history, int offset);

        /** @return whether the bond in these slots was formed and has broken */
        boolean broken(double[] history, int offset);
    }
}
