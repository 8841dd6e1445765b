package org.calsim.dem.calendering;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.calsim.dem.engine.DemEngine;
import org.calsim.dem.engine.Particles;
import org.calsim.dem.engine.PeriodicBox;
import org.calsim.dem.engine.RollWall;

/**
 * The contact pressure under a roll against x: the vertical forces the particles exert on the roll, binned by
 * the x of their contact point relative to the roll axis (u = R (x − x_a)/d, minimum image, bins of equal
 * width w over [−Lx/2, Lx/2)), p_k = Σ F_z / (w Ly), averaged over the steps added. The line load q_L = F_z/Ly
 * (eq 1 of the review; positive: the particles push the roll up) is averaged from the roll's total force as the
 * engine sums it, independently of the binning, so Σ_k p_k w = q_L checks the profile. Adding a step does not
 * allocate.
 */
final class NipProfile {
    private final RollWall roll;
    private final int wallIndex;
    private final PeriodicBox box;
    private final double[] force;
    private final double width;
    private double total;
    private long steps;

    /**
     * @param roll      the roll
     * @param wallIndex its index among the engine's walls
     * @param binWidth  largest bin width [m]; the bins divide Lx evenly
     */
    NipProfile(RollWall roll, int wallIndex, PeriodicBox box, double binWidth) {
        this.roll = roll;
        this.wallIndex = wallIndex;
        this.box = box;
        int bins = (int) Math.ceil(box.lx() / binWidth);
        this.force = new double[bins];
        this.width = box.lx() / bins;
    }

    /** Adds the roll's contact forces of the last force evaluation as one step of the average. */
    void add(DemEngine engine) {
        Particles p = engine.particles();
        double half = 0.5 * box.lx();
        for (int i = 0, n = p.size(); i < n; i++) {
            double fz = engine.wallForceOn(i, wallIndex, 2);
            if (fz != 0) {
                int k = (int) ((roll.contactOffsetX(p, box, i) + half) / width);
                force[Math.max(0, Math.min(force.length - 1, k))] += fz;
            }
        }
        total += roll.forceZ();
        steps++;
    }

    /** @return number of steps averaged */
    long steps() {
        return steps;
    }

    /** @return bin centres relative to the roll axis [m] */
    double[] positions() {
        double[] x = new double[force.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = -0.5 * box.lx() + (k + 0.5) * width;
        }
        return x;
    }

    /** @return bin width w [m] */
    double binWidth() {
        return width;
    }

    /** @return mean contact pressure per bin, Σ F_z / (w Ly) averaged over the steps [Pa] (zeros if none) */
    double[] pressures() {
        double[] p = new double[force.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = steps == 0 ? 0 : force[k] / (steps * width * box.ly());
        }
        return p;
    }

    /** @return mean line load F_z / Ly over the steps, from the roll's total force [N/m] (NaN if no step) */
    double lineLoad() {
        return steps == 0 ? Double.NaN : total / (steps * box.ly());
    }

    /**
     * @return length of the contact zone: from the first to the last bin with a positive mean pressure, whole
     *         bins [m] (0 if none)
     */
    double contactLength() {
        int first = -1;
        int last = -2;
        for (int k = 0; k < force.length; k++) {
            if (force[k] > 0) {
                first = first < 0 ? k : first;
                last = k;
            }
        }
        return (last - first + 1) * width;
    }

    void save(DataOutput out) throws IOException {
        out.writeLong(steps);
        out.writeDouble(total);
        for (double f : force) {
            out.writeDouble(f);
        }
    }

    void load(DataInput in) throws IOException {
        steps = in.readLong();
        total = in.readDouble();
        for (int k = 0; k < force.length; k++) {
            force[k] = in.readDouble();
        }
    }
}
