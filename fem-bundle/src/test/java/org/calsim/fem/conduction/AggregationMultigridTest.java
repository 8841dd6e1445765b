package org.calsim.fem.conduction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.calsim.parallel.WorkerTeam;
import org.junit.jupiter.api.Test;

/** The multigrid preconditioner: Galerkin coarsening, symmetry, and iterations that do not grow with the grid. */
class AggregationMultigridTest {
    /** One worker, the calling thread (no thread is started). */
    private static final WorkerTeam CALLER = new WorkerTeam(1, "test");

    /** A random two-phase medium (σ = 1 or 0.01) with 30 % insulating voxels. */
    private static double[] medium(int[] n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] sigma = new double[n[0] * n[1] * n[2]];
        for (int v = 0; v < sigma.length; v++) {
            double u = random.nextDouble();
            sigma[v] = u < 0.3 ? 0 : u < 0.4 ? 0.01 : 1;
        }
        return sigma;
    }

    private static ConductanceSystem system(int[] n, double[] sigma, boolean periodicSides) {
        boolean[] periodic = {periodicSides, periodicSides, false};
        double[] table = {0, 0.01, 1};
        byte[] phase = new byte[sigma.length];
        for (int v = 0; v < sigma.length; v++) {
            phase[v] = (byte) (sigma[v] == 0 ? 0 : sigma[v] == 1 ? 2 : 1);
        }
        return new ConductanceSystem(SteadyConduction.percolating(n, phase, table, 2, periodic), phase, table, 2,
                periodic, CALLER);
    }

    /** @return A x */
    private static double[] times(Stencil a, double[] x) {
        Chunks chunks = new Chunks(a.cells);
        double[] y = new double[a.m];
        for (int c = 0; c < chunks.count; c++) {
            a.multiply(new Stencil.Row(a.cells.nx), chunks, c, x, y);
        }
        return y;
    }

    /** @return the block (coarse unknown) of every unknown of {@code fine} */
    private static int[] aggregates(Occupancy fine, Occupancy blocks) {
        int[] aggregate = new int[fine.count];
        for (int row = 0; row < fine.rows; row++) {
            int blockRow = (row % fine.ny) / 2 + blocks.ny * ((row / fine.ny) / 2);
            for (int i = 0; i < fine.nx; i++) {
                int s = fine.slot(i, row);
                if (s >= 0) {
                    aggregate[s] = blocks.slot(i / 2, blockRow);
                }
            }
        }
        return aggregate;
    }

    /** The coarse stencil is Pᵀ A P for the piecewise-constant prolongation P, also on odd periodic grids. */
    @Test
    void coarseOperatorIsGalerkinProduct() {
        for (boolean periodic : new boolean[] {false, true}) {
            int[] n = {9, 7, 10};
            Stencil fine = system(n, medium(n, 3), periodic).stencil;
            Stencil coarse = fine.coarsen(CALLER, new Stencil.Row[] {new Stencil.Row(n[0])});
            int[] aggregate = aggregates(fine.cells, coarse.cells);
            SplittableRandom random = new SplittableRandom(5);
            double[] xc = new double[coarse.m];
            for (int c = 0; c < coarse.m; c++) {
                xc[c] = random.nextDouble() - 0.5;
            }
            double[] x = new double[fine.m];
            for (int s = 0; s < fine.m; s++) {
                x[s] = xc[aggregate[s]];
            }
            double[] galerkin = new double[coarse.m];
            double[] ax = times(fine, x);
            for (int s = 0; s < fine.m; s++) {
                galerkin[aggregate[s]] += ax[s];
            }
            double[] coarseTimes = times(coarse, xc);
            for (int c = 0; c < coarse.m; c++) {
                assertEquals(galerkin[c], coarseTimes[c], 1e-12, "coarse unknown " + c);
            }
        }
    }

    /** Conjugate gradients need a symmetric preconditioner: u·M⁻¹v = v·M⁻¹u to round-off, on several levels. */
    @Test
    void vCycleIsSymmetricAndPositive() {
        int[] n = {40, 36, 30};
        Stencil a = system(n, medium(n, 7), true).stencil;
        try (WorkerTeam team = new WorkerTeam(2, "test")) {
            AggregationMultigrid mg = new AggregationMultigrid(a, team);
            assertTrue(mg.depth() >= 3, "levels: " + mg.depth());
            SplittableRandom random = new SplittableRandom(11);
            double[] u = new double[a.m];
            double[] v = new double[a.m];
            for (int s = 0; s < a.m; s++) {
                u[s] = random.nextDouble() - 0.5;
                v[s] = random.nextDouble() - 0.5;
            }
            double[] mu = new double[a.m];
            double[] mv = new double[a.m];
            mg.apply(u, mu);
            mg.apply(v, mv);
            double uMv = 0;
            double vMu = 0;
            double uMu = 0;
            for (int s = 0; s < a.m; s++) {
                uMv += u[s] * mv[s];
                vMu += v[s] * mu[s];
                uMu += u[s] * mu[s];
            }
            assertEquals(uMv, vMu, 1e-12 * Math.abs(uMu));
            assertTrue(uMu > 0);
        }
    }

    /**
     * The pore space of 80 overlapping spheres of radius 0.12 placed at random in a periodic unit cube, voxelised
     * with n voxels per edge: the same geometry at every resolution, as when an image is refined.
     */
    private static double[] spheres(int n) {
        SplittableRandom random = new SplittableRandom(17);
        double[][] centres = new double[80][3];
        for (double[] c : centres) {
            c[0] = random.nextDouble();
            c[1] = random.nextDouble();
            c[2] = random.nextDouble();
        }
        double radius = 0.12;
        double[] sigma = new double[n * n * n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double[] x = {(i + 0.5) / n, (j + 0.5) / n, (k + 0.5) / n};
                    boolean solid = false;
                    for (double[] c : centres) {
                        double d2 = 0;
                        for (int a = 0; a < 3; a++) {
                            double d = x[a] - c[a];
                            d -= Math.rint(d);
                            d2 += d * d;
                        }
                        solid |= d2 < radius * radius;
                    }
                    sigma[i + n * (j + n * k)] = solid ? 0 : 1;
                }
            }
        }
        return sigma;
    }

    /**
     * Multigrid keeps the iteration count nearly constant as the image of a porous medium is refined (here from
     * 24³ to 96³ voxels, 64 times the unknowns), while Jacobi preconditioning needs iterations growing like the
     * edge length; both give the same effective conductivity.
     */
    @Test
    void iterationsDoNotGrowWithTheGrid() {
        int[] mg = new int[3];
        int[] jacobi = new int[3];
        int[] sizes = {24, 48, 96};
        for (int t = 0; t < sizes.length; t++) {
            int[] n = {sizes[t], sizes[t], sizes[t]};
            double[] sigma = spheres(sizes[t]);
            SteadyConduction.Result a = SteadyConduction.solve(n, sigma, 2, SteadyConductionTest.PERIODIC_XY,
                    new SteadyConduction.Settings(1e-8, 1e-8, 100_000, 2, SteadyConduction.Preconditioning.MULTIGRID));
            SteadyConduction.Result b = SteadyConduction.solve(n, sigma, 2, SteadyConductionTest.PERIODIC_XY,
                    new SteadyConduction.Settings(1e-8, 1e-8, 100_000, 2, SteadyConduction.Preconditioning.JACOBI));
            assertEquals(b.effective(), a.effective(), 1e-7 * b.effective());
            mg[t] = a.iterations();
            jacobi[t] = b.iterations();
        }
        String counts = "multigrid " + java.util.Arrays.toString(mg) + ", jacobi " + java.util.Arrays.toString(jacobi);
        System.out.println(counts);
        assertTrue(mg[2] <= 1.5 * mg[0], counts);
        assertTrue(jacobi[2] >= 2.5 * jacobi[0], counts);
        assertTrue(4 * mg[2] < jacobi[2], counts);
    }
}
