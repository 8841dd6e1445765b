package org.calsim.dem.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * Newton's equations for the spheres (YADE's {@code NewtonIntegrator}): velocity Verlet for translation and rotation,
 * the {@code nve/sphere} scheme of LAMMPS/LIGGGHTS — half kick and drift ({@link #drift}), forces, half kick
 * ({@link #kick}); contact damping sees the half-step velocities — with the body forces gravity along z and a viscous
 * drag F = −c m v ({@link #addBodyForces}), periodic wrapping in x and y, and the clock (step, time [s]).
 *
 * <p><b>Time step and the stiffest contact.</b> Every force evaluation records the contact with the largest
 * ω² = k (1/m_i + 1/m_j), k the normal stiffness its law wrote (bond springs included; 1/m_j = 0 for a wall): the
 * angular frequency of the stiffest normal oscillation actually present. Velocity Verlet is stable for ω·Δt &lt; 2 and
 * accurate to a few per cent of the contact's energy for ω·Δt ≲ 0.3 (the sliding mode of two solid spheres,
 * k_t·3.5/m*, is up to 1.7 times faster for Mindlin; the margin covers it). When ω·Δt exceeds the limit (0.3 unless
 * set), the next step is reduced to 0.9 × limit/ω and the reduction is counted ({@link #limitTimeStep}).
 */
final class Integrator {
    private final Particles particles;
    private final PeriodicBox box;
    private final NeighbourList list;

    /** steps taken */
    long step;
    /** simulated time [s] */
    double time;
    /** time step Δt [s] */
    double dt;
    /** gravitational acceleration along z [m/s²] */
    double gravityZ;
    /** drag coefficient c [1/s] */
    private double drag;
    /** largest ω·Δt of the stiffest contact */
    private double stabilityLimit = DemEngine.DEFAULT_STABILITY_LIMIT;
    /** how often the step was reduced */
    int timeStepReductions;
    /** the stiffest contact of the last reduction, or empty */
    String stiffest = "";

    Integrator(Particles particles, PeriodicBox box, NeighbourList list) {
        this.particles = particles;
        this.box = box;
        this.list = list;
    }

    /** Sets Δt [s], a finite number &gt; 0. */
    void setTimeStep(double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("time step must be a finite number > 0 s, was " + seconds);
        }
        dt = seconds;
    }

    /** Sets the drag coefficient c [1/s], a finite number ≥ 0. */
    void setDrag(double perSecond) {
        if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("drag must be a finite number >= 0 1/s, was " + perSecond);
        }
        drag = perSecond;
    }

    /** Sets the largest ω·Δt of the stiffest contact, &gt; 0 and &lt; 2 (velocity Verlet's stability bound). */
    void setStabilityLimit(double omegaDt) {
        if (!(omegaDt > 0 && omegaDt < 2)) {
            throw new IllegalArgumentException("stability limit must be > 0 and < 2 (omega*dt), was " + omegaDt);
        }
        stabilityLimit = omegaDt;
    }

    /**
     * Half kick with the forces of the last evaluation, drift and wrap, for the particles {@code from … to−1}; notes
     * in the worker the largest squared displacement since the last list build and the first non-finite particle.
     */
    void drift(Worker me, int from, int to) {
        Particles p = particles;
        double max2 = 0;
        double[] x0 = list.x0;
        double[] y0 = list.y0;
        double[] z0 = list.z0;
        for (int i = from; i < to; i++) {
            kick(i); // the first half kick, with the forces of the last evaluation
            p.x[i] = box.wrapX(p.x[i] + dt * p.vx[i]);
            p.y[i] = box.wrapY(p.y[i] + dt * p.vy[i]);
            p.z[i] += dt * p.vz[i];
            double dx = box.imageX(p.x[i] - x0[i]);
            double dy = box.imageY(p.y[i] - y0[i]);
            double dz = p.z[i] - z0[i];
            double d2 = dx * dx + dy * dy + dz * dz;
            if (d2 > max2) {
                max2 = d2;
            }
            if (Double.isNaN(d2) && me.badParticle < 0) {
                me.badParticle = i;
                me.nan = true;
            }
        }
        me.maxDisplacement2 = max2;
    }

    /** Advances the clock by one step. */
    void tick() {
        step++;
        time += dt;
    }

    /** Adds drag and gravity to particle i's force. */
    void addBodyForces(int i) {
        Particles p = particles;
        double m = 1.0 / p.invMass[i];
        p.fx[i] -= drag * m * p.vx[i];
        p.fy[i] -= drag * m * p.vy[i];
        p.fz[i] += gravityZ * m - drag * m * p.vz[i];
    }

    /** The second half kick of particle i, with its force and torque of this evaluation. */
    void kick(int i) {
        Particles p = particles;
        double half = 0.5 * dt;
        double im = p.invMass[i];
        double ii = p.invInertia[i];
        p.vx[i] += half * p.fx[i] * im;
        p.vy[i] += half * p.fy[i] * im;
        p.vz[i] += half * p.fz[i] * im;
        p.wx[i] += half * p.tx[i] * ii;
        p.wy[i] += half * p.ty[i] * ii;
        p.wz[i] += half * p.tz[i] * ii;
    }

    /**
     * Reduces the next step when the stiffest contact of this evaluation (over the workers) has ω·Δt above the
     * limit, and describes the contact.
     */
    void limitTimeStep(Worker[] workers, List<Wall> walls) {
        Worker top = workers[0];
        for (int k = 1; k < workers.length; k++) {
            if (workers[k].omega2 > top.omega2) {
                top = workers[k];
            }
        }
        double omega = Math.sqrt(top.omega2);
        if (!(omega * dt > stabilityLimit)) {
            return;
        }
        double before = omega * dt;
        dt = 0.9 * stabilityLimit / omega;
        timeStepReductions++;
        Particles p = particles;
        int i = top.stiffI;
        String partner = top.stiffJ >= 0 ? "particle " + top.stiffJ + String.format(" (type %d, r = %.4g m)",
                p.type[top.stiffJ], p.radius[top.stiffJ]) : "wall " + walls.get(-1 - top.stiffJ).name();
        stiffest = String.format("step %d: particle %d (type %d, r = %.4g m) and %s, k = %.4g N/m, omega = %.4g rad/s, "
                        + "omega*dt %.3f > %.2f; time step reduced to %.4g s", step, i, p.type[i], p.radius[i],
                partner, top.stiffness, omega, before, stabilityLimit, dt);
    }

    /** Writes the clock, the step, gravity and the reductions so far. */
    void save(DataOutput out) throws IOException {
        out.writeLong(step);
        out.writeDouble(time);
        out.writeDouble(dt);
        out.writeDouble(gravityZ);
        out.writeInt(timeStepReductions);
        out.writeUTF(stiffest);
    }

    /** Reads what {@link #save} wrote. */
    void load(DataInput in) throws IOException {
        step = in.readLong();
        time = in.readDouble();
        dt = in.readDouble();
        gravityZ = in.readDouble();
        timeStepReductions = in.readInt();
        stiffest = in.readUTF();
    }
}
