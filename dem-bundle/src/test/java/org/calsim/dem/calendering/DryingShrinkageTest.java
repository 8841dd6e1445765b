package org.calsim.dem.calendering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.calsim.dem.engine.Particles;
import org.junit.jupiter.api.Test;

/** The drying kinematics on their own: the thickness it reaches, the range of β, and that it creates no overlap. */
class DryingShrinkageTest {
    static final double ALPHA = 1.1;

    /**
     * A wet column of touching spheres (each resting on the one below, laterally offset) and random neighbours
     * placed at contact: every β the bisection may choose keeps them apart once dry.
     */
    static Particles wetColumn() {
        SplittableRandom random = new SplittableRandom(7);
        Particles p = new Particles(40);
        double x = 50e-6;
        double z = 0;
        double previous = 0;
        for (int k = 0; k < 40; k++) {
            double r = ALPHA * (3e-6 + 4e-6 * random.nextDouble());
            double dx = k == 0 ? 0 : (previous + r) * 0.6;
            z = k == 0 ? r : z + Math.sqrt(Math.pow(previous + r, 2) - dx * dx);
            x += dx;
            p.add(x, 50e-6, z, r, 4700, 0);
            previous = r;
        }
        return p;
    }

    @Test
    void theFilmShrinksToTheTargetThicknessWithoutOverlap() {
        Particles wet = wetColumn();
        double lo = DryingShrinkage.height(wet, ALPHA, 1 / ALPHA, Particles::top);
        double hi = DryingShrinkage.height(wet, ALPHA, 1, Particles::top);
        assertTrue(lo < hi, "the thickness grows with beta");
        double target = lo + 0.3 * (hi - lo);
        double beta = DryingShrinkage.contraction(wet, ALPHA, target, Particles::top);
        assertEquals(target, DryingShrinkage.height(wet, ALPHA, beta, Particles::top), 1e-12 * target);
        for (double b : new double[] {1 / ALPHA, beta, 1}) {
            Particles dry = DryingShrinkage.dry(wet, ALPHA, b);
            for (int i = 0; i < dry.size(); i++) {
                assertEquals(wet.radius(i) / ALPHA, dry.radius(i), 1e-18);
                assertEquals(wet.mass(i) / Math.pow(ALPHA, 3), dry.mass(i), 1e-9 * dry.mass(i), "same density");
                assertTrue(dry.z(i) >= dry.radius(i) * (1 - 1e-12), "above the collector");
                for (int j = i + 1; j < dry.size(); j++) {
                    double d = Math.sqrt(Math.pow(dry.x(i) - dry.x(j), 2) + Math.pow(dry.y(i) - dry.y(j), 2)
                            + Math.pow(dry.z(i) - dry.z(j), 2));
                    assertTrue(d >= (dry.radius(i) + dry.radius(j)) * (1 - 1e-12), "pair " + i + ", " + j);
                }
            }
        }
    }

    @Test
    void aTargetOutsideTheRangeGivesTheNearerEnd() {
        Particles wet = wetColumn();
        double lowest = DryingShrinkage.height(wet, ALPHA, 1 / ALPHA, Particles::top);
        double highest = DryingShrinkage.height(wet, ALPHA, 1, Particles::top);
        assertEquals(1 / ALPHA, DryingShrinkage.contraction(wet, ALPHA, 0.5 * lowest, Particles::top), 0);
        assertEquals(1, DryingShrinkage.contraction(wet, ALPHA, 2 * highest, Particles::top), 0);
    }

    /**
     * The shell factor α = (h* / c)^(3/8) lies between the smallest shell that reaches h* (α³ c = h*) and the largest
     * (α² c = h*); it is never below 1.
     */
    @Test
    void theShellFactorSitsInsideTheReachableWindow() {
        double c = 60e-6 / 0.55;
        double alpha = DryingShrinkage.shellFactor(1.2 * c, 60e-6, 0.55);
        assertEquals(Math.pow(1.2, 3.0 / 8.0), alpha, 1e-12);
        assertTrue(alpha * alpha * c < 1.2 * c && 1.2 * c < alpha * alpha * alpha * c);
        assertEquals(1, DryingShrinkage.shellFactor(0.9 * c, 60e-6, 0.55), 0);
    }
}
