package org.calsim.fem.voxel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.structure.PackingSeries;
import org.calsim.api.structure.ParticlePacking;
import org.calsim.api.structure.VoxelImage;
import org.calsim.api.structure.VoxelSeries;
import org.calsim.api.testing.TestStageContext;
import org.junit.jupiter.api.Test;

class ParticleVoxeliserTest {

    /** Two touching AM spheres and one CBD sphere, across the periodic x boundary. */
    static ParticlePacking packing() {
        double r = 5e-6;
        return new ParticlePacking(new double[] {1e-6, 1e-6 + 2 * r, 20e-6}, new double[] {15e-6, 15e-6, 15e-6},
                new double[] {r, r, 3e-6}, new double[] {r, r, 2e-6}, new int[] {0, 0, 1},
                List.of("NMC622", "PVDF"), 30e-6, 30e-6, 12e-6);
    }

    /**
     * The painted volume approaches the exact sphere volume as the voxels shrink (the centre-in rule errs on the
     * surface voxels, with signs that partly cancel, so the error is not monotonic at coarse resolution): within
     * 1 % at 16 voxels per radius. The sphere that crosses the periodic x boundary is painted on both sides.
     */
    @Test
    void voxelVolumesConvergeToTheSpheres() throws Exception {
        double error = Double.NaN;
        for (double perRadius : new double[] {4, 8, 16}) {
            TestStageContext c = new TestStageContext().with(ParticlePacking.KEY, packing())
                    .run(new ParticleVoxeliser(), Map.of("voxels_per_radius", perRadius));
            VoxelImage image = c.given(VoxelImage.KEY);
            error = Math.abs(c.sink().get("voxelisation_error"));
            double painted = (image.volumeFraction(1) + image.volumeFraction(2)) * image.labels().length
                    * Math.pow(image.voxelSize(), 3);
            assertEquals(painted * 1e18, c.sink().get("sphere_volume_voxels_um3"), 1e-9 * painted * 1e18);
            // the first sphere (x = 1 um) reaches across x = 0: voxels at the far end of x are AM
            int last = image.nx() - 1;
            int j = (int) (15e-6 / image.voxelSize());
            int k = (int) (5e-6 / image.voxelSize());
            assertEquals(1, image.labels()[image.index(last, j, k)], "periodic image of the sphere");
        }
        assertTrue(error < 0.01, "within 1 % of the sphere volume at 16 voxels per radius: " + error);
    }

    /**
     * Grown CBD reaches its target fraction and starts in the neck between the two touching spheres (lifted
     * 8 µm off the collector here, so that the collector offers no narrower neck).
     */
    @Test
    void morphologicalCbdFillsTheNeckFirst() throws Exception {
        ParticlePacking p = packing();
        double[] z = p.z().clone();
        for (int i = 0; i < z.length; i++) {
            z[i] += 8e-6;
        }
        ParticlePacking lifted = new ParticlePacking(p.x(), p.y(), z, p.radius(), p.type(), p.materials(), p.boxX(),
                p.boxY(), p.boxZ() + 8e-6);
        TestStageContext c = new TestStageContext().with(ParticlePacking.KEY, lifted)
                .run(new BridgeVoxeliser(), Map.of("voxels_per_radius", 5, "cbd_volume_fraction", 0.006));
        VoxelImage image = c.given(VoxelImage.KEY);
        assertEquals(0.006, image.volumeFraction(2), 1.0 / image.labels().length, "target CBD fraction");
        // the contact point of the two AM spheres is at x = 6 um, y = 15 um, z = 13 um
        double h = image.voxelSize();
        int cbdNearNeck = 0;
        int cbdTotal = 0;
        for (int k = 0; k < image.nz(); k++) {
            for (int j = 0; j < image.ny(); j++) {
                for (int i = 0; i < image.nx(); i++) {
                    if (image.labels()[image.index(i, j, k)] == 2) {
                        cbdTotal++;
                        double dx = (i + 0.5) * h - 6e-6;
                        double dy = (j + 0.5) * h - 15e-6;
                        double dz = (k + 0.5) * h - 13e-6;
                        if (dx * dx + dy * dy + dz * dz < 25e-12) {
                            cbdNearNeck++;
                        }
                    }
                }
            }
        }
        assertTrue(cbdNearNeck == cbdTotal, "all CBD within 5 um of the contact: " + cbdNearNeck + "/" + cbdTotal);
    }

