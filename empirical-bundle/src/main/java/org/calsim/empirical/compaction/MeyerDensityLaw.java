package org.calsim.empirical.compaction;

import org.calsim.api.stage.InvalidInputException;
import org.calsim.empirical.Checks;

/**
 * Meyer's density–line-load law, eq 4 of the review: q_L = A (ρ_C,i − ρ_C,0)^B, after Meyer et al.,
 * J. Mater. Process. Technol. 249 (2017) 172–178, valid for degrees of compaction 0 &le; Π &le; 0.25.
 *
 * <p>So that A carries one unit whatever B is, calsim writes the law with the density rise made
 * dimensionless by {@link #REFERENCE_DENSITY} ρ_ref = 1 g/cm³ = 1000 kg/m³:
 * q_L = A ((ρ_i − ρ_0)/ρ_ref)^B. A [N/m] is then the line load that raises the coating density by
 * 1 g/cm³, and the numbers equal those of the paper's A in kN/m per (g/cm³)^B times 1000.
 *
 * <p>Units SI: densities kg/m³, line loads N/m.
 */
public final class MeyerDensityLaw {

    /** Density that makes the density rise dimensionless, ρ_ref = 1 g/cm³ [kg/m³]. */
    public static final double REFERENCE_DENSITY = 1000.0;

    private final double coefficient;
    private final double exponent;
    private final double initialDensity;

    /**
     * @param coefficient    A [N/m], &gt; 0: the line load that raises the density by 1 g/cm³
     * @param exponent       B [1], &gt; 0
     * @param initialDensity coating density before calendering ρ_C,0 [kg/m³], &gt; 0
     */
    public MeyerDensityLaw(double coefficient, double exponent, double initialDensity) {
        this.coefficient = Checks.positive("A [N/m]", coefficient);
        this.exponent = Checks.positive("B [1]", exponent);
        this.initialDensity = Checks.positive("initial coating density rho_0 [kg/m^3]", initialDensity);
    }

    /** @return A [N/m] */
    public double coefficient() {
        return coefficient;
    }

    /** @return B [1] */
    public double exponent() {
        return exponent;
    }

    /** @return ρ_C,0 [kg/m³] */
    public double initialDensity() {
        return initialDensity;
    }

    /**
     * Eq 4: the line load that gives a coating density.
     *
     * @param density coating density after calendering ρ_C,i [kg/m³], &ge; ρ_C,0
     * @return q_L = A ((ρ_i − ρ_0)/ρ_ref)^B [N/m]
     */
    public double lineLoad(double density) {
        if (!(density >= initialDensity) || Double.isInfinite(density)) {
            throw new InvalidInputException("coating density rho_i [kg/m^3]", density,
                    "a finite density >= the initial density " + initialDensity + " kg/m^3");
        }
        return coefficient * Math.pow((density - initialDensity) / REFERENCE_DENSITY, exponent);
    }

    /**
     * Eq 4 inverted: the coating density a line load gives.
     *
     * @param lineLoad line load q_L [N/m], &ge; 0
     * @return ρ_C,i = ρ_C,0 + ρ_ref (q_L / A)^(1/B) [kg/m³]
     */
    public double density(double lineLoad) {
        Checks.nonNegative("line load q_L [N/m]", lineLoad);
        return initialDensity + REFERENCE_DENSITY * Math.pow(lineLoad / coefficient, 1 / exponent);
    }
}
