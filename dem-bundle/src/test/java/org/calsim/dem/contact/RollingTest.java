package org.calsim.dem.contact;

import static org.calsim.dem.contact.ContactLawTest.E;
import static org.calsim.dem.contact.ContactLawTest.NU;
import static org.calsim.dem.contact.ContactLawTest.contact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.PairProperties;
import org.junit.jupiter.api.Test;

/** Rolling resistance parts. Tolerances: 1e-12 relative, i.e. rounding of a few operations per step. */
class RollingTest {
    static final double MU_R = 0.1;
    static final PairProperties PAIR = PairProperties.mix(E, NU, E, NU, 1.0, 0.3, MU_R, 0, Double.POSITIVE_INFINITY);
    static final double DELTA = 1e-7;

    /**
     * A contact at δ = 1e-7 m with n = x and the Hertz force and stiffness and the Mindlin tangential stiffness
     * 8G*√(R*δ) already written (as the normal and tangential parts of a composed law do before the rolling part).
     */
    private static ContactForce hertzWritten(ContactGeometry g) {
        ContactForce out = new ContactForce();
        new HertzNormal().apply(g, PAIR, new double[0], 0, out);
        out.tangentialStiffness = 8 * PAIR.effectiveShearModulus() * Math.sqrt(g.effectiveRadius * g.overlap);
        return out;
    }

    @Test
    void cdtTorqueOpposesTheRelativeRotationWithConstantMagnitude() {
        ContactGeometry g = contact(DELTA);
        ContactForce out = hertzWritten(g);
        double limit = MU_R * g.effectiveRadius * out.normalElastic;
        for (double scale : new double[] {1e-6, 1, 1e6}) {
            g.wx = 0;
            g.wy = 3 * scale;
            g.wz = 4 * scale;
            new ConstantDirectionalTorque().apply(g, PAIR, new double[0], 0, out);
            assertEquals(0, out.trx, 0);
            assertEquals(-0.6 * limit, out.try_, 1e-12 * limit, "−μ_r R*|F_n| ŵ, y");
            assertEquals(-0.8 * limit, out.trz, 1e-12 * limit, "−μ_r R*|F_n| ŵ, z");
        }
        // the relative angular velocity counts whole (ω_i − ω_j), twist included, as in LIGGGHTS cdt
        g.wx = 2;
        g.wy = 0;
        g.wz = 0;
        new ConstantDirectionalTorque().apply(g, PAIR, new double[0], 0, out);
        assertEquals(-limit, out.trx, 1e-12 * limit);
        // no rotation, no torque
        g.wx = 0;
        new ConstantDirectionalTorque().apply(g, PAIR, new double[0], 0, out);
        assertEquals(0, out.trx, 0);
        assertEquals(0, out.try_, 0);
        assertEquals(0, out.trz, 0);
        // out of contact
        ContactGeometry apart = contact(-1e-9);
        apart.wy = 1;
        ContactForce none = new ContactForce();
        new ConstantDirectionalTorque().apply(apart, PAIR, new double[0], 0, none);
        assertEquals(0, none.try_, 0);
    }

    /**
     * EPSD: while elastic M = −k_r θ with k_r = k_t R*² (LIGGGHTS epsd2) and θ = ωt the accumulated rolling angle
     * (the twist component of w is ignored); it stops at μ_r R*|F_n| and unloads with the same k_r when the
     * rotation reverses.
     */
    @Test
    void epsdIsElasticUpToTheLimitThenPlasticThenUnloadsElastically() {
        ContactGeometry g = contact(DELTA);
        g.dt = 1e-6;
        ContactForce out = hertzWritten(g);
        double kr = out.tangentialStiffness * g.effectiveRadius * g.effectiveRadius;
        double limit = MU_R * g.effectiveRadius * out.normalElastic;
        double omega = 100;
        g.wx = 37; // twist about n: not resisted
        g.wy = omega;
        double[] h = new double[3];
        EpsdRolling epsd = new EpsdRolling();
        int plasticFrom = -1;
        for (int step = 1; step <= 2000; step++) {
            epsd.apply(g, PAIR, h, 0, out);
            double elastic = kr * omega * step * g.dt;
            if (elastic < limit * (1 - 1e-9)) {
                assertEquals(-elastic, out.try_, 1e-12 * elastic, "elastic at step " + step);
            } else {
                if (plasticFrom < 0) {
                    plasticFrom = step;
                }
                assertEquals(-limit, out.try_, 1e-12 * limit, "at the limit, step " + step);
            }
            assertEquals(0, out.trx, 0, "no twisting resistance");
            assertEquals(0, out.trz, 0);
            assertEquals(out.try_, h[1], 0, "history holds the torque");
        }
        assertTrue(plasticFrom > 1 && plasticFrom < 2000, "the test reaches the limit");
        // reverse: elastic unloading from the limit
        g.wy = -omega;
        for (int step = 1; step <= 100; step++) {
            epsd.apply(g, PAIR, h, 0, out);
            double expected = Math.min(limit, -limit + kr * omega * step * g.dt); // elastic, then the other limit
            assertEquals(expected, out.try_, 1e-12 * limit, "unloading at step " + step);
        }
        // out of contact the torque and history vanish
        g.overlap = -1e-9;
        epsd.apply(g, PAIR, h, 0, out);
        assertEquals(0, out.try_, 0);
        assertEquals(0, h[1], 0);
    }

    @Test
    void epsdTorqueIsRotatedOntoTheNewTangentPlane() {
        ContactGeometry g = contact(DELTA);
        ContactForce out = hertzWritten(g);
        double[] h = {0, 1e-10, 0};
        double a = Math.toRadians(10);
        g.nx = Math.cos(a);
        g.ny = Math.sin(a);
        new EpsdRolling().apply(g, PAIR, h, 0, out);
        assertEquals(1e-10, Math.sqrt(h[0] * h[0] + h[1] * h[1] + h[2] * h[2]), 1e-22, "length kept");
        assertEquals(0, h[0] * g.nx + h[1] * g.ny + h[2] * g.nz, 1e-22, "in the tangent plane");
        assertEquals(h[0], out.trx, 0);
    }

    /**
     * The composed law: the rolling part uses the Mindlin tangential stiffness its tangential part wrote, k_r = k_t R*²
     * with k_t = 8G*√(R*δ) — LIGGGHTS' epsd2 formula, pinned here independently of the parts.
     */
    @Test
    void hertzMindlinRollingLaw() {
        HertzMindlinRollingLaw law = new HertzMindlinRollingLaw();
        assertEquals(6, law.historySize());
        ContactGeometry g = contact(DELTA);
        g.dt = 1e-6;
        g.wz = 10;
        ContactForce out = new ContactForce();
        law.compute(g, PAIR, new double[6], 0, out);
        double rStar = g.effectiveRadius;
        double kr = 8 * PAIR.effectiveShearModulus() * Math.sqrt(rStar * DELTA) * rStar * rStar;
        assertEquals(kr, EpsdRolling.stiffness(out.tangentialStiffness, rStar), 1e-12 * kr);
        assertEquals(-kr * 10 * g.dt, out.trz, 1e-12 * kr * 10 * g.dt);
    }
}
