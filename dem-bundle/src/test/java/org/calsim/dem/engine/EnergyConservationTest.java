package org.calsim.dem.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.calsim.api.contact.PairProperties;
import org.calsim.dem.contact.HertzMindlinLaw;
import org.junit.jupiter.api.Test;

/**
 * Undamped (e = 1), frictionless spheres bouncing between two fixed planes without gravity conserve
 * kinetic + Hertz elastic energy U = 8/15 E* √R* δ^{5/2} per contact. Velocity Verlet is symplectic: the
 * energy error oscillates with amplitude O((Δt/t_c)²) during contacts and does not drift.
 */
class EnergyConservationTest {
    static final double R = 1e-3;
    static final double L = 12e-3;
    static final double H = 12e-3;

    private static double energy(DemEngine e, PairProperties pp, PairProperties wall) {
        Particles p = e.particles();
        double total = p.kineticEnergy();
        int n = p.size();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = e.box().imageX(p.x(i) - p.x(j));
                double dy = e.box().imageY(p.y(i) - p.y(j));
                double dz = p.z(i) - p.z(j);
                double delta = p.radius(i) + p.radius(j) - Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (delta > 0) {
                    double rStar = p.radius(i) * p.radius(j) / (p.radius(i) + p.radius(j));
                    total += 8.0 / 15.0 * pp.effectiveYoungsModulus() * Math.sqrt(rStar) * Math.pow(delta, 2.5);
                }
            }
            for (double delta : new double[] {p.radius(i) - p.z(i), p.radius(i) - (H - p.z(i))}) {
                if (delta > 0) {
                    total += 8.0 / 15.0 * wall.effectiveYoungsModulus() * Math.sqrt(p.radius(i))
                            * Math.pow(delta, 2.5);
                }
            }
        }
        return total;
    }

    /**
     * 150 spheres with random velocity components up to ±0.25 m/s, 40,000 steps; Δt = T_R/20, about 1/56 of
     * the Hertz contact time at 0.5 m/s. The per-contact error scales as (Δt/t_c)² ≈ 3e-4 (with Δt = T_R/5 it
     * was 5e-3, as that scaling predicts). Achieved here: largest deviation about 5e-5 of the total energy; the
     * drift (mean of the second half of 400 samples against the first half) 4.5e-6; asserted: 1e-4 for the
     * oscillation and, for the drift, 5 times the sampling noise of a 200-sample mean (≈ 2e-5).
     */
    @Test
    void undampedCollisionsConserveEnergy() {
        PairProperties pp = PairProperties.mix(1e7, 0.3, 1e7, 0.3, 1.0, 0.0, 0, 0, Double.POSITIVE_INFINITY);
        Particles p = new Particles(150);
        SplittableRandom random = new SplittableRandom(11);
        int placed = 0;
        while (placed < 150) {
            double x = random.nextDouble() * L;
            double y = random.nextDouble() * L;
            double z = R * 1.01 + random.nextDouble() * (H - 2.02 * R);
            boolean free = true;
            for (int i = 0; i < placed && free; i++) {
                double dx = x - p.x(i);
                dx -= L * Math.rint(dx / L);
                double dy = y - p.y(i);
                dy -= L * Math.rint(dy / L);
                double dz = z - p.z(i);
                free = dx * dx + dy * dy + dz * dz > 4.04 * R * R;
            }
            if (free) {
                p.add(x, y, z, R, 2500, 0);
                p.setVelocity(placed, 0.5 * (random.nextDouble() - 0.5), 0.5 * (random.nextDouble() - 0.5),
                        0.5 * (random.nextDouble() - 0.5));
                placed++;
            }
        }
        try (DemEngine e = new DemEngine(p, new PeriodicBox(L, L), 1, new PairProperties[] {pp},
                new HertzMindlinLaw(), 2)) {
            e.addWall(new PlaneWall("bottom", 0, true, new PairProperties[] {pp}));
            e.addWall(new PlaneWall("top", H, false, new PairProperties[] {pp}));
            e.setTimeStep(0.05 * TimeStep.rayleigh(R, 2500, 1e7, 0.3));
            e.setSkin(0.2 * R);
            e.initialise();

            double start = energy(e, pp, pp);
            double worst = 0;
            double[] samples = new double[400];
            for (int block = 0; block < samples.length; block++) {
                e.run(100);
                samples[block] = energy(e, pp, pp);
                worst = Math.max(worst, Math.abs(samples[block] - start) / start);
            }
            // drift: the mean of the second half of the samples against the first half. Single samples carry the
            // oscillation of the contacts in progress (up to `worst`); a mean of 200 carries about worst/√200, so
            // a bound of 5 × that separates a secular drift from sampling noise
            double first = 0;
            double last = 0;
            int half = samples.length / 2;
            for (int k = 0; k < half; k++) {
                first += samples[k] / half;
                last += samples[half + k] / half;
            }
            double drift = Math.abs(last - first) / start;
            assertTrue(worst < 1e-4, "largest relative energy error " + worst);
            assertTrue(drift < 5 * worst / Math.sqrt(half), "relative energy drift " + drift + ", sampling noise "
                    + worst / Math.sqrt(half));
        }
    }
}
