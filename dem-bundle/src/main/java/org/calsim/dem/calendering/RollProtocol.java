package org.calsim.dem.calendering;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.calsim.dem.analysis.SurfaceHeight;
import org.calsim.dem.engine.DemEngine;
import org.calsim.dem.engine.PeriodicBox;
import org.calsim.dem.engine.RollWall;

/**
 * One roll pass over a periodic strip. The roll comes down while it already rolls: its lowest point descends
 * from just above the particles to the gap along a ramp one entry length l_e = √(2R(h_top − gap)) long
 * (translation v_r, descent v_r (b₀ − gap)/l_e, no faster than the lowering speed v), as a roll meets a moving
 * web, instead of indenting the strip in one place (an indentation pushes the material both ways, and a short
 * periodic strip has nowhere to put it). At the gap it translates by the strip length Lx at v_r while rolling
 * without slip (ω = v_r/R), is lifted at v until the particles no longer touch it, and the strip relaxes.
 *
 * <p>The unloaded thickness is the mean surface height of the strip ({@link SurfaceHeight}, grid spacing
 * {@code surfaceSpacing}): the whole strip is behind the roll after the pass, and a profilometer, not the
 * single highest particle, gives its thickness. The pressure of the compression curve is the mean nip
 * pressure |F_z| / (Ly l_e) over the entry length l_e = √(2R (h_top − gap)), the projected arc on which the roll
 * meets the strip (eq 2 of the review, √(r_R Δδ) for two rolls of radius r_R = 2R that each compress half of
 * Δδ = h_top − gap: one roll on a rigid collector). The contact pressure against x ({@link NipProfile}) is recorded at the maximum-load step (halfway
 * through the pass) and averaged over the steady part of the pass: after one entry length at the gap, until one
 * entry length before the roll returns to where it came down, so that neither the ramp nor the material the
 * ramp compacted is under the roll.
 */
final class RollProtocol extends PhasedProtocol {

    private final RollWall roll;
    private final double gap;
    private final double speed;
    private final double rollSpeed;
    private final PeriodicBox box;
    private final int relaxSteps;
    private final double entryLength;
    private final double depth;
    private final double startBottom;
    private final double surfaceSpacing;
    private final NipProfile steady;
    private final NipProfile atMaximumLoad;
    private double startX;
    private boolean halfway;

    /**
     * @param roll           the roll, placed with its lowest point just above the particles
     * @param wallIndex      the roll's index among the engine's walls
     * @param gap            height of the roll's lowest point during the pass [m]
     * @param speed          lowering (largest) and lifting speed v [m/s]
     * @param rollSpeed      translation speed v_r [m/s]
     * @param relaxSteps     steps the released strip relaxes
     * @param particlesTop   highest particle top before the pass [m]
     * @param binWidth       largest bin width of the nip pressure profile [m]
     * @param surfaceSpacing grid spacing of the mean surface height [m]
     */
    RollProtocol(RollWall roll, int wallIndex, double gap, double speed, double rollSpeed, PeriodicBox box,
                 int relaxSteps, double particlesTop, double binWidth, double surfaceSpacing) {
        this.roll = roll;
        this.gap = gap;
        this.speed = speed;
        this.rollSpeed = rollSpeed;
        this.box = box;
        this.relaxSteps = relaxSteps;
        this.depth = Math.max(particlesTop - gap, 0);
        this.entryLength = Math.sqrt(2 * roll.radius() * depth);
        this.startBottom = roll.bottom();
        this.surfaceSpacing = surfaceSpacing;
        this.steady = new NipProfile(roll, wallIndex, box, binWidth);
        this.atMaximumLoad = new NipProfile(roll, wallIndex, box, binWidth);
        double descent = Math.min(speed, rollSpeed * (startBottom - gap) / Math.max(entryLength, 1e-300));
        roll.setMotion(rollSpeed, -descent, rollSpeed / roll.radius());
    }

