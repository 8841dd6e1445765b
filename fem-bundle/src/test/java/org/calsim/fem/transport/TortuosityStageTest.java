package org.calsim.fem.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.calsim.api.structure.VoxelImage;
import org.calsim.api.testing.TestStageContext;
import org.calsim.api.transport.EffectiveProperties;
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
}
