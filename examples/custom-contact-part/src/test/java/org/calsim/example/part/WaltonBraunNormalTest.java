package org.calsim.example.part;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.calsim.api.contact.ComposedContactLaw;
import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.contact.PairProperties;
import org.junit.jupiter.api.Test;

/**
 * The part's branches against the formulas, the restitution √(k₁/k₂) of a collision it decides alone, what it hands
 * the parts after it, and how it is published (role, name, description).
 */
class WaltonBraunNormalTest {
    private static final double K1 = 5e4;
    private static final double K2 = 2e5;
    private final WaltonBraunNormal part = new WaltonBraunNormal(K1, K2);
    private final PairProperties pair = new PairProperties(1e11, 4e10, 0.5, 0.3, 0, 0, Double.POSITIVE_INFINITY);
    private final ContactGeometry g = new ContactGeometry();
    private final ContactForce f = new ContactForce();
    private final double[] history = new double[1];

    private double force(double overlap) {
        g.overlap = overlap;
        f.clear();
        part.apply(g, pair, history, 0, f);
        return f.normalElastic;
    }

    @Test
    void loadingIsLinearWithK1() {
        assertEquals(K1 * 1e-8, force(1e-8), 1e-18);
        assertEquals(K1 * 4e-8, force(4e-8), 1e-18);
        assertEquals(K1, f.normalStiffness, 0);
        assertEquals(4e-8, history[0], 0);
    }

    @Test
    void unloadingFollowsK2AndLeavesPlasticOverlap() {
        force(4e-8);
        // δ0 = δmax (1 − k1/k2) = 4e-8 · 0.75 = 3e-8 m; at δ = 3.5e-8: F = k2 (3.5e-8 − 3e-8) = 1e-3 N
        assertEquals(1e-3, force(3.5e-8), 1e-15);
        assertEquals(K2, f.normalStiffness, 0, "the damping part after it sees the unloading stiffness");
        assertEquals(0, force(3e-8), 1e-15);
        assertEquals(0, force(1e-8), 0);
        assertEquals(0, f.normalStiffness, 0, "below the plastic overlap no spring, so no dashpot either");
        assertEquals(K1 * 4e-8, force(4e-8), 1e-15, "reloading runs back up the unloading line");
        assertEquals(0, force(-1e-9), 0, "out of contact");
    }

    /**
     * A head-on collision with a wall, integrated with velocity Verlet through a law composed of this part alone: the
     * rebound speed ratio is e = √(k1/k2) = 0.5.
     */
    @Test
    void restitutionIsSqrtOfStiffnessRatio() {
        ContactLaw law = new ComposedContactLaw(part, null, null, null, null);
        double m = 1e-12;
        double v0 = 0.1;
        double dt = Math.PI * Math.sqrt(m / K1) / 4000;
        double x = 0;
        double v = v0;
        double a = 0;
        history[0] = 0;
        while (x >= 0 || v > 0) {
            x += v * dt + 0.5 * a * dt * dt;
            g.overlap = x;
            law.compute(g, pair, history, 0, f);
            double aNew = -f.normalTotal() / m;
            v += 0.5 * (a + aNew) * dt;
            a = aNew;
        }
        assertEquals(Math.sqrt(K1 / K2), -v / v0, 1e-3);
    }

    @Test
    void badStiffnessesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WaltonBraunNormal(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new WaltonBraunNormal(2, 1));
    }

    /** bnd wrote the DS descriptor: a normal part named walton-braun, with a description for ./calsim list. */
    @Test
    void isPublishedAsANormalPart() throws Exception {
        String resource = "OSGI-INF/" + WaltonBraunNormal.class.getName() + ".xml";
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(xml.contains("<provide interface=\"" + ContactPart.Normal.class.getName() + "\"/>"), xml);
            assertTrue(xml.contains("name=\"calsim.name\" type=\"String\" value=\"walton-braun\""), xml);
            assertTrue(xml.contains("name=\"calsim.description\""), xml);
        }
    }
}
