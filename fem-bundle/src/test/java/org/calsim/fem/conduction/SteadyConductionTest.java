package org.calsim.fem.conduction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Steady conduction on voxel images against exact and classical results. */
class SteadyConductionTest {
    static final double TOL = 1e-10;
    /** Periodic in x and y, as a DEM packing is; z closed. */
    static final boolean[] PERIODIC_XY = {true, true, false};
    /** No axis wraps: no-flux sides. */
    static final boolean[] CLOSED = {false, false, false};

    private static SteadyConduction.Result solve(int[] n, double[] sigma, int axis, boolean[] periodic) {
        return SteadyConduction.solve(n, sigma, axis, periodic, new SteadyConduction.Settings(TOL, TOL, 100_000, 1));
    }

    /** The iterates, and so the result, do not depend on the number of threads. */
    @Test
    void oneAndTwoThreadsGiveIdenticalResults() {
        int[] n = {20, 18, 16};
        double[] sigma = new double[20 * 18 * 16];
        java.util.SplittableRandom random = new java.util.SplittableRandom(2);
        for (int v = 0; v < sigma.length; v++) {
            sigma[v] = random.nextDouble() < 0.3 ? 0 : 1;
        }
        SteadyConduction.Result one = SteadyConduction.solve(n, sigma, 2, PERIODIC_XY,
                new SteadyConduction.Settings(1e-8, 1e-6, 100_000, 1));
        SteadyConduction.Result two = SteadyConduction.solve(n, sigma, 2, PERIODIC_XY,
                new SteadyConduction.Settings(1e-8, 1e-6, 100_000, 2));
        assertEquals(one.effective(), two.effective(), 0.0);
        assertEquals(one.iterations(), two.iterations());
    }

    /**
     * Also with two conducting phases (the general kernels, conductances per phase pair; one phase alone takes the
     * direct ones) the result does not depend on the number of threads.
     */
    @Test
    void oneAndTwoThreadsGiveIdenticalResultsWithTwoConductivities() {
        int[] n = {20, 18, 16};
        double[] sigma = new double[20 * 18 * 16];
        java.util.SplittableRandom random = new java.util.SplittableRandom(4);
        for (int v = 0; v < sigma.length; v++) {
            double u = random.nextDouble();
            sigma[v] = u < 0.3 ? 0 : u < 0.5 ? 0.2 : 1;
        }
        for (int axis : new int[] {0, 2}) {
            boolean[] periodic = {axis != 0, true, false};
            SteadyConduction.Result one = SteadyConduction.solve(n, sigma, axis, periodic,
                    new SteadyConduction.Settings(1e-8, 1e-6, 100_000, 1));
            SteadyConduction.Result two = SteadyConduction.solve(n, sigma, axis, periodic,
                    new SteadyConduction.Settings(1e-8, 1e-6, 100_000, 2));
            assertEquals(one.effective(), two.effective(), 0.0);
            assertEquals(one.iterations(), two.iterations());
        }
    }

    /** An open block conducts exactly like the bulk in every direction: σ_eff = σ, so τ = 1. */
    @Test
    void openBlockHasUnitTortuosity() {
        int[] n = {7, 9, 11};
        double[] sigma = new double[7 * 9 * 11];
        Arrays.fill(sigma, 2.5);
        for (int axis = 0; axis < 3; axis++) {
            SteadyConduction.Result r = solve(n, sigma, axis, CLOSED);
            assertEquals(2.5, r.effective(), 1e-8 * 2.5, "axis " + axis);
            assertEquals(0, r.fluxImbalance(), 1e-8);
        }
    }

    /**
     * Straight pore channels along z in an insulating solid: through-plane σ_eff = ε σ (τ = ε σ/σ_eff = 1);
     * in-plane nothing percolates.
     */
    @Test
    void straightChannelsAreUnitTortuousAlongAndBlockedAcross() {
        int[] n = {10, 10, 12};
        double[] sigma = new double[10 * 10 * 12];
        int open = 0;
        for (int k = 0; k < 12; k++) {
            for (int j = 0; j < 10; j++) {
                for (int i = 0; i < 10; i++) {
                    if (i % 4 == 1 && j % 3 != 0) {
                        sigma[i + 10 * (j + 10 * k)] = 1;
                        open++;
                    }
                }
            }
        }
        double porosity = open / (double) sigma.length;
        SteadyConduction.Result z = solve(n, sigma, 2, CLOSED);
        assertEquals(1.0, porosity / z.effective(), 1e-8, "through-plane tortuosity factor");
        SteadyConduction.Result x = solve(n, sigma, 0, CLOSED);
        assertFalse(x.percolates(), "no path across the channels");
        assertEquals(0, x.effective());
    }

