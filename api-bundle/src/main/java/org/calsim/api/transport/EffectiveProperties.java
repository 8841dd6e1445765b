package org.calsim.api.transport;

import org.calsim.api.stage.Key;

/**
 * Effective transport properties of the electrolyte-filled pore space.
 *
 * <p>calsim uses the tortuosity <em>factor</em> T = ε D_0 / D_eff (eqs 10–11 of the review:
 * κ_eff = κ_0 ε / T, D_eff = D_0 ε / T). If only geometric tortuosity τ_g acts, T = τ_g² (eq 12).
 * Bruggeman's relation κ_eff = κ_0 ε^α gives T = ε^(1−α), i.e. T = ε^−0.5 for α = 1.5.
 *
 * @param porosity                 ε [1]
 * @param throughPlaneTortuosity   tortuosity factor T through the thickness [1]; +∞ if the pores do not percolate
 * @param inPlaneTortuosity        tortuosity factor in the plane [1]; NaN if not computed
 * @param electronicConductivity   effective electronic conductivity of the solid phases [S/m]; NaN if not computed
 * @param method                   how T was obtained, e.g. {@code "bruggeman alpha=1.5"}, {@code "power law a=1.02 b=-0.53"},
 *                                 {@code "voxel conduction"}
 */
public record EffectiveProperties(double porosity, double throughPlaneTortuosity, double inPlaneTortuosity,
                                  double electronicConductivity, String method) {

    /** State key of the effective transport properties. */
    public static final Key<EffectiveProperties> KEY = Key.of("transport.effective_properties",
            EffectiveProperties.class, "-", "porosity, tortuosity factor and effective conductivities");

    /** @return κ_eff / κ_0 = D_eff / D_0 = ε / T through the plane [1] (eqs 10–11) */
    public double ionicTransportRatio() {
        return porosity / throughPlaneTortuosity;
    }

    /** @return MacMullin number N_M = T / ε = κ_0 / κ_eff [1] */
    public double macMullinNumber() {
        return throughPlaneTortuosity / porosity;
    }
}
