package org.calsim.empirical.compaction;

import org.calsim.api.stage.InvalidInputException;
import org.calsim.empirical.Checks;

/**
 * Porosity and density of a coating of known solid (skeletal) density: ε = 1 − ρ/ρ_s and
 * ρ = ρ_s (1 − ε), the conversion used with eq 4 of the review (Meyer et al., J. Mater. Process.
 * Technol. 249 (2017) 172–178). Densities in kg/m³, porosity dimensionless.
 */
public final class CoatingDensity {

    private CoatingDensity() {
    }

    /**
     * @param density      coating density ρ [kg/m³], 0 &lt; ρ &lt; ρ_s
     * @param solidDensity solid density ρ_s [kg/m³], &gt; 0
     * @return porosity ε = 1 − ρ/ρ_s [1]
     * @throws InvalidInputException if the density is not below the solid density (porosity ≤ 0)
     */
    public static double porosity(double density, double solidDensity) {
        Checks.positive("solid density rho_s [kg/m^3]", solidDensity);
        Checks.positive("coating density rho [kg/m^3]", density);
        if (density >= solidDensity) {
            throw new InvalidInputException("coating density rho [kg/m^3]", density,
                    "a density below the solid density " + solidDensity + " kg/m^3 (porosity 1 - rho/rho_s > 0)");
        }
        return 1 - density / solidDensity;
    }

    /**
     * @param porosity     porosity ε [1], 0 &lt; ε &lt; 1
     * @param solidDensity solid density ρ_s [kg/m³], &gt; 0
     * @return coating density ρ = ρ_s (1 − ε) [kg/m³]
     */
    public static double density(double porosity, double solidDensity) {
        Checks.porosity("porosity", porosity);
        Checks.positive("solid density rho_s [kg/m^3]", solidDensity);
        return solidDensity * (1 - porosity);
    }
}