    /** Layers normal to z: series (harmonic) conductivity through them, parallel (arithmetic) along them. */
    @Test
    void laminateMatchesSeriesAndParallel() {
        int[] n = {6, 5, 12};
        double[] sigma = new double[6 * 5 * 12];
        double s1 = 1.0;
        double s2 = 0.1;
        int thick = 0;
        for (int k = 0; k < 12; k++) {
            double s = k % 3 == 0 ? s2 : s1;
            thick += k % 3 == 0 ? 1 : 0;
            for (int v = 0; v < 30; v++) {
                sigma[v + 30 * k] = s;
            }
        }
        double f2 = thick / 12.0;
        double f1 = 1 - f2;
        double series = 1 / (f1 / s1 + f2 / s2);
        double parallel = f1 * s1 + f2 * s2;
        assertEquals(series, solve(n, sigma, 2, CLOSED).effective(), 1e-8 * series, "series");
        assertEquals(parallel, solve(n, sigma, 0, CLOSED).effective(), 1e-8 * parallel, "parallel");
        assertEquals(parallel, solve(n, sigma, 1, new boolean[] {true, false, false}).effective(), 1e-8 * parallel,
                "parallel, periodic in x");
    }

    /**
     * A simple-cubic array of insulating spheres (one per periodic cell; the Dirichlet faces are the
     * equipotential mid-planes between spheres) approaches Maxwell's dilute limit τ = ε/σ_eff = 1 + c/2 (the
     * next correction of the cubic array is O(c^{10/3}), 1e-5 here). With q = (τ − 1)/(c/2), c the voxelised
     * solid fraction, the staircase surface adds an error of first order in the voxel size: q falls towards 1 as
     * the resolution grows (1.32 at 32, 1.21 at 48 voxels per cell), and the Richardson extrapolation
     * q∞ = (48 q₄₈ − 32 q₃₂)/16, which removes that first-order term, is Maxwell's 1 to within 2 % (what is left
     * is second order in the voxel size).
     */
    @Test
    void diluteSphereArrayConvergesToMaxwell() {
        double c = 0.03;
        double[] q = new double[3];
        int[] sizes = {24, 32, 48};
        for (int t = 0; t < sizes.length; t++) {
            int m = sizes[t];
            int[] n = {m, m, m};
            double[] sigma = new double[m * m * m];
            double radius = Math.cbrt(3 * c / (4 * Math.PI)) * m;
            int solid = 0;
            for (int k = 0; k < m; k++) {
                for (int j = 0; j < m; j++) {
                    for (int i = 0; i < m; i++) {
                        double dx = i + 0.5 - m / 2.0;
                        double dy = j + 0.5 - m / 2.0;
                        double dz = k + 0.5 - m / 2.0;
                        boolean inside = dx * dx + dy * dy + dz * dz < radius * radius;
                        sigma[i + m * (j + m * k)] = inside ? 0 : 1;
                        solid += inside ? 1 : 0;
                    }
                }
            }
            double cVox = solid / (double) sigma.length;
            SteadyConduction.Result r = solve(n, sigma, 2, PERIODIC_XY);
            q[t] = ((1 - cVox) / r.effective() - 1) / (cVox / 2);
            if (t > 0) {
                assertTrue(Math.abs(q[t] - 1) < Math.abs(q[t - 1] - 1), "converges: q = " + Arrays.toString(q));
            }
        }
        double extrapolated = (48 * q[2] - 32 * q[1]) / 16;
        assertEquals(1.0, extrapolated, 0.02, "Richardson-extrapolated (τ − 1)/(c/2)");
    }

    /** The axis of transport holds the two potentials: asking for it to wrap as well is refused. */
    @Test
    void theAxisOfTransportCannotBePeriodic() {
        int[] n = {3, 3, 3};
        double[] sigma = new double[27];
        Arrays.fill(sigma, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> solve(n, sigma, 0, new boolean[] {true, true, false}));
        assertTrue(e.getMessage().contains("axis 0"), e.getMessage());
    }
}
