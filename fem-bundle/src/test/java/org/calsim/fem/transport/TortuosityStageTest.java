package org.calsim.fem.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.StageCancelledException;
import org.calsim.api.structure.VoxelImage;
import org.calsim.api.testing.TestParameters;
import org.calsim.api.testing.TestStageContext;
import org.calsim.api.transport.EffectiveProperties;
import org.calsim.support.memory.HeapBudget;
import org.junit.jupiter.api.Test;

class TortuosityStageTest {

    /** Pore layers between AM layers, all normal to z: ions cannot cross, but flow along the layers freely. */
    @Test
    void layersBlockThroughPlaneAndAreOpenInPlane() throws Exception {
        int n = 8;
        byte[] labels = new byte[n * n * n];
        for (int k = 0; k < n; k++) {
            for (int v = 0; v < n * n; v++) {
                labels[v + n * n * k] = (byte) (k % 2 == 0 ? 0 : 1);
            }
        }
        VoxelImage image = new VoxelImage(n, n, n, 1e-6, labels, List.of("pore", "AM", "CBD"));
        TestStageContext c = new TestStageContext().with(VoxelImage.KEY, image)
                .run(new TortuosityStage(), Map.of("tolerance", 1e-10, "flux_tolerance", 1e-10));
        EffectiveProperties e = c.given(EffectiveProperties.KEY);
        assertEquals(0.5, e.porosity(), 0);
        assertEquals(Double.POSITIVE_INFINITY, e.throughPlaneTortuosity());
        assertTrue(c.sink().notes.get("tortuosity_factor_through_plane").contains("infinite"));
        assertEquals(1.0, e.inPlaneTortuosity(), 1e-8, "straight layers: T = 1 in the plane");
    }

