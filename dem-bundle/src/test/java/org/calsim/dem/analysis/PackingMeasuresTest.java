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

/** Packing measures against configurations whose values are known exactly. */
class PackingMeasuresTest {
    static final double R = 1e-3;

    @Test
    void sphereSegmentsAddUpToTheSphere() {
        double full = 4.0 / 3.0 * Math.PI * R * R * R;
        assertEquals(full, SolidFraction.segment(0, R, -2 * R, 2 * R), 1e-15 * full);
        assertEquals(full / 2, SolidFraction.segment(0, R, 0, 5 * R), 1e-15 * full);
        double cap = Math.PI * (R / 2) * (R / 2) * (3 * R - R / 2) / 3; // cap of height h: π h² (3r − h)/3
        assertEquals(cap, SolidFraction.segment(0, R, R / 2, R), 1e-15 * full);
        assertEquals(full, SolidFraction.segment(0.3 * R, R, -3 * R, 0.1 * R)
                + SolidFraction.segment(0.3 * R, R, 0.1 * R, 3 * R), 1e-15 * full);
    }

    /**
     * A simple-cubic lattice, 4 × 4 in the periodic plane and 3 layers high between two walls, every contact
     * overlapping by δ: 48 contacts along x, 48 along y, 32 along z. Fabric (eq 15): Φ_xx = Φ_yy = 48/128,
     * Φ_zz = 32/128; coordination 2·128/48; stress (eq 16) σ_xx = 48 (2r − δ) F / V with the Hertz force F,
     * σ_zz = (32 (2r − δ) F + 32 (r − δ) F) / V including the 32 wall contacts (arm r − δ, overlap δ).
     */
    @Test
    void simpleCubicLatticeHasTheCountedFabricAndStress() {
        double delta = 1e-3 * R;
        double a = 2 * R - delta;
        PairProperties pp = PairProperties.mix(1e8, 0.3, 1e8, 0.3, 0.5, 0.3, 0, 0, Double.POSITIVE_INFINITY);
        Particles p = new Particles(48);
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    p.add((i + 0.5) * a, (j + 0.5) * a, R - delta + k * a, R, 2500, 0);
                }
            }
        }
        double height = 2 * (R - delta) + 2 * a;
        try (DemEngine e = new DemEngine(p, new PeriodicBox(4 * a, 4 * a), 1, new PairProperties[] {pp},
                new HertzMindlinLaw(), 1)) {
            e.addWall(new PlaneWall("bottom", 0, true, new PairProperties[] {pp}));
            e.addWall(new PlaneWall("top", height, false, new PairProperties[] {pp}));
            e.setTimeStep(1e-7);
            e.setSkin(0.1 * R);
            e.initialise();
            ContactStatistics s = ContactStatistics.of(e, height);
            assertEquals(128, s.contacts());
            assertEquals(2.0 * 128 / 48, s.coordination(), 1e-12);
            assertEquals(48.0 / 128, s.fabric(0, 0), 1e-12);
            assertEquals(48.0 / 128, s.fabric(1, 1), 1e-12);
            assertEquals(32.0 / 128, s.fabric(2, 2), 1e-12);
            assertEquals(0, s.fabric(0, 1), 1e-12);
            assertEquals(32.0 / 128 - 1.0 / 3, s.fabricDeviator(2, 2), 1e-12);
            double force = HertzNormal.force(pp.effectiveYoungsModulus(), R / 2, delta);
            double wallForce = HertzNormal.force(pp.effectiveYoungsModulus(), R, delta);
            double volume = 16 * a * a * height;
            assertEquals(48 * a * force / volume, s.stress(0, 0), 1e-9 * 48 * a * force / volume);
            double zz = (32 * a * force + 32 * (R - delta) * wallForce) / volume;
            assertEquals(zz, s.stress(2, 2), 1e-9 * zz);
        }
    }
}