    @Override
    public void afterStep(DemEngine engine) {
        atMaximum = false;
        switch (phase) {
            case LOADING -> {
                if (roll.bottom() <= gap) {
                    enter(LOADED);
                    startX = roll.centreX();
                    roll.setMotion(rollSpeed, 0, rollSpeed / roll.radius());
                }
            }
            case LOADED -> {
                double travelled = roll.centreX() - startX;
                if (travelled >= entryLength && travelled <= box.lx() - entryLength) {
                    steady.add(engine);
                }
                if (!halfway && travelled >= 0.5 * box.lx()) {
                    halfway = true;
                    atMaximum = true;
                    atMaximumLoad.add(engine);
                }
                if (travelled >= box.lx()) {
                    enter(UNLOADING);
                    roll.setMotion(0, speed, 0);
                }
            }
            case UNLOADING -> {
                if (roll.forceZ() == 0 && roll.forceX() == 0) {
                    enter(RELAX);
                }
            }
            case RELAX -> {
                if (++counter >= relaxSteps) {
                    enter(DONE);
                    roll.setMotion(0, 0, 0);
                    unloaded = surface(engine).mean();
                }
            }
            default -> {
            }
        }
    }

    /** @return the strip's surface now, on the protocol's grid */
    SurfaceHeight surface(DemEngine engine) {
        return SurfaceHeight.of(engine.particles(), box.lx(), box.ly(), surfaceSpacing);
    }

    /** @return the contact pressure profile averaged over the steady part of the pass */
    NipProfile steadyProfile() {
        return steady;
    }

    /** @return the contact pressure profile at the maximum-load step */
    NipProfile maximumLoadProfile() {
        return atMaximumLoad;
    }

    /**
     * @return the rate of compaction of the strip under the roll, v_r (h_top − gap) / (gap l_e): the strain
     *         Δh/gap accumulates over the entry length l_e, passed in l_e/v_r [1/s]
     */
    double strainRate() {
        return entryLength > 0 ? rollSpeed * depth / (gap * entryLength) : 0;
    }

    /**
     * @return entry length l_e = √(2R (h_top − gap)): where the roll surface comes down to the highest particle
     *         top ahead of the axis (one roll on a rigid collector; eq 2's √(r_R Δδ) is the same for two rolls of
     *         radius r_R = 2R) [m]
     */
    double entryLength() {
        return entryLength;
    }

    /** @return the roll */
    RollWall roll() {
        return roll;
    }

    @Override
    public double progress() {
        return switch (phase) {
            case LOADING -> 0.1 * Math.max(0, Math.min(1, (startBottom - roll.bottom()) / (startBottom - gap)));
            case LOADED -> 0.1 + 0.7 * Math.min(1, (roll.centreX() - startX) / box.lx());
            case UNLOADING -> 0.8 + 0.1 * Math.min(1, (roll.bottom() - gap) / Math.max(1e-300, 0.2 * gap));
            case RELAX -> 0.9 + 0.1 * counter / Math.max(1.0, relaxSteps);
            default -> 1;
        };
    }

    @Override
    public double loadingProgress() {
        return Double.NaN; // the roll loads each part of the strip in turn: no series of global states
    }

    @Override
    public String describe(DemEngine engine) {
        String[] names = {"lowering the roll", "rolling", "lifting the roll", "relaxing", "done"};
        return String.format("%s: step %d, roll at x = %.1f um, gap %.2f um, line load %.3g N/m", names[phase],
                engine.steps(), roll.centreX() * 1e6, roll.bottom() * 1e6, Math.abs(roll.forceZ()) / box.ly());
    }

    @Override
    public double toolThickness() {
        return roll.bottom();
    }

    @Override
    public double pressure() {
        return entryLength > 0 ? Math.abs(roll.forceZ()) / (box.ly() * entryLength) : 0;
    }

    @Override
    public double minimumThickness() {
        return gap;
    }

    @Override
    void saveOwn(DataOutput out) throws IOException {
        out.writeDouble(startX);
        out.writeBoolean(halfway);
        steady.save(out);
        atMaximumLoad.save(out);
    }

    @Override
    void loadOwn(DataInput in) throws IOException {
        startX = in.readDouble();
        halfway = in.readBoolean();
        steady.load(in);
        atMaximumLoad.load(in);
    }
}
