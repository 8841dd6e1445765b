package org.calsim.empirical.compaction;

import org.calsim.api.stage.InvalidInputException;
import org.calsim.empirical.Checks;

/**
 * The damping correction factor of the porosity–line-load law, eq 6 of the review:
 * γ_C = (μ_0 − ξ T_R) M_C, after Meyer et al., J. Mater. Process. Technol. 249 (2017) 172–178 (review ref 38); see also
 * Meyer et al., J. Energy Storage 18 (2018) 371–379 (review ref 46).
 *
 * <p>Units SI: μ_0 [(N/m)/(kg/m²)] is the mass factor at 0 °C, ξ [(N/m)/(kg/m²)/°C] the temperature
 * factor, T_R the roll temperature in °C (the law is written in °C, not K), M_C the active mass loading
 * [kg/m²]; γ_C comes out in N/m. 1 kN/m per mg/cm² = 10⁵ (N/m)/(kg/m²).
 */
public final class DampingFactor {

    private DampingFactor() {
    }

    /**
     * @param massFactor        μ_0 [(N/m)/(kg/m²)]
     * @param temperatureFactor ξ [(N/m)/(kg/m²)/°C]
     * @param rollTemperature   T_R [°C]
     * @param activeMassLoading M_C [kg/m²], &gt; 0
     * @return γ_C = (μ_0 − ξ T_R) M_C [N/m]
     * @throws InvalidInputException naming μ_0, ξ and T_R if μ_0 − ξ T_R &le; 0
     */
    public static double gamma(double massFactor, double temperatureFactor, double rollTemperature,
                               double activeMassLoading) {
        Checks.finite("mu0 [(N/m)/(kg/m^2)]", massFactor);
        Checks.finite("xi [(N/m)/(kg/m^2)/C]", temperatureFactor);
        Checks.finite("roll temperature T_R [C]", rollTemperature);
        Checks.positive("active mass loading M_C [kg/m^2]", activeMassLoading);
        double perLoading = massFactor - temperatureFactor * rollTemperature;
        if (!(perLoading > 0)) {
            throw new InvalidInputException("mu0 - xi*T_R (eq 6; mu0 = " + massFactor + ", xi = " + temperatureFactor
                    + ", T_R = " + rollTemperature + " C)", perLoading,
                    "a positive value: the damping factor gamma_C = (mu0 - xi*T_R)*M_C must be > 0;"
                            + " lower xi or the roll temperature, or raise mu0");
        }
        return perLoading * activeMassLoading;
    }
}
