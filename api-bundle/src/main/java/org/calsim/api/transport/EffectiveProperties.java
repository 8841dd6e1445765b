package org.calsim.api.transport;

import org.calsim.api.stage.Key;

/**
 * Effective transport properties of the electrolyte-filled pore space, with the volume fractions they refer to.
 *
 * <p>calsim uses the tortuosity <em>factor</em> T = ε D_0 / D_eff (eqs 10–11 of the review:
 * κ_eff = κ_0 ε / T, D_eff = D_0 ε / T). If only geometric tortuosity τ_g acts, T = τ_g² (eq 12).
 * Bruggeman's relation κ_eff = κ_0 ε^α gives T = ε^(1−α), i.e. T = ε^−0.5 for α = 1.5.
 *
 * <p><b>Porosities.</b> A coating holds electrolyte in two places: the pores between particles and the nanopores
 * inside the carbon–binder domain (CBD). calsim names them once, here:
 * <ul>
 *   <li><em>pore porosity</em> ε_p ({@link #porosity()}): the volume fraction of the pores a voxel image resolves,
 *       the apparent CBD (its nanopores included) counted as solid. T is defined against it, as TauFactor defines
 *       it against the phase it conducts in (Cooper et al., SoftwareX 5 (2016) 203).</li>
 *   <li><em>CBD nanoporosity</em> ε_n: the pore fraction inside the CBD [1].</li>
 *   <li><em>total porosity</em> ε ({@link #totalPorosity()}): ε_p + ε_n φ_CBD, with φ_CBD the apparent CBD volume
 *       fraction: all the volume not taken by solid at its skeletal density, as a recipe's porosity
 *       1 − ρ_C/ρ_s and a DEM packing's porosity count it. It is the electrolyte volume fraction of a P2D
 *       electrode.</li>
 *   <li><em>active volume fraction</em> ε_s ({@link #activeVolumeFraction()}): the active material's volume
 *       fraction, NaN where only a closure was used (then the recipe gives it).</li>
 * </ul>
 * A closure that does not resolve the CBD (Bruggeman, a fitted power law) has ε_p = ε.
 * Consumers that need ε/T for another volume fraction use {@link #tortuosityFactorFor(double)}, which keeps the
 * computed D_eff/D_0.
 *
 * @param porosity                 pore porosity ε_p [1], the volume fraction T is defined against
 * @param totalPorosity            total porosity ε ≥ ε_p [1]
 * @param activeVolumeFraction     active-material volume fraction ε_s [1]; NaN if not known from the structure
 * @param throughPlaneTortuosity   tortuosity factor T through the thickness, against ε_p [1]; +∞ if the pores do not
 *                                 percolate
 * @param inPlaneTortuosity        tortuosity factor in the plane, against ε_p [1]; NaN if not computed
 * @param electronicConductivity   effective electronic conductivity of the solid phases [S/m]; NaN if not computed
 * @param method                   how T was obtained, e.g. {@code "bruggeman alpha=1.5"}, {@code "power law a=1.02 b=-0.53"},
 *                                 {@code "voxel conduction"}
 */
public record EffectiveProperties(double porosity, double totalPorosity, double activeVolumeFraction,
                                  double throughPlaneTortuosity, double inPlaneTortuosity,
                                  double electronicConductivity, String method) {

    /** State key of the effective transport properties. */
    public static final Key<EffectiveProperties> KEY = Key.of("transport.effective_properties",
            EffectiveProperties.class, "-", "porosity, tortuosity factor and effective conductivities");

    /**
     * @throws IllegalArgumentException if the total porosity is below the pore porosity, or a fraction lies outside
     *                                  [0, 1]
     */
    public EffectiveProperties {
        if (!(porosity >= 0 && porosity <= 1) || !(totalPorosity >= porosity && totalPorosity <= 1)) {
            throw new IllegalArgumentException("porosities need 0 <= pore porosity <= total porosity <= 1, got "
                    + porosity + " and " + totalPorosity);
        }
        if (!Double.isNaN(activeVolumeFraction) && !(activeVolumeFraction >= 0
                && activeVolumeFraction <= 1 - totalPorosity + 1e-12)) {
            throw new IllegalArgumentException("the active volume fraction " + activeVolumeFraction
                    + " must lie in [0, 1 - total porosity " + totalPorosity + "]");
        }
    }

    /**
     * Properties from a closure that does not resolve the CBD: the total porosity is the pore porosity, and the
     * active volume fraction comes from the recipe.
     */
    public EffectiveProperties(double porosity, double throughPlaneTortuosity, double inPlaneTortuosity,
                               double electronicConductivity, String method) {
        this(porosity, porosity, Double.NaN, throughPlaneTortuosity, inPlaneTortuosity, electronicConductivity,
                method);
    }

    /** @return κ_eff / κ_0 = D_eff / D_0 = ε_p / T through the plane [1] (eqs 10–11) */
    public double ionicTransportRatio() {
        return porosity / throughPlaneTortuosity;
    }

    /**
     * The tortuosity factor against another volume fraction that gives the same D_eff / D_0: T' = ε' T / ε_p. A P2D
     * electrode, whose electrolyte volume fraction is the total porosity, takes T' for ε' = ε.
     *
     * @param volumeFraction ε' [1]
     * @return T' [1]; +∞ if the pores do not percolate
     */
    public double tortuosityFactorFor(double volumeFraction) {
        return volumeFraction / ionicTransportRatio();
    }
}
