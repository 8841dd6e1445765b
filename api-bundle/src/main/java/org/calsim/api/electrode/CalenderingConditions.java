package org.calsim.api.electrode;

import org.calsim.api.stage.Key;

/**
 * The calendering process of a job. All values SI.
 *
 * @param lineLoad        line load q_L = F_N / w_C [N/m] (eq 1 of the review; 1 kN/m = 1 N/mm)
 * @param rollRadius      roll radius r_R [m]
 * @param rollGap         gap between the rolls δ_Γ [m], NaN when not prescribed (load-controlled)
 * @param rollTemperature roll temperature T_R [°C] (eq 6 uses °C: μ_0 is the mass factor at 0 °C)
 * @param speed           web speed v_0 [m/s]
 * @param coatingWidth    coated width w_C [m]
 */
public record CalenderingConditions(double lineLoad, double rollRadius, double rollGap, double rollTemperature,
                                    double speed, double coatingWidth) {

    /** State key under which the job's calendering conditions are given. */
    public static final Key<CalenderingConditions> KEY = Key.of("calendering.conditions",
            CalenderingConditions.class, "-", "roll and process conditions");

    /** @return whether a roll gap was prescribed */
    public boolean hasRollGap() {
        return !Double.isNaN(rollGap);
    }

    /** @return roll force F_N = q_L w_C [N] (eq 1) */
    public double rollForce() {
        return lineLoad * coatingWidth;
    }
}
