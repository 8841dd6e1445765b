package org.calsim.api.contact;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Force between two touching bodies. Published as an OSGi service with {@code calsim.name}
 * (e.g. {@code hertz-mindlin}); a job names the law it wants and gets the highest-ranked service of that
 * name, or the highest-ranked law of all when it names none.
 *
 * <p>Implementations are stateless and thread-safe: all per-contact state lives in the history slots
 * the law declares, which the engine keeps per contact across neighbour-list rebuilds and zeroes when a
 * contact forms. {@link #compute} must not allocate.
 */
@ConsumerType
public interface ContactLaw {

    /** @return number of history slots (doubles) this law keeps per contact */
    int historySize();

    /**
     * Computes the contact force.
     *
     * @param geometry   overlap, normal and relative motion (read only)
     * @param properties the pair's mixed material properties
     * @param history    history storage; this contact's slots are {@code history[offset … offset+historySize()-1]}
     * @param offset     index of this contact's first slot
     * @param out        cleared holder to write into
     */
    void compute(ContactGeometry geometry, PairProperties properties, double[] history, int offset, ContactForce out);

    /**
     * Whether this contact still interacts although the bodies do not overlap: an intact bond (or a liquid
     * bridge). The engine keeps calling {@link #compute} for such a pair, with a negative overlap, and keeps
     * the pair in its neighbour list however far apart the bodies move.
     *
     * @return {@code false} unless the law holds bodies together
     */
    default boolean engaged(double[] history, int offset) {
        return false;
    }

    /**
     * Forms a bond between two bodies (a cemented contact, a carbon-binder bridge). The engine calls this
     * once, at set-up, for the pairs a stage chooses; the law initialises its history slots from the bond
     * specification and the current geometry (the bond's rest length). Laws without a bond part return
     * {@code false} and leave the history untouched.
     *
     * @param geometry current geometry of the pair (overlap may be negative: a gap the bond bridges)
     * @param bond     the bond's material and strength
     * @return whether a bond was formed
     */
    default boolean formBond(ContactGeometry geometry, BondSpec bond, double[] history, int offset) {
        return false;
    }

    /**
     * Whether the pair's bond is broken. Lets the engine count breakage; laws without bonds return
     * {@code false}.
     */
    default boolean bondBroken(double[] history, int offset) {
        return false;
    }
}
