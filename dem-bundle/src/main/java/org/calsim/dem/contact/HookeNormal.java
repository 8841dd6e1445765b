package org.calsim.dem.contact;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.contact.PairProperties;

/** Linear (Hooke) normal spring: F_n = k_n δ [N] with a constant stiffness k_n [N/m]. No history. */
public final class HookeNormal implements ContactPart.Normal {
    private final double kn;

    /** @param kn normal stiffness [N/m], &gt; 0 */
    public HookeNormal(double kn) {
        if (!(kn > 0) || Double.isInfinite(kn)) {
            throw new IllegalArgumentException("normal stiffness must be a finite number > 0 N/m, was " + kn);
        }
        this.kn = kn;
    }

    /** @return the normal stiffness [N/m] */
    public double stiffness() {
        return kn;
    }

    @Override
    public void apply(ContactGeometry g, PairProperties p, double[] history, int offset, ContactForce out) {
        if (g.overlap <= 0) {
            out.normalElastic = 0;
            out.normalStiffness = 0;
            return;
        }
        out.normalElastic = kn * g.overlap;
        out.normalStiffness = kn;
    }
}
