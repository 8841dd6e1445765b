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
}
