package org.calsim.dem.contact;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.PairProperties;

/**
 * A head-on collision of two equal spheres integrated with velocity Verlet (the damping force is
 * evaluated with the half-step velocity, as LAMMPS and LIGGGHTS do). Sphere i starts at x = 0 moving
 * at +v/2, sphere j at x = 2r moving at −v/2, just touching.
 */
final class Collision {
    /** rebound speed / impact speed */
    final double restitution;
    /** contact duration [s], end interpolated linearly between the last two steps */
    final double duration;
    /** largest overlap [m] */
    final double maxOverlap;
    /** whether the spheres separated (overlap &lt; 0) within the steps allowed */
    final boolean separated;
    /** overlap at the end [m] */
    final double finalOverlap;
    /** relative normal speed dδ/dt at the end [m/s] */
    final double finalApproachSpeed;

    private Collision(double restitution, double duration, double maxOverlap, boolean separated,
                      double finalOverlap, double finalApproachSpeed) {
        this.restitution = restitution;
        this.duration = duration;
        this.maxOverlap = maxOverlap;
        this.separated = separated;
        this.finalOverlap = finalOverlap;
        this.finalApproachSpeed = finalApproachSpeed;
    }

    /** Integrates until the spheres separate; fails if they have not after 1e8 steps. */
    static Collision run(ContactLaw law, PairProperties p, double radius, double mass, double speed, double dt) {
        Collision c = run(law, p, radius, mass, speed, dt, 100_000_000L);
        if (!c.separated) {
            throw new AssertionError("collision did not end");
        }
        return c;
    }

    /**
     * Integrates until the spheres separate or {@code maxSteps} steps have passed; restitution and duration
     * are NaN if they have not separated.
     */
    static Collision run(ContactLaw law, PairProperties p, double radius, double mass, double speed, double dt,
                         long maxSteps) {
        ContactGeometry g = new ContactGeometry();
        ContactForce f = new ContactForce();
        double[] history = new double[law.historySize()];
        g.setBodies(radius, radius, mass, mass);
        g.nx = -1; // from j (right) to i (left)
        g.dt = dt;
        double xi = 0;
        double xj = 2 * radius;
        double vi = speed / 2;
        double vj = -speed / 2;
        double ai = 0;
        double aj = 0;
        double t = 0;
        double previousOverlap = 0;
        double maxOverlap = 0;
        for (long step = 0; step < maxSteps; step++) {
            double vih = vi + 0.5 * ai * dt;
            double vjh = vj + 0.5 * aj * dt;
            xi += vih * dt;
            xj += vjh * dt;
            t += dt;
            g.overlap = 2 * radius - (xj - xi);
            g.normalVelocity = vih - vjh;
            g.firstStep = step == 0;
            f.clear();
            law.compute(g, p, history, 0, f);
            double force = f.normalTotal(); // repulsive > 0: pushes i to −x, j to +x
            ai = -force / mass;
            aj = force / mass;
            vi = vih + 0.5 * ai * dt;
            vj = vjh + 0.5 * aj * dt;
            maxOverlap = Math.max(maxOverlap, g.overlap);
            if (g.overlap < 0) {
                double end = t - dt + dt * previousOverlap / (previousOverlap - g.overlap);
                return new Collision((vj - vi) / speed, end, maxOverlap, true, g.overlap, vi - vj);
            }
            previousOverlap = g.overlap;
        }
        return new Collision(Double.NaN, Double.NaN, maxOverlap, false, previousOverlap, vi - vj);
    }
}
