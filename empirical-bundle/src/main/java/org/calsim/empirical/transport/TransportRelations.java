package org.calsim.empirical.transport;

import org.calsim.empirical.Checks;

/**
 * Effective transport in the electrolyte-filled pores from porosity and tortuosity factor, eqs 10–12 of
 * the review (Tambio et al., J. Electrochem. Soc. 167 (2020) 160509): κ_eff = κ_0 ε/T, D_eff = D_0 ε/T,
 * τ_g = √T.
 */
public final class TransportRelations {

    private TransportRelations() {
    }

    /**
     * Eq 10.
     *
     * @param bulkConductivity κ_0 [S/m], &gt; 0
     * @param porosity         ε [1], 0 &lt; ε &lt; 1
     * @param tortuosityFactor T [1], &gt; 0
     * @return κ_eff = κ_0 ε / T [S/m]
     */
    public static double effectiveConductivity(double bulkConductivity, double porosity, double tortuosityFactor) {
        Checks.positive("bulk ionic conductivity kappa_0 [S/m]", bulkConductivity);
        return bulkConductivity * transportRatio(porosity, tortuosityFactor);
    }

    /**
     * Eq 11.
     *
     * @param bulkDiffusivity  D_0 [m²/s], &gt; 0
     * @param porosity         ε [1], 0 &lt; ε &lt; 1
     * @param tortuosityFactor T [1], &gt; 0
     * @return D_eff = D_0 ε / T [m²/s]
     */
    public static double effectiveDiffusivity(double bulkDiffusivity, double porosity, double tortuosityFactor) {
        Checks.positive("salt diffusivity D_0 [m^2/s]", bulkDiffusivity);
        return bulkDiffusivity * transportRatio(porosity, tortuosityFactor);
    }

    /**
     * @param porosity         ε [1], 0 &lt; ε &lt; 1
     * @param tortuosityFactor T [1], &gt; 0
     * @return ε / T [1], the inverse MacMullin number
     */
    public static double transportRatio(double porosity, double tortuosityFactor) {
        Checks.porosity("porosity", porosity);
        Checks.positive("tortuosity factor T", tortuosityFactor);
        return porosity / tortuosityFactor;
    }

    /**
     * Eq 12 read backwards: T = τ_g².
     *
     * @param tortuosityFactor T [1], &gt; 0
     * @return geometric tortuosity τ_g = √T [1]
     */
    public static double geometricTortuosity(double tortuosityFactor) {
        Checks.positive("tortuosity factor T", tortuosityFactor);
        return Math.sqrt(tortuosityFactor);
    }
}
