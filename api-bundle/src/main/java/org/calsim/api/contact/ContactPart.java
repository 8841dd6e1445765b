package org.calsim.api.contact;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One part of a composed contact law, with the same zero-allocation call shape as {@link ContactLaw}.
 * The sub-interfaces say which fields of {@link ContactForce} a part writes.
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

    /** Cohesion or adhesion: writes {@link ContactForce#cohesion}. */
    interface Cohesion extends ContactPart {
    }

    /** Tangential force with friction limit: writes {@code ft*} and {@link ContactForce#tangentialStiffness}. */
    interface Tangential extends ContactPart {
    }

    /** Rolling resistance: writes {@code tr*}. */
    interface Rolling extends ContactPart {
    }
}
