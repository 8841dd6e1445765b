package org.calsim.fem.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.structure.PackingSeries;
import org.calsim.api.structure.ParticlePacking;
import org.calsim.api.testing.TestStageContext;
import org.calsim.support.memory.HeapBudget;
import org.junit.jupiter.api.Test;

class TortuositySeriesStageTest {

    /**
     * Simple-cubic arrays of growing spheres (less porosity, more tortuous pore space): the tortuosity factor
     * rises as the porosity falls, and the fitted exponent is negative.
     */
    @Test
    void denserStatesAreMoreTortuous() throws Exception {
        List<ParticlePacking> packings = new ArrayList<>();
        double cell = 10e-6;
        double[] fraction = {0.30, 0.38, 0.45};
        for (double f : fraction) {
            int m = 3;
            int count = m * m * m;
            double[] x = new double[count];
            double[] y = new double[count];
            double[] z = new double[count];
            double[] r = new double[count];
            int[] t = new int[count];
            int s = 0;
            for (int k = 0; k < m; k++) {
                for (int j = 0; j < m; j++) {
                    for (int i = 0; i < m; i++) {
                        x[s] = (i + 0.5) * cell;
                        y[s] = (j + 0.5) * cell;
                        z[s] = (k + 0.5) * cell;
                        r[s] = f * cell;
                        s++;
                    }
                }
            }
            packings.add(new ParticlePacking(x, y, z, r, t, List.of("NMC622"), m * cell, m * cell, m * cell));
        }
        PackingSeries series = new PackingSeries(packings, new double[] {0, 1e6, 2e6}, new double[] {0, 0.1, 0.2});
        TestStageContext c = new TestStageContext().with(PackingSeries.KEY, series)
                .run(new TortuositySeriesStage(), Map.of("cbd", "particles", "voxels_per_radius", 6));
        double[] tau = c.sink().tables.get("tortuosity-series").column("tortuosity_factor").values();
        double[] eps = c.sink().tables.get("tortuosity-series").column("porosity").values();
        assertTrue(eps[0] > eps[1] && eps[1] > eps[2], "porosity falls");
        assertTrue(tau[0] < tau[1] && tau[1] < tau[2], "tortuosity rises");
        assertTrue(c.sink().get("fit_b") < 0, "negative exponent");
        double[] radius = c.sink().tables.get("tortuosity-series").column("mean_pore_radius").values();
        double[] over = c.sink().tables.get("tortuosity-series").column("resolution_overestimate").values();
        assertTrue(radius[0] > radius[2], "the pores narrow as the packing is pressed: " + radius[0] + ", "
                + radius[2]);
        assertEquals(PoreResolution.ERROR_TIMES_RADIUS / radius[2], over[2], 1e-12);
        assertTrue(c.sink().notes.get("resolution").startsWith("state 3: the pores are under-resolved"),
                c.sink().notes.get("resolution"));
        assertTrue(c.sink().notes.get("boundary_conditions").contains("periodic"));
    }

    /**
     * A series whose largest image would not fit the heap is refused before any state is voxelised, naming
     * voxels_per_radius, the state and its size: one sphere of radius 10 µm in a 30 µm cube at 100 voxels per radius
     * is 300³ voxels, about 2 GiB by the stage's upper bound (every voxel a pore), against a heap that allows 1 GiB.
     */
    @Test
    void aSeriesTooLargeForTheHeapIsRefusedBeforeWork() {
        ParticlePacking p = new ParticlePacking(new double[] {15e-6}, new double[] {15e-6}, new double[] {15e-6},
                new double[] {10e-6}, new int[1], List.of("NMC622"), 30e-6, 30e-6, 30e-6);
        PackingSeries series = new PackingSeries(List.of(p), new double[] {0}, new double[] {0});
        HeapBudget heap = new HeapBudget((1L << 30) + (256L << 20));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new TestStageContext()
                .with(PackingSeries.KEY, series).run(new TortuositySeriesStage(heap),
                        Map.of("voxels_per_radius", 100)));
        assertTrue(e.field().endsWith("voxels_per_radius"), e.field());
        assertTrue(e.getMessage().contains("state 1 would be 300 x 300 x 300 voxels")
                && e.getMessage().contains("the heap allows 1.00 GiB"), e.getMessage());
    }
}
