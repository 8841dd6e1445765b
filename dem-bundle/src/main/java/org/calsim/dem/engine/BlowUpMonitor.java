package org.calsim.dem.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Stops a run that has become unphysical with a {@link BlowUpException} naming the step, the particle and the likely
 * cause: a non-finite position or velocity (seen by the drift), an overlap beyond a fraction of the smaller radius
 * (seen by the {@link ContactKernel}), or — checked every {@value #ENERGY_CHECK_INTERVAL} steps — kinetic energy above
 * {@value #ENERGY_FACTOR} × the energy put in: the kinetic and elastic energy at the reference, the work of gravity
 * since and the work of the walls [J].
 */
final class BlowUpMonitor {
    static final int ENERGY_CHECK_INTERVAL = 100;
    static final double ENERGY_FACTOR = 10;

    private final Particles particles;
    private final PeriodicBox box;
    private final Integrator integrator;
    private final PairForces pairs;
    private final WallContacts walls;
    /** kinetic and stored elastic energy at the reference [J] */
    private double referenceEnergy;
    /** potential energy in gravity at the reference [J] */
    private double referencePotential;
    /** whether the reference belongs to the current set-up (gravity, walls, law) */
    private boolean ready;

    BlowUpMonitor(Particles particles, PeriodicBox box, Integrator integrator, PairForces pairs, WallContacts walls) {
        this.particles = particles;
        this.box = box;
        this.integrator = integrator;
        this.pairs = pairs;
        this.walls = walls;
    }

    /** @return whether the energy reference must be taken again (after {@link #invalidate}) */
    boolean needsReference() {
        return !ready;
    }

    /** Marks the energy reference as stale: the set-up changed the energy the system stores. */
    void invalidate() {
        ready = false;
    }

    /**
     * Takes the energy reference now. The elastic energy already stored in the contacts counts as put in: ½ Σ |F_n| δ
     * over particle and wall contacts (exact for linear springs, an upper bound of Hertz's 2/5 F δ).
     */
    void takeReference() {
        referenceEnergy = particles.kineticEnergy() + storedElasticEnergy();
        referencePotential = potentialEnergy();
        ready = true;
    }

    /** Stops the run when a worker's drift met a non-finite position or velocity. */
    void checkNaN(Worker[] workers) {
        for (int k = 0; k < workers.length; k++) {
            Worker w = workers[k];
            if (w.nan) {
                int i = w.badParticle;
                throw new BlowUpException(integrator.step, i, String.format(
                        "DEM blew up at step %d (t = %.6g s): particle %d has a non-finite position or velocity "
                                + "(force %.4g N). Likely cause: the time step %.3g s is too large for the contact "
                                + "stiffness, or a contact law returned NaN.",
                        integrator.step, integrator.time, i, particles.forceMagnitude(i), integrator.dt));
            }
        }
    }

    /**
     * Stops the run when a contact overlapped beyond {@code limit} of the smaller radius (the lowest such particle
     * over the workers).
     */
    void checkOverlap(Worker[] workers, double limit) {
        Worker first = null;
        for (int k = 0; k < workers.length; k++) {
            Worker w = workers[k];
            if (w.badParticle >= 0 && !w.nan && (first == null || w.badParticle < first.badParticle)) {
                first = w;
            }
        }
        if (first == null) {
            return;
        }
        int i = first.badParticle;
        double ri = particles.radius[i];
        String other;
        double smaller;
        if (first.badPartner >= 0) {
            int j = first.badPartner;
            smaller = Math.min(ri, particles.radius[j]);
            other = "particle " + j + String.format(" (r = %.4g m)", particles.radius[j]);
        } else {
            smaller = ri;
            other = "wall " + walls.walls.get(-1 - first.badPartner).name();
        }
        throw new BlowUpException(integrator.step, i, String.format(
                "DEM blew up at step %d (t = %.6g s): particle %d (r = %.4g m, type %d) overlaps %s by %.1f %% of the "
                        + "smaller radius (allowed %.0f %%). Likely cause: the time step %.3g s is too large for the "
                        + "contact stiffness, a wall moves too fast or pushes with more pressure than the particles "
                        + "can take, or the contact law is too soft for the load.",
                integrator.step, integrator.time, i, ri, particles.type[i], other, 100 * first.badOverlap / smaller,
                100 * limit, integrator.dt));
    }

    /**
     * Stops the run when the kinetic energy exceeds {@value #ENERGY_FACTOR} times the energy put in.
     *
     * @param wallWork work the walls did since the reference [J]
     */
    void checkEnergy(double wallWork) {
        double kinetic = particles.kineticEnergy();
        double budget = referenceEnergy + (referencePotential - potentialEnergy()) + Math.max(0, wallWork);
        if (kinetic > ENERGY_FACTOR * budget + 1e-300) {
            Particles p = particles;
            int worst = 0;
            double most = -1;
            for (int i = 0; i < p.size; i++) {
                double v2 = p.vx[i] * p.vx[i] + p.vy[i] * p.vy[i] + p.vz[i] * p.vz[i];
                double e = v2 / p.invMass[i];
                if (e > most) {
                    most = e;
                    worst = i;
                }
            }
            throw new BlowUpException(integrator.step, worst, String.format(
                    "DEM blew up at step %d (t = %.6g s): kinetic energy %.4g J is more than %.0f times the energy put "
                            + "in (%.4g J: initial kinetic energy, gravity and wall work); the fastest particle is %d "
                            + "(|v| = %.4g m/s). Likely cause: the time step %.3g s is too large for the contact "
                            + "stiffness (numerical energy gain).",
                    integrator.step, integrator.time, kinetic, ENERGY_FACTOR, budget, worst,
                    Math.sqrt(most * p.invMass[worst]), integrator.dt));
        }
    }

    private double storedElasticEnergy() {
        double[] e = {0};
        pairs.forEachContact((i, j, dx, dy, dz, fx, fy, fz) -> {
            double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
            double overlap = particles.radius[i] + particles.radius[j] - d;
            if (overlap > 0) {
                e[0] += 0.5 * Math.abs((fx * dx + fy * dy + fz * dz) / d) * overlap;
            }
        });
        double[] g = new double[6];
        for (int w = 0; w < walls.walls.size(); w++) {
            for (int i = 0; i < particles.size; i++) {
                double overlap = walls.walls.get(w).contact(particles, box, i, g);
                if (overlap > 0) {
                    double fn = walls.forceOn(i, w, 0) * g[0] + walls.forceOn(i, w, 1) * g[1]
                            + walls.forceOn(i, w, 2) * g[2];
                    e[0] += 0.5 * Math.abs(fn) * overlap;
                }
            }
        }
        return e[0];
    }

    private double potentialEnergy() {
        double e = 0;
        for (int i = 0; i < particles.size; i++) {
            e -= integrator.gravityZ * particles.z[i] / particles.invMass[i];
        }
        return e;
    }

    /** Writes the energy reference. */
    void save(DataOutput out) throws IOException {
        out.writeDouble(referenceEnergy);
        out.writeDouble(referencePotential);
    }

    /** Reads what {@link #save} wrote; the reference then belongs to the restored state. */
    void load(DataInput in) throws IOException {
        referenceEnergy = in.readDouble();
        referencePotential = in.readDouble();
        ready = true;
    }
}