    /** An image with AM columns along z: T = 1 for ions and σ_eff = f_AM σ_AM for electrons through the plane. */
    @Test
    void columnsGiveUnitTortuosityAndParallelElectronicConductivity() throws Exception {
        int n = 6;
        byte[] labels = new byte[n * n * n];
        int am = 0;
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    boolean solid = i < 2;
                    labels[i + n * (j + n * k)] = (byte) (solid ? 1 : 0);
                    am += solid ? 1 : 0;
                }
            }
        }
        VoxelImage image = new VoxelImage(n, n, n, 1e-6, labels, List.of("pore", "AM", "CBD"));
        TestStageContext c = new TestStageContext().with(VoxelImage.KEY, image).run(new TortuosityStage(),
                Map.of("tolerance", 1e-10, "flux_tolerance", 1e-10, "am_conductivity_S_per_m", 0.5, "cbd_conductivity_S_per_m", 10.0));
        EffectiveProperties e = c.given(EffectiveProperties.KEY);
        assertEquals(1.0, e.throughPlaneTortuosity(), 1e-8);
        double fAm = am / (double) labels.length;
        assertEquals(fAm * 0.5, e.electronicConductivity(), 1e-8 * fAm * 0.5);
        assertTrue(c.sink().get("flux_imbalance_through_plane") < 1e-8);
    }

    /**
     * The preconditioner is a choice of the job: on a random three-phase image both give the same tortuosity
     * factors (to the solver tolerance), and κ_eff/κ₀ = ε/T is reported beside T.
     */
    @Test
    void multigridAndJacobiAgree() throws Exception {
        int n = 30;
        byte[] labels = new byte[n * n * n];
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int v = 0; v < labels.length; v++) {
            double u = random.nextDouble();
            labels[v] = (byte) (u < 0.55 ? 0 : u < 0.9 ? 1 : 2);
        }
        VoxelImage image = new VoxelImage(n, n, n, 1e-6, labels, List.of("pore", "AM", "CBD"));
        double[][] tau = new double[2][];
        String[] choices = {"multigrid", "jacobi"};
        for (int t = 0; t < 2; t++) {
            TestStageContext c = new TestStageContext().with(VoxelImage.KEY, image).run(new TortuosityStage(),
                    Map.of("tolerance", 1e-10, "flux_tolerance", 1e-10, "cbd_ionic_fraction", 0.2,
                            "preconditioner", choices[t]));
            EffectiveProperties e = c.given(EffectiveProperties.KEY);
            tau[t] = new double[] {e.throughPlaneTortuosity(), e.inPlaneTortuosity()};
            assertEquals(e.porosity() / e.throughPlaneTortuosity(),
                    c.sink().get("relative_ionic_conductivity_through_plane"), 1e-12);
        }
        assertTrue(tau[0][0] > 1.2, "a random image is tortuous: " + tau[0][0]);
        assertEquals(tau[1][0], tau[0][0], 1e-8 * tau[1][0]);
        assertEquals(tau[1][1], tau[0][1], 1e-8 * tau[1][1]);
    }

    /**
     * A conduction solve reports its progress and can be cancelled between any two iterations (through
     * {@code StageProgress.solve}), not only between the solves: cancelled at its sixth question, the stage stops
     * within the first solve, having reported progress inside that solve's share (0.05 to 0.45).
     */
    @Test
    void aSolveIsCancelledBetweenTwoIterations() {
        int n = 30;
        byte[] labels = new byte[n * n * n];
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int v = 0; v < labels.length; v++) {
            labels[v] = (byte) (random.nextDouble() < 0.55 ? 0 : 1);
        }
        VoxelImage image = new VoxelImage(n, n, n, 1e-6, labels, List.of("pore", "AM", "CBD"));
        TestStageContext c = new TestStageContext().with(VoxelImage.KEY, image).cancelAfterChecks(5);
        assertThrows(StageCancelledException.class, () -> c.run(new TortuosityStage(),
                Map.of("tolerance", 1e-10, "flux_tolerance", 1e-10, "preconditioner", "jacobi")));
        assertEquals(6, c.cancelChecks(), "one check before the solve and one after each iteration");
        List<Double> reports = c.progressReports();
        assertEquals(0.05, reports.get(0), 1e-15);
        assertTrue(reports.size() >= 2 && reports.get(1) > 0.05 && reports.get(reports.size() - 1) < 0.45,
                "progress inside the first solve's share: " + reports);
    }

    private static TestStageContext run(VoxelImage image, Map<String, Object> values) throws Exception {
        Map<String, Object> all = new java.util.HashMap<>(Map.of("tolerance", 1e-10, "flux_tolerance", 1e-10));
        all.putAll(values);
        return new TestStageContext().with(VoxelImage.KEY, image).run(new TortuosityStage(), all);
    }

    /**
     * A one-voxel pore channel (a slab in y) climbs at x = 0 from the collector to layer m, and at x = nx − 1
     * from layer m to the top; in layer m a bridge joins them the long way, x = 1 … nx − 2. Every path is a
     * chain of voxels, so T is exact: with R the resistance of the chain in voxel units (σ = 1, half a voxel to
     * each Dirichlet face), σ_eff = nz/(nx R) and ε = (nz + nx − 1)/(nx nz), so T = ε/σ_eff
     * = (nz + nx − 1) R/nz². The vertical links give nz − 1 + 1 = nz; the lateral step adds nx − 1 with no-flux
     * sides (along the bridge) and (nx − 1)/nx with periodic ones (the bridge in parallel with the single link
     * across the x boundary).
     */
    @Test
    void periodicSidesJoinAcrossTheXBoundaryAndNoFluxSidesDoNot() throws Exception {
        int nx = 6;
        int ny = 3;
        int nz = 8;
        int m = 3;
        byte[] labels = new byte[nx * ny * nz];
        java.util.Arrays.fill(labels, (byte) 1);
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    boolean pore = i == 0 && k <= m || i == nx - 1 && k >= m || k == m;
                    labels[i + nx * (j + ny * k)] = (byte) (pore ? 0 : 1);
                }
            }
        }
        VoxelImage image = new VoxelImage(nx, ny, nz, 1e-6, labels, List.of("pore", "AM", "CBD"));
        double epsilon = (nz + nx - 1.0) / (nx * nz);
        TestStageContext periodic = run(image, Map.of());
        EffectiveProperties e = periodic.given(EffectiveProperties.KEY);
        assertEquals(epsilon, e.porosity(), 1e-15);
        assertEquals((nz + nx - 1.0) * (nz + (nx - 1.0) / nx) / (nz * nz), e.throughPlaneTortuosity(), 1e-8,
                "periodic sides (the default): the short way across the x boundary");
        assertTrue(periodic.sink().notes.get("boundary_conditions").contains("x and y sides periodic"));
        assertTrue(e.method().contains("periodic sides"), e.method());
        TestStageContext closed = run(image, Map.of("sides", "no-flux"));
        assertEquals((nz + nx - 1.0) * (nz + nx - 1.0) / (nz * nz),
                closed.<EffectiveProperties>given(EffectiveProperties.KEY).throughPlaneTortuosity(), 1e-8,
                "no-flux sides: the long way along the bridge");
        assertTrue(closed.sink().notes.get("boundary_conditions").contains("x and y sides no flux"));
    }

    /**
     * In-plane (along x) the collector and the top are no-flux, periodic sides or not: a pore layer on the
     * collector for x ≤ a and one under the top for x ≥ a, joined by a riser at x = a, conduct as one chain of
     * resistance R = nx + nz − 1 (voxel units), so T = (nx + nz − 1) R/nx² as in the test above. Wrapping z would
     * put the riser in parallel with the single link between the bottom and top layers and lower T.
     */
    @Test
    void inPlaneConductionDoesNotWrapFromCollectorToTop() throws Exception {
        int nx = 7;
        int ny = 2;
        int nz = 5;
        int a = 3;
        byte[] labels = new byte[nx * ny * nz];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    boolean pore = k == 0 && i <= a || k == nz - 1 && i >= a || i == a;
                    labels[i + nx * (j + ny * k)] = (byte) (pore ? 0 : 1);
                }
            }
        }
        VoxelImage image = new VoxelImage(nx, ny, nz, 1e-6, labels, List.of("pore", "AM", "CBD"));
        double expected = (nx + nz - 1.0) * (nx + nz - 1.0) / (nx * nx);
        for (String sides : new String[] {"periodic", "no-flux"}) {
            TestStageContext c = run(image, Map.of("sides", sides));
            assertEquals(expected, c.<EffectiveProperties>given(EffectiveProperties.KEY).inPlaneTortuosity(), 1e-8,
                    sides);
            assertTrue(c.sink().notes.get("boundary_conditions").contains("no flux at the collector and the top"));
        }
    }

    /** A side condition the stage does not know is refused, naming the field, the value and the choices. */
    @Test
    void unknownSidesAreRefused() {
        VoxelImage image = new VoxelImage(2, 2, 2, 1e-6, new byte[8], List.of("pore", "AM", "CBD"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> run(image, Map.of("sides", "wrapped")));
        assertTrue(e.getMessage().contains("sides") && e.getMessage().contains("wrapped")
                && e.getMessage().contains("no-flux"), e.getMessage());
    }

    /**
     * The memory check (issue 19): with a heap that leaves exactly the estimated need after the reserve the stage
     * runs; one byte less and it refuses before solving, naming the image, the heap the solve needs and the heap
     * there is. The estimate covers at least the conjugate-gradient vectors of the conducting voxels.
     */
    @Test
    void imageBeyondTheHeapIsRefusedWithTheMemoryItNeeds() throws Exception {
        int n = 24;
        byte[] labels = new byte[n * n * n];
        java.util.SplittableRandom random = new java.util.SplittableRandom(19);
        int pores = 0;
        for (int v = 0; v < labels.length; v++) {
            labels[v] = (byte) (random.nextDouble() < 0.6 ? 0 : 1);
            pores += labels[v] == 0 ? 1 : 0;
        }
        VoxelImage image = new VoxelImage(n, n, n, 1e-6, labels, List.of("pore", "AM", "CBD"));
        long needed = TortuosityStage.memoryNeeded(image, TestParameters.bind(new TortuosityStage().parameters(),
                Map.of()));
        assertTrue(needed >= 40L * pores, "estimate " + needed + " bytes for " + pores + " pores");
        long heap = needed + (HeapBudget.RESERVE_MIN_MIB << 20);
        assertEquals(needed, new HeapBudget(heap).bytes());
        TestStageContext c = new TestStageContext().with(VoxelImage.KEY, image)
                .run(new TortuosityStage(new HeapBudget(heap)), Map.of());
        assertTrue(c.given(EffectiveProperties.KEY).throughPlaneTortuosity() > 1);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new TestStageContext()
                .with(VoxelImage.KEY, image).run(new TortuosityStage(new HeapBudget(heap - 1)), Map.of()));
        assertEquals("structure.voxels", e.field());
        assertTrue(e.getMessage().contains("24 x 24 x 24 voxels"), e.getMessage());
        assertTrue(e.getMessage().contains(String.format(java.util.Locale.ROOT, "needs %.2f GiB",
                needed / (double) (1L << 30))), e.getMessage());
        assertTrue(e.getMessage().contains("the heap allows"), e.getMessage());
    }
}
