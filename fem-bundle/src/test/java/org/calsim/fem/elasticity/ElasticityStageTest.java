package org.calsim.fem.elasticity;

import static org.calsim.api.material.MaterialProperty.DENSITY;
import static org.calsim.api.material.MaterialProperty.POISSON_RATIO;
import static org.calsim.api.material.MaterialProperty.YOUNGS_MODULUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.structure.VoxelImage;
import org.calsim.api.testing.TestMaterial;
import org.calsim.api.testing.TestStageContext;
import org.junit.jupiter.api.Test;

class ElasticityStageTest {
    static final double AM = 100;
    static final double CBD = 2 * 0.25;

    /**
     * AM layers with CBD layers between them, normal to z, both ν = 0: through the plane the Reuss modulus of AM
     * (100 GPa) and CBD (2 GPa × (1 − 0.5)² = 0.5 GPa), along the plane the Voigt modulus, with periodic (the
     * default) and free lateral faces; 2×2×2 blocks merge without changing the layers, so no coarsening note.
     */
    @Test
    void layeredImageGivesReussThroughAndVoigtAlong() throws Exception {
        VoxelImage image = image(8, 8, 8, v -> v / 64 / 2 % 2 == 0 ? 1 : 2);
        for (Map<String, Object> with : List.<Map<String, Object>>of(Map.of("tolerance", 1e-10),
                Map.of("tolerance", 1e-10, "lateral", "free"), Map.of("tolerance", 1e-10, "coarsen", 2))) {
            TestStageContext c = run(image, with);
            assertEquals(1 / (0.5 / AM + 0.5 / CBD), c.sink().get("youngs_modulus_through_plane_GPa"), 1e-7,
                    with.toString());
            assertEquals(0.5 * AM + 0.5 * CBD, c.sink().get("youngs_modulus_in_plane_x_GPa"), 1e-6, with.toString());
            assertTrue(c.sink().notes.get("lateral_boundaries").startsWith(with.getOrDefault("lateral", "periodic")
                    + ":"), c.sink().notes.get("lateral_boundaries"));
            assertEquals(0.5, c.sink().get("am_fraction_mesh"), 0.0);
            assertFalse(c.sink().notes.containsKey("coarsening"), with.toString());
        }
    }

    /**
     * Single AM voxels on every second site (an eighth of the image) in CBD: blocks of 2³ hold one AM voxel each
     * and become CBD, so coarsen = 2 removes the AM; the summary gives both fractions and a note. Unchanged at
     * the default coarsen = 1.
     */
    @Test
    void coarseningThatChangesPhaseFractionsIsReported() throws Exception {
        VoxelImage image = image(4, 4, 4, v -> v % 2 == 0 && v / 4 % 2 == 0 && v / 16 % 2 == 0 ? 1 : 2);
        TestStageContext c = run(image, Map.of("coarsen", 2));
        assertEquals(0.125, c.sink().get("am_fraction_image"), 0.0);
        assertEquals(0.0, c.sink().get("am_fraction_mesh"), 0.0);
        assertEquals(1.0, c.sink().get("cbd_fraction_mesh"), 0.0);
        String note = c.sink().notes.get("coarsening");
        assertTrue(note.contains("am 0.125 -> 0.000") && note.contains("cbd 0.875 -> 1.000"), note);
        assertEquals(CBD, c.sink().get("youngs_modulus_through_plane_GPa"), 1e-6 * CBD, "all CBD after merging");
        TestStageContext fine = run(image, Map.of());
        assertEquals(0.125, fine.sink().get("am_fraction_mesh"), 0.0);
        assertFalse(fine.sink().notes.containsKey("coarsening"));
    }

