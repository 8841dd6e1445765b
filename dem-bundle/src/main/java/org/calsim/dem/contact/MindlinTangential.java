package org.calsim.dem.contact;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.PairProperties;

/**
 * Mindlin (1949) no-slip tangential stiffness k_t = 8 G* √(R* δ) [N/m] in the incremental spring with
 * Coulomb limit of {@link TangentialSpring} (the LIGGGHTS {@code hertz} / {@code tangential_history} form).
 */
public final class MindlinTangential extends TangentialSpring {

    @Override
    protected double stiffness(ContactGeometry g, PairProperties p, ContactForce out) {
        return 8.0 * p.effectiveShearModulus() * Math.sqrt(g.effectiveRadius * g.overlap);
    }
}
