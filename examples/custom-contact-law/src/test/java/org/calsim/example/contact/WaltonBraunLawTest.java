package org.calsim.example.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.PairProperties;
import org.junit.jupiter.api.Test;

class WaltonBraunLawTest {
    private static final double K1 = 5e4;
    private static final double K2 = 2e5;
    private final WaltonBraunLaw law = new WaltonBraunLaw(K1, K2);
    private final PairProperties pair = new PairProperties(1e11, 4e10, 0.5, 0, 0, 0, Double.POSITIVE_INFINITY);
    private final ContactGeometry g = new ContactGeometry();
    private final ContactForce f = new ContactForce();
    private final double[] history = new double[1];

    private double force(double overlap) {
        g.overlap = overlap;
        law.compute(g, pair, history, 0, f);
        return f.normalTotal();
    }

    @Test
    void loadingIsLinearWithK1() {
        assertEquals(K1 * 1e-8, force(1e-8), 1e-18);
        assertEquals(K1 * 4e-8, force(4e-8), 1e-18);
        assertEquals(4e-8, history[0], 0);
    }

    @Test
    void unloadingFollowsK2AndLeavesPlasticOverlap() {
        force(4e-8);
        // δ0 = δmax (1 − k1/k2) = 4e-8 · 0.75 = 3e-8 m; at δ = 3.5e-8: F = k2 (3.5e-8 − 3e-8) = 1e-3 N
        assertEquals(1e-3, force(3.5e-8), 1e-15);
        assertEquals(0, force(3e-8), 1e-15);
        assertEquals(0, force(1e-8), 0);
        // reloading above δ0 follows the unloading line back up to the loading line
        assertEquals(K1 * 4e-8, force(4e-8), 1e-15);
    }

    /**
     * A head-on collision of a particle with a wall, integrated with velocity Verlet: the rebound speed
     * ratio is e = √(k1/k2) = 0.5. With 2000+ steps per contact the integration error is below 1e-3.
     */
    @Test
    void restitutionIsSqrtOfStiffnessRatio() {
        double m = 1e-12;
        double v0 = 0.1;
        double tc = Math.PI * Math.sqrt(m / K1);
        double dt = tc / 4000;
        double x = 0;
        double v = v0;
        history[0] = 0;
        double a = 0;
        while (x >= 0 || v > 0) {
            x += v * dt + 0.5 * a * dt * dt;
            double aNew = x > 0 ? -force(x) / m : 0;
            v += 0.5 * (a + aNew) * dt;
            a = aNew;
            if (x < 0 && v < 0) {
                break;
            }
        }
        assertEquals(Math.sqrt(K1 / K2), -v / v0, 1e-3);
    }

    @Test
    void rejectsUnloadingSofterThanLoading() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WaltonBraunLaw(2e5, 1e5));
        assertEquals(true, e.getMessage().contains("k2 >= k1"));
    }
}
