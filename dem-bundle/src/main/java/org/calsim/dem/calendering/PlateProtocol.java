package org.calsim.dem.calendering;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.calsim.dem.engine.DemEngine;
import org.calsim.dem.engine.PlaneWall;

/**
 * Uniaxial compaction by a plate: down at speed v to a height (compaction target) or a pressure; hold (fixed,
 * or servo-controlled at the target pressure); up at v; the unloaded thickness is the plate height at which
 * the particles stop pushing on it (force exactly zero); then the plate keeps rising while the coating relaxes.
 */
final class PlateProtocol extends PhasedProtocol {

    private final PlaneWall plate;
    private final double gap;
    private final double targetPressure;
    private final double speed;
    private final int holdSteps;
    private final int relaxSteps;
    private final double area;
    private final double start;
    private double minimum = Double.POSITIVE_INFINITY;

    /**
     * @param gap            plate height that ends loading [m] (compaction target)
     * @param targetPressure pressure that ends loading [Pa], NaN to load to {@code gap}
     */
    PlateProtocol(PlaneWall plate, double gap, double targetPressure, double speed, int holdSteps, int relaxSteps,
                  double area) {
        this.plate = plate;
        this.gap = gap;
        this.targetPressure = targetPressure;
        this.speed = speed;
        this.holdSteps = holdSteps;
        this.relaxSteps = relaxSteps;
        this.area = area;
        this.start = plate.height();
        plate.setVelocity(-speed);
    }

    private boolean byPressure() {
        return !Double.isNaN(targetPressure);
    }

    @Override
    public void afterStep(DemEngine engine) {
        atMaximum = false;
        double h = plate.height();
        minimum = Math.min(minimum, h);
        switch (phase) {
            case LOADING -> {
                if (byPressure() ? pressure() >= targetPressure : h <= gap) {
                    enter(LOADED);
                    atMaximum = true;
                    if (byPressure()) {
                        plate.servo(targetPressure, speed);
                    } else {
                        plate.setVelocity(0);
                    }
                }
            }
            case LOADED -> {
                if (++counter >= holdSteps) {
                    enter(UNLOADING);
                    plate.setVelocity(speed);
                }
            }
            case UNLOADING -> {
                if (plate.forceZ() == 0) {
                    unloaded = h;
                    enter(RELAX);
                }
            }
            case RELAX -> {
                if (++counter >= relaxSteps) {
                    enter(DONE);
                    plate.setVelocity(0);
                }
            }
            default -> {
            }
        }
    }

    @Override
    public double progress() {
        double h = plate.height();
        return switch (phase) {
            case LOADING -> 0.6 * loadingProgress();
            case LOADED -> 0.6 + 0.1 * counter / Math.max(1.0, holdSteps);
            case UNLOADING -> 0.7 + 0.2 * Math.min(1, (h - minimum) / Math.max(1e-300, 0.2 * minimum));
            case RELAX -> 0.9 + 0.1 * counter / Math.max(1.0, relaxSteps);
            default -> 1;
        };
    }

    @Override
    public double loadingProgress() {
        if (phase != LOADING) {
            return 1;
        }
        return Math.max(0, Math.min(1, byPressure() ? pressure() / targetPressure
                : (start - plate.height()) / (start - gap)));
    }

    @Override
    public String describe(DemEngine engine) {
        String[] names = {"loading", "holding", "unloading", "relaxing", "done"};
        return String.format("%s: step %d, plate at %.2f um, %.3g MPa", names[phase], engine.steps(),
                plate.height() * 1e6, pressure() / 1e6);
    }

    @Override
    public double toolThickness() {
        return plate.height();
    }

    @Override
    public double pressure() {
        return Math.abs(plate.forceZ()) / area;
    }

    @Override
    public double minimumThickness() {
        return minimum;
    }

    @Override
    void saveOwn(DataOutput out) throws IOException {
        out.writeDouble(minimum);
    }

    @Override
    void loadOwn(DataInput in) throws IOException {
        minimum = in.readDouble();
    }
}
