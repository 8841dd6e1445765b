package org.calsim.example.contact;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.contact.PairProperties;

/**
 * Linear hysteretic normal force of Walton and Braun (J. Rheol. 30 (1986) 949): a stiff elastic unloading
 * branch after a softer loading branch, so that a contact keeps a plastic overlap after it is unloaded.
 *
 * <p>Loading (δ ≥ δ_max so far): F = k₁ δ. Unloading: F = k₂ (δ − δ₀) with δ₀ = δ_max (1 − k₁/k₂), and
 * F = 0 below δ₀. A binary collision then has the coefficient of restitution e = √(k₁/k₂) without any
 * viscous damping. History: one slot, the largest overlap δ_max [m].
 */
public final class WaltonBraunNormal implements ContactPart.Normal {
    private final double loadingStiffness;
    private final double unloadingStiffness;

    /**
     * @param loadingStiffness   k₁ [N/m], > 0
     * @param unloadingStiffness k₂ [N/m], ≥ k₁
     */
    public WaltonBraunNormal(double loadingStiffness, double unloadingStiffness) {
        if (!(loadingStiffness > 0) || !(unloadingStiffness >= loadingStiffness)) {
            throw new IllegalArgumentException("Walton-Braun stiffness: need k1 > 0 and k2 >= k1, got k1 = "
                    + loadingStiffness + " N/m, k2 = " + unloadingStiffness + " N/m");
        }
        this.loadingStiffness = loadingStiffness;
        this.unloadingStiffness = unloadingStiffness;
    }

    @Override
    public int historySize() {
        return 1;
    }

    @Override
    public void apply(ContactGeometry g, PairProperties p, double[] history, int offset, ContactForce out) {
        double delta = g.overlap;
        double deltaMax = history[offset];
        if (delta >= deltaMax) {
            history[offset] = delta;
            out.normalElastic = loadingStiffness * delta;
            out.normalStiffness = loadingStiffness;
            return;
        }
        double delta0 = deltaMax * (1 - loadingStiffness / unloadingStiffness);
        double f = unloadingStiffness * (delta - delta0);
        out.normalElastic = Math.max(0, f);
        out.normalStiffness = f > 0 ? unloadingStiffness : 0;
    }
}
