package org.calsim.api.electrode;

import org.calsim.api.stage.Key;

/**
 * One roll pass as a simulation measured it: a single rigid roll of radius R over a strip resting on a rigid
 * current collector, its lowest point at the gap. Geometrically this is half of a two-roll nip of rolls of radius 2R
 * (each of which compresses half of the thickness reduction), so eqs 1–3 of the review apply with r_R = 2R; a stage
 * that evaluates them for the pass can compare its contact length and mean pressure with the measured ones.
 *
 * @param rollRadius        radius R of the single roll [m], &gt; 0
 * @param incomingThickness thickness d₀ of the strip before the pass (its mean surface height) [m], &gt; 0
 * @param gap               height of the roll's lowest point above the collector during the pass [m], &gt; 0
 * @param outgoingThickness thickness d₁ after the pass, sprung back (mean surface height) [m], &gt; 0
 * @param lineLoad          measured line load q_L = |F_z| / width, mean over the steady part of the pass [N/m], ≥ 0
 * @param contactLength     measured length of the zone in which the roll touches the strip [m], ≥ 0
 * @param speed             translation speed of the roll over the strip [m/s], &gt; 0
 */
public record RollPass(double rollRadius, double incomingThickness, double gap, double outgoingThickness,
                       double lineLoad, double contactLength, double speed) {
    /** The roll pass a stage measured. */
    public static final Key<RollPass> KEY = Key.of("calendering.roll_pass", RollPass.class, "-",
            "a simulated roll pass: roll radius, thicknesses, gap, measured line load and contact length");

    public RollPass {
        positive("rollRadius", rollRadius);
        positive("incomingThickness", incomingThickness);
        positive("gap", gap);
        positive("outgoingThickness", outgoingThickness);
        positive("speed", speed);
        if (!(lineLoad >= 0) || Double.isInfinite(lineLoad)) {
            throw new IllegalArgumentException("roll pass lineLoad " + lineLoad + " is not allowed; expected >= 0 N/m");
        }
        if (!(contactLength >= 0) || Double.isInfinite(contactLength)) {
            throw new IllegalArgumentException("roll pass contactLength " + contactLength
                    + " is not allowed; expected >= 0 m");
        }
    }

    private static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("roll pass " + field + " " + value + " is not allowed; expected a "
                    + "finite number > 0");
        }
    }

    /** @return the mean nip pressure the simulation measured, q_L over the measured contact length [Pa] */
    public double measuredPressure() {
        return contactLength > 0 ? lineLoad / contactLength : 0;
    }
}