    /** A sphere resting on the collector gets binder in the neck it forms with the collector: CBD covers it. */
    @Test
    void grownCbdCoversTheCollectorUnderARestingSphere() throws Exception {
        ParticlePacking one = new ParticlePacking(new double[] {15e-6}, new double[] {15e-6}, new double[] {5e-6},
                new double[] {5e-6}, new int[] {0}, List.of("NMC622"), 30e-6, 30e-6, 10e-6);
        TestStageContext c = new TestStageContext().with(ParticlePacking.KEY, one)
                .run(new BridgeVoxeliser(), Map.of("voxels_per_radius", 5, "cbd_volume_fraction", 0.005));
        VoxelImage image = c.given(VoxelImage.KEY);
        int covered = 0;
        for (int v = 0; v < image.nx() * image.ny(); v++) {
            covered += image.labels()[v] == 2 ? 1 : 0;
        }
        assertTrue(covered > 0, "CBD on the collector");
        // all of it around the contact point (15, 15, 0) um
        int far = 0;
        for (int v = 0; v < image.labels().length; v++) {
            if (image.labels()[v] == 2) {
                double h = image.voxelSize();
                double dx = (v % image.nx() + 0.5) * h - 15e-6;
                double dy = ((v / image.nx()) % image.ny() + 0.5) * h - 15e-6;
                far += dx * dx + dy * dy > 25e-12 ? 1 : 0;
            }
        }
        assertEquals(0, far, "CBD only within 5 um of the contact with the collector");
    }

    /**
     * With series: true every state of the calendering series is voxelised at the voxel edge of the released coating;
     * the last state of the series gets the CBD fraction asked for and the others the same CBD volume, a fraction
     * f·h_last/h_s (here a 15 µm state before an 11 µm last state; the released coating's box is 12 µm high).
     */
    @Test
    void seriesStatesShareTheVoxelEdgeAndTheCbdVolumeOfTheLastState() throws Exception {
        ParticlePacking p = packing();
        ParticlePacking thick = new ParticlePacking(p.x(), p.y(), p.z(), p.radius(), p.type(), p.materials(),
                p.boxX(), p.boxY(), 15e-6);
        ParticlePacking last = new ParticlePacking(p.x(), p.y(), p.z(), p.radius(), p.type(), p.materials(),
                p.boxX(), p.boxY(), 11e-6);
        TestStageContext c = new TestStageContext().with(ParticlePacking.KEY, p)
                .with(PackingSeries.KEY, new PackingSeries(List.of(thick, last), new double[] {0, 1e6},
                        new double[] {0, 0.2}))
                .run(new BridgeVoxeliser(), Map.of("voxels_per_radius", 5, "cbd_volume_fraction", 0.05,
                        "series", true));
        double h = c.given(VoxelImage.KEY).voxelSize();
        VoxelSeries series = c.given(VoxelSeries.KEY);
        assertArrayEquals(Voxeliser.voxelise(thick, h, true, 0.05 * 11e-6 / 15e-6).labels(),
                series.images().get(0).labels());
        assertArrayEquals(Voxeliser.voxelise(last, h, true, 0.05).labels(), series.images().get(1).labels());
        VoxelImage image = series.images().get(1);
        assertEquals(h, image.voxelSize());
        assertEquals(Math.round(0.05 * image.labels().length), Math.round(image.volumeFraction(2)
                * image.labels().length));
    }

    @Test
    void anImageBeyondTheMemoryGuardIsRefused() {
        InvalidInputException x = assertThrows(InvalidInputException.class, () -> new TestStageContext()
                .with(ParticlePacking.KEY, packing())
                .run(new ParticleVoxeliser(), Map.of("voxels_per_radius", 100, "max_voxels", 1000)));
        assertTrue(x.getMessage().contains("voxels_per_radius"), x.getMessage());
    }
}
