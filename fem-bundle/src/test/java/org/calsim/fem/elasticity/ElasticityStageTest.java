package org.calsim.fem.elasticity;

import static org.calsim.api.material.MaterialProperty.DENSITY;
import static org.calsim.api.material.MaterialProperty.POISSON_RATIO;
import static org.calsim.api.material.MaterialProperty.YOUNGS_MODULUS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.structure.VoxelImage;
import org.calsim.api.testing.TestMaterial;
import org.calsim.api.testing.TestStageContext;
import org.junit.jupiter.api.Test;

class ElasticityStageTest {

    /**
     * AM layers with CBD layers between them, normal to z, both ν = 0: through the plane the Reuss modulus of AM
     * (100 GPa) and CBD (2 GPa × (1 − 0.5)² = 0.5 GPa), along the plane the Voigt modulus; 2×2×2 blocks merge
     * without changing the layers.
     */
    @Test
    void layeredImageGivesReussThroughAndVoigtAlong() throws Exception {
        int n = 8;
        byte[] labels = new byte[n * n * n];
        for (int k = 0; k < n; k++) {
            for (int v = 0; v < n * n; v++) {
                labels[v + n * n * k] = (byte) (k / 2 % 2 == 0 ? 1 : 2);
            }
        }
        VoxelImage image = new VoxelImage(n, n, n, 1e-6, labels, List.of("pore", "AM", "CBD"));
        ElectrodeRecipe recipe = new ElectrodeRecipe("AM", "E", 0.9, 0.05, 0.05, 0.1, 4000, 0.4, 10e-6, 1);
        TestStageContext c = new TestStageContext().with(VoxelImage.KEY, image).with(ElectrodeRecipe.KEY, recipe)
                .material(TestMaterial.of("AM", YOUNGS_MODULUS, 100e9, POISSON_RATIO, 0.0, DENSITY, 4000.0))
                .material(TestMaterial.of("PVDF", YOUNGS_MODULUS, 2e9, POISSON_RATIO, 0.0, DENSITY, 1780.0))
                .run(new ElasticityStage(), Map.of("tolerance", 1e-10));
        double am = 100;
        double cbd = 2 * 0.25;
        assertEquals(1 / (0.5 / am + 0.5 / cbd), c.sink().get("youngs_modulus_through_plane_GPa"), 1e-7);
        assertEquals(0.5 * am + 0.5 * cbd, c.sink().get("youngs_modulus_in_plane_x_GPa"), 1e-6);
    }
}
