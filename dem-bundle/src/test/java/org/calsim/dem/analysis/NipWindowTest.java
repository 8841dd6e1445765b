package org.calsim.dem.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.calsim.api.contact.PairProperties;
import org.calsim.dem.contact.HertzMindlinLaw;
import org.calsim.dem.contact.HertzNormal;
import org.calsim.dem.engine.DemEngine;
import org.calsim.dem.engine.Particles;
import org.calsim.dem.engine.PeriodicBox;
import org.calsim.dem.engine.PlaneWall;
import org.junit.jupiter.api.Test;

/** The window under the roll against packings whose solid volume and stress are known exactly. */
class NipWindowTest {
    static final double A = 5e-6;

    /** Simple-cubic lattice of touching spheres (radius A, spacing 2A), {@code layers} high, 4 × 4 in the plane. */
    static Particles lattice(int layers) {
        Particles p = new Particles(16 * layers);
        for (int k = 0; k < layers; k++) {
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    p.add((2 * i + 1) * A, (2 * j + 1) * A, (2 * k + 1) * A, A, 2500, 0);
                }
            }
        }
        return p;
    }

    /**
     * Under a flat lid through the top of the second layer the window holds π/6 solid per cell, wherever it
     * stands in x if it spans whole periods (over whole cells, or cutting spheres anywhere); with the lid at 2.5 A it holds the first layer
     * and a cap of height A/2 of the second, π (A/2)² (3A − A/2)/3, per 4A² × 2.5A column.
     */
    @Test
    void aSimpleCubicLatticeHasItsAnalyticPorosityInAnyWindow() {
        Particles p = lattice(3);
        PeriodicBox box = new PeriodicBox(8 * A, 8 * A);
        double[] solid = {1};
        double lattice = 1 - Math.PI / 6;
        double inf = Double.POSITIVE_INFINITY;
        assertEquals(lattice, porosity(new NipWindow(box, 4 * A, 2 * A, 4 * A, inf), p, solid, 0), 1e-9);
        assertEquals(lattice, porosity(new NipWindow(box, 3 * A, A, 4 * A, inf), p, solid, 0), 1e-9);
        assertEquals(lattice, porosity(new NipWindow(box, 0.3 * A, 3 * A, 4 * A, inf), p, solid, 0), 1e-9,
                "a window three cells wide across the periodic seam, cutting spheres anywhere");
        double cap = Math.PI * 0.25 * A * A * 2.5 * A / 3;
        double expected = 1 - (4.0 / 3.0 * Math.PI * A * A * A + cap) / (4 * A * A * 2.5 * A);
        // the lid cuts the second layer's cross-sections from x = ±√(3/4) A on: a kink in the integrand that the
        // Gauss–Legendre panels do not resolve exactly
        assertEquals(expected, porosity(new NipWindow(box, 4 * A, 2 * A, 2.5 * A, inf), p, solid, 0), 1e-4);
        // CBD carried by the active material (as bonds) adds its share of the solid there
        assertEquals(1 - 1.1 * Math.PI / 6, porosity(new NipWindow(box, 4 * A, 2 * A, 4 * A, inf), p, solid, 0.1),
                1e-9);
    }

    /**
     * Under a curved lid (a roll of radius 12 A whose lowest point is at 3 A) the sphere volumes inside agree
     * with an independent count of a fine grid of points, and the window volume with the area under the arc,
     * Ly (2a (b + R) − a √(R² − a²) − R² arcsin(a/R)).
     */
    @Test
    void underACurvedLidTheSolidAgreesWithAPointCount() {
        PeriodicBox box = new PeriodicBox(8 * A, 8 * A);
        double radius = 12 * A;
        double bottom = 3 * A;
        double a = 2 * A;
        NipWindow w = new NipWindow(box, 4 * A, a, bottom, radius);
        double area = 2 * a * (bottom + radius) - a * Math.sqrt(radius * radius - a * a)
                - radius * radius * Math.asin(a / radius);
        assertEquals(area * 8 * A, w.volume(), 1e-9 * area * 8 * A);
        double[][] spheres = {{5.5 * A, 2.4 * A, 0.9 * A}, {2.6 * A, 3.0 * A, 1.0 * A}, {4 * A, 0.8 * A, A}};
        int n = 400;
        for (double[] s : spheres) {
            double h = 2 * s[2] / n;
            long inside = 0;
            for (int i = 0; i < n; i++) {
                double x = s[0] - s[2] + (i + 0.5) * h;
                for (int j = 0; j < n; j++) {
                    double y = -s[2] + (j + 0.5) * h;
                    for (int k = 0; k < n; k++) {
                        double z = s[1] - s[2] + (k + 0.5) * h;
                        double dx = x - s[0];
                        double dz = z - s[1];
                        if (dx * dx + y * y + dz * dz < s[2] * s[2] && w.contains(x, z)) {
                            inside++;
                        }
                    }
                }
            }
            double counted = inside * h * h * h;
            double sphere = 4.0 / 3.0 * Math.PI * Math.pow(s[2], 3);
            assertEquals(counted, w.sphereVolume(s[0], s[1], s[2]), 2e-3 * sphere);
        }
    }

    /**
     * The lattice of {@code PackingMeasuresTest} (every contact overlapping by δ, between a collector and a
     * plate): a window over half the strip, lid at the plate, holds half of every kind of contact in half the
     * volume, so its Love–Weber stress is the whole lattice's, σ_xx = 48 (2r − δ) F / V and
     * σ_zz = (32 (2r − δ) F + 32 (r − δ) F_wall) / V.
     */
    @Test
    void theStressInAWindowOverAUniformLatticeIsTheLatticeStress() {
        double r = A;
        double delta = 1e-3 * r;
        double a = 2 * r - delta;
        PairProperties pp = PairProperties.mix(1e8, 0.3, 1e8, 0.3, 0.5, 0.3, 0, 0, Double.POSITIVE_INFINITY);
        Particles p = new Particles(48);
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    p.add((i + 0.5) * a, (j + 0.5) * a, r - delta + k * a, r, 2500, 0);
                }
            }
        }
        double height = 2 * (r - delta) + 2 * a;
        PeriodicBox box = new PeriodicBox(4 * a, 4 * a);
        try (DemEngine e = new DemEngine(p, box, 1, new PairProperties[] {pp}, new HertzMindlinLaw(), 1)) {
            e.addWall(new PlaneWall("bottom", 0, true, new PairProperties[] {pp}));
            e.addWall(new PlaneWall("top", height, false, new PairProperties[] {pp}));
            e.setTimeStep(1e-7);
            e.setSkin(0.1 * r);
            e.initialise();
            double lid = height * (1 + 1e-12);
            double[] sigma = new NipWindow(box, 2.25 * a, a, lid, Double.POSITIVE_INFINITY).stress(e);
            double force = HertzNormal.force(pp.effectiveYoungsModulus(), r / 2, delta);
            double wallForce = HertzNormal.force(pp.effectiveYoungsModulus(), r, delta);
            double volume = 16 * a * a * lid;
            double xx = 48 * a * force / volume;
            double zz = (32 * a * force + 32 * (r - delta) * wallForce) / volume;
            assertEquals(xx, sigma[0], 1e-9 * xx);
            assertEquals(xx, sigma[4], 1e-9 * xx);
            assertEquals(zz, sigma[8], 1e-9 * zz);
            assertEquals(0, sigma[2], 1e-9 * zz);
        }
    }

    /** @return porosity 1 − V_solid / V in the window */
    private static double porosity(NipWindow w, Particles p, double[] solid, double amExtra) {
        return 1 - w.solidVolume(p, solid, amExtra) / w.volume();
    }
}
