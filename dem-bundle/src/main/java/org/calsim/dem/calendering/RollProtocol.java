package org.calsim.dem.calendering;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.calsim.dem.engine.DemEngine;
import org.calsim.dem.engine.PeriodicBox;
import org.calsim.dem.engine.RollWall;

/**
 * One roll pass over a periodic strip: the roll is lowered at speed v until its lowest point is at the gap,
 * translates by the strip length Lx at v_r while rolling without slip (ω = v_r/R), is lifted at v until the
 * particles no longer touch it, and the strip relaxes; the unloaded thickness is then the highest particle top
 * (what a micrometer would measure). The pressure reported is the mean nip pressure |F_z| / (Ly l_c) with the
 * projected contact length l_c = √(R (h_top − gap)) (eq 2 of the review for one roll).
 */
final class RollProtocol extends PhasedProtocol {

    private final RollWall roll;
    private final double gap;
    private final double speed;
    private final double rollSpeed;
    private final PeriodicBox box;
    private final int relaxSteps;
    private final double contactLength;
    private final double startBottom;
    private double startX;
    private boolean halfway;

    RollProtocol(RollWall roll, double gap, double speed, double rollSpeed, PeriodicBox box, int relaxSteps,
                 double particlesTop) {
        this.roll = roll;
        this.gap = gap;
        this.speed = speed;
        this.rollSpeed = rollSpeed;
        this.box = box;
        this.relaxSteps = relaxSteps;
        this.contactLength = Math.sqrt(roll.radius() * Math.max(particlesTop - gap, 0));
        this.startBottom = roll.bottom();
        roll.setMotion(0, -speed, 0);
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
                if (!halfway && travelled >= 0.5 * box.lx()) {
                    halfway = true;
                    atMaximum = true;
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
                    unloaded = engine.particles().top();
                }
            }
            default -> {
            }
        }
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
        return contactLength > 0 ? Math.abs(roll.forceZ()) / (box.ly() * contactLength) : 0;
    }

    @Override
    public double minimumThickness() {
        return gap;
    }

    @Override
    void saveOwn(DataOutput out) throws IOException {
        out.writeDouble(startX);
        out.writeBoolean(halfway);
    }

    @Override
    void loadOwn(DataInput in) throws IOException {
        startX = in.readDouble();
        halfway = in.readBoolean();
    }
}
