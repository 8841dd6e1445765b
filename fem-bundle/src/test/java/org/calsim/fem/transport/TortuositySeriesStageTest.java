package org.calsim.fem.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.structure.ParticlePacking;
import org.calsim.api.structure.VoxelImage;
import org.calsim.api.structure.VoxelSeries;
import org.calsim.api.testing.TestStageContext;
import org.calsim.fem.voxel.Voxeliser;
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
        // voxelised as fem.voxelise does (the CBD from the particles, here none) at 6 voxels across the radius
        List<VoxelImage> images = new ArrayList<>();
        for (ParticlePacking p : packings) {
            images.add(Voxeliser.voxelise(p, p.radius()[0] / 6, false, 0));
        }
        VoxelSeries series = new VoxelSeries(images, new double[] {0, 1e6, 2e6}, new double[] {0, 0.1, 0.2});
        TestStageContext c = new TestStageContext().with(VoxelSeries.KEY, series)
                .run(new TortuositySeriesStage(), Map.of());
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
     * A series with an image that would not fit the heap is refused before any state is solved, naming the voxel
     * series, the state and its size: a 300³ image of pores is about 2 GiB by the stage's upper bound, against a heap
     * that allows 1 GiB.
     */
    @Test
    void aSeriesTooLargeForTheHeapIsRefusedBeforeWork() {
        VoxelImage image = new VoxelImage(300, 300, 300, 1e-7, new byte[300 * 300 * 300], Voxeliser.PHASES);
        VoxelSeries series = new VoxelSeries(List.of(image), new double[] {0}, new double[] {0});
        HeapBudget heap = new HeapBudget((1L << 30) + (256L << 20));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new TestStageContext()
                .with(VoxelSeries.KEY, series).run(new TortuositySeriesStage(heap), Map.of()));
        assertEquals(VoxelSeries.KEY.name(), e.field());
        assertTrue(e.getMessage().contains("state 1 of 1") && e.getMessage().contains("300 x 300 x 300 voxels")
                && e.getMessage().contains("the heap allows 1.00 GiB"), e.getMessage());
    }
}
