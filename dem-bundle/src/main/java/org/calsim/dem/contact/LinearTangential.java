package org.calsim.dem.contact;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.PairProperties;

/** Tangential spring of constant stiffness k_t [N/m] with Coulomb limit ({@link TangentialSpring}). */
public final class LinearTangential extends TangentialSpring {
    private final double kt;

    /** @param kt tangential stiffness [N/m], ≥ 0 (often 2/7 of k_n) */
    public LinearTangential(double kt) {
        if (!(kt >= 0) || Double.isInfinite(kt)) {
            throw new IllegalArgumentException("tangential stiffness must be a finite number >= 0 N/m, was " + kt);
        }
        this.kt = kt;
    }

    @Override
    protected double stiffness(ContactGeometry g, PairProperties p, ContactForce out) {
        return kt;
    }
}