    /**
     * AM layers 2 voxels thick are under-resolved (mean chord 2 along z; along x and y the layers run without end
     * through the periodic sides): a resolution note. A 12-voxel AM slab is resolved: no note. Halving the
     * resolution by coarsen = 2 brings the slab to a chord of 6 and the note back, naming the coarsening.
     */
    @Test
    void resolutionNoteBelowTenVoxelsOfActiveMaterial() throws Exception {
        TestStageContext thin = run(image(8, 8, 8, v -> v / 64 / 2 % 2 == 0 ? 1 : 2), Map.of());
        assertEquals(2.0, thin.sink().get("am_mean_chord_z_voxels"), 0.0);
        assertFalse(thin.sink().summary.containsKey("am_mean_chord_x_voxels"), "endless along x");
        assertTrue(thin.sink().notes.get("resolution").contains("2.0 voxels"), thin.sink().notes.get("resolution"));
        VoxelImage slab = image(4, 4, 16, v -> v / 16 >= 2 && v / 16 < 14 ? 1 : 2);
        TestStageContext thick = run(slab, Map.of());
        assertEquals(12.0, thick.sink().get("am_mean_chord_z_voxels"), 0.0);
        assertFalse(thick.sink().notes.containsKey("resolution"), thick.sink().notes.toString());
        TestStageContext coarse = run(slab, Map.of("coarsen", 2));
        assertEquals(6.0, coarse.sink().get("am_mean_chord_z_voxels"), 0.0);
        String note = coarse.sink().notes.get("resolution");
        assertTrue(note.contains("coarsen = 2"), note);
    }

    @Test
    void badInputNamesFieldValueAndWhatIsAllowed() {
        VoxelImage image = image(8, 8, 6, v -> 1);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> run(image, Map.of("lateral", "mixed")));
        assertEquals("stages[0].with.lateral", e.field());
        assertEquals("mixed", e.value());
        assertEquals("one of periodic, free", e.allowed());
        e = assertThrows(InvalidInputException.class, () -> run(image, Map.of("coarsen", 3)));
        assertEquals("stages[0].with.coarsen", e.field());
        assertEquals("3", e.value());
        assertTrue(e.allowed().contains("dividing nx = 8 and ny = 8"), e.allowed());
        e = assertThrows(InvalidInputException.class, () -> run(image, Map.of("coarsen", 8, "lateral", "free")));
        assertEquals("8", e.value());
        assertTrue(e.allowed().contains("from 1 to 6"), e.allowed());
        VoxelImage fourPhases = new VoxelImage(2, 2, 2, 1e-6, new byte[] {0, 1, 2, 3, 1, 1, 1, 1},
                List.of("pore", "AM", "CBD", "crack"));
        e = assertThrows(InvalidInputException.class, () -> run(fourPhases, Map.of()));
        assertEquals("structure.voxels", e.field());
        assertTrue(e.value().contains("label 3 (crack)"), e.value());
    }

    private static VoxelImage image(int nx, int ny, int nz, IntUnaryOperator label) {
        byte[] labels = new byte[nx * ny * nz];
        for (int v = 0; v < labels.length; v++) {
            labels[v] = (byte) label.applyAsInt(v);
        }
        return new VoxelImage(nx, ny, nz, 1e-6, labels, List.of("pore", "AM", "CBD"));
    }

    private static TestStageContext run(VoxelImage image, Map<String, Object> with) throws Exception {
        ElectrodeRecipe recipe = new ElectrodeRecipe("AM", "E", 0.9, 0.05, 0.05, 0.1, 4000, 0.4, 10e-6, 1);
        Map<String, Object> values = new HashMap<>(Map.of("threads", 1));
        values.putAll(with);
        return new TestStageContext().with(VoxelImage.KEY, image).with(ElectrodeRecipe.KEY, recipe)
                .material(TestMaterial.of("AM", YOUNGS_MODULUS, AM * 1e9, POISSON_RATIO, 0.0, DENSITY, 4000.0))
                .material(TestMaterial.of("PVDF", YOUNGS_MODULUS, CBD / 0.25 * 1e9, POISSON_RATIO, 0.0, DENSITY,
                        1780.0))
                .run(new ElasticityStage(), values);
    }
}
