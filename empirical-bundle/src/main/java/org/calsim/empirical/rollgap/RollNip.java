package org.calsim.empirical.rollgap;

import org.calsim.api.stage.InvalidInputException;
import org.calsim.empirical.Checks;

/**
 * Geometry and loading of the coating in the gap between two calender rolls: eqs 1–3 of the review
 * (section 2.1), after Meyer et al., "Characterization of the calendering process for compaction of
 * electrodes for lithium-ion batteries", J. Mater. Process. Technol. 249 (2017) 172–178.
 *
 * <p>All quantities SI: lengths in m, forces in N, line loads in N/m, pressures in Pa, speeds in m/s,
 * times in s.
 *
 * <ul>
 * <li>line load q_L = F_N / w_C (eq 1);</li>
 * <li>nip contact area A_Γ = w_C (√(r_R(δ_0 − δ_Γ)) + √(r_R(δ_1 − δ_Γ))) (eq 2), with δ_0 the incoming
 * thickness, δ_1 the outgoing thickness after spring-back and δ_Γ the roll gap; the first term is the
 * compaction zone, the second the relaxation zone;</li>
 * <li>contact (arc) length A_Γ / w_C, mean nip pressure F_N / A_Γ, residence time (A_Γ / w_C) / v_0;</li>
 * <li>degree of compaction Π = 1 − δ_1 / δ_0 (eq 3) and spring-back (δ_1 − δ_Γ) / δ_Γ.</li>
 * </ul>
 */
public final class RollNip {

    private final double rollForce;
    private final double coatingWidth;
    private final double rollRadius;
    private final double incomingThickness;
    private final double outgoingThickness;
    private final double rollGap;
    private final double speed;

    /**
     * @param rollForce         roll force F_N [N], &ge; 0
     * @param coatingWidth      coated width w_C [m], &gt; 0
     * @param rollRadius        roll radius r_R [m], &gt; 0
     * @param incomingThickness coating thickness before the nip δ_0 [m], &gt; δ_Γ
     * @param outgoingThickness coating thickness after spring-back δ_1 [m], δ_Γ &le; δ_1 &le; δ_0
     * @param rollGap           roll gap δ_Γ [m], &gt; 0
     * @param speed             web speed v_0 [m/s], &gt; 0
     * @throws InvalidInputException if a value is out of range, the gap is not smaller than the incoming
     *                               thickness, or the outgoing thickness lies below the gap or above the
     *                               incoming thickness
     */
    public RollNip(double rollForce, double coatingWidth, double rollRadius, double incomingThickness,
                   double outgoingThickness, double rollGap, double speed) {
        this.rollForce = Checks.nonNegative("roll force F_N [N]", rollForce);
        this.coatingWidth = Checks.positive("coating width w_C [m]", coatingWidth);
        this.rollRadius = Checks.positive("roll radius r_R [m]", rollRadius);
        this.incomingThickness = Checks.positive("incoming thickness delta_0 [m]", incomingThickness);
        this.outgoingThickness = Checks.positive("outgoing thickness delta_1 [m]", outgoingThickness);
        this.rollGap = Checks.positive("roll gap delta_Gamma [m]", rollGap);
        this.speed = Checks.positive("speed v_0 [m/s]", speed);
        if (rollGap >= incomingThickness) {
            throw new InvalidInputException("roll gap delta_Gamma [m]", rollGap,
                    "a gap smaller than the incoming coating thickness " + incomingThickness
                            + " m, otherwise the rolls do not touch the coating");
        }
        if (outgoingThickness < rollGap) {
            throw new InvalidInputException("outgoing thickness delta_1 [m]", outgoingThickness,
                    "a thickness >= the roll gap " + rollGap + " m (the coating springs back, it does not shrink"
                            + " after the nip)");
        }
        if (outgoingThickness > incomingThickness) {
            throw new InvalidInputException("outgoing thickness delta_1 [m]", outgoingThickness,
                    "a thickness <= the incoming thickness " + incomingThickness + " m");
        }
    }

    /**
     * Builds the nip from the line load rather than the force.
     *
     * @param lineLoad line load q_L [N/m], &ge; 0; the other arguments as in the constructor
     * @return the nip with F_N = q_L w_C (eq 1)
     */
    public static RollNip fromLineLoad(double lineLoad, double coatingWidth, double rollRadius,
                                       double incomingThickness, double outgoingThickness, double rollGap,
                                       double speed) {
        Checks.nonNegative("line load q_L [N/m]", lineLoad);
        Checks.positive("coating width w_C [m]", coatingWidth);
        return new RollNip(lineLoad * coatingWidth, coatingWidth, rollRadius, incomingThickness,
                outgoingThickness, rollGap, speed);
    }

    /** @return roll force F_N [N] */
    public double rollForce() {
        return rollForce;
    }

    /** @return line load q_L = F_N / w_C [N/m] (eq 1) */
    public double lineLoad() {
        return rollForce / coatingWidth;
    }

    /** @return length of the compaction zone √(r_R(δ_0 − δ_Γ)) [m] (first term of eq 2) */
    public double compactionZoneLength() {
        return Math.sqrt(rollRadius * (incomingThickness - rollGap));
    }

    /** @return length of the relaxation zone √(r_R(δ_1 − δ_Γ)) [m] (second term of eq 2) */
    public double relaxationZoneLength() {
        return Math.sqrt(rollRadius * (outgoingThickness - rollGap));
    }

    /** @return contact (arc) length in the nip A_Γ / w_C [m] (eq 2) */
    public double contactLength() {
        return compactionZoneLength() + relaxationZoneLength();
    }

    /** @return nip contact area A_Γ = w_C (√(r_R(δ_0 − δ_Γ)) + √(r_R(δ_1 − δ_Γ))) [m²] (eq 2) */
    public double contactArea() {
        return coatingWidth * contactLength();
    }

    /** @return mean nip pressure F_N / A_Γ = q_L / (A_Γ / w_C) [Pa] */
    public double meanPressure() {
        return lineLoad() / contactLength();
    }

    /** @return residence time of a coating element in the nip (A_Γ / w_C) / v_0 [s] */
    public double residenceTime() {
        return contactLength() / speed;
    }

    /** @return degree of compaction Π = 1 − δ_1 / δ_0 [1] (eq 3) */
    public double compactionDegree() {
        return 1 - outgoingThickness / incomingThickness;
    }

    /** @return elastic spring-back (δ_1 − δ_Γ) / δ_Γ [1] */
    public double springBack() {
        return (outgoingThickness - rollGap) / rollGap;
    }
}
