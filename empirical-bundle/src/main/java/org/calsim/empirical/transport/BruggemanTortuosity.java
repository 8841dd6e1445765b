package org.calsim.empirical.transport;

import org.calsim.empirical.Checks;

/**
 * Bruggeman's closure κ_eff = κ_0 ε^α (D. A. G. Bruggeman, Ann. Phys. 416 (1935) 636–664), written as a
 * tortuosity factor: with T = ε κ_0 / κ_eff (eqs 10–11 of the review), T = ε^(1−α); α = 1.5 for
 * spheres gives T = ε^−0.5. T(1) = 1 for every α.
 */
public final class BruggemanTortuosity implements TortuosityClosure {

    /** Bruggeman's exponent for spheres, α = 1.5. */
    public static final double SPHERE_EXPONENT = 1.5;

    private final double alpha;

    /** @param alpha Bruggeman exponent α [1], &gt; 0 */
    public BruggemanTortuosity(double alpha) {
        this.alpha = Checks.positive("Bruggeman exponent alpha", alpha);
    }

    /** @return α [1] */
    public double alpha() {
        return alpha;
    }

    /**
     * @param porosity ε [1], 0 &lt; ε &le; 1
     * @return T = ε^(1−α) [1]
     */
    @Override
    public double tortuosityFactor(double porosity) {
        PowerLawTortuosity.checkPorosity(porosity);
        return Math.pow(porosity, 1 - alpha);
    }

    @Override
    public String describe() {
        return "bruggeman alpha=" + alpha + " (T = eps^(1-alpha))";
    }
}
