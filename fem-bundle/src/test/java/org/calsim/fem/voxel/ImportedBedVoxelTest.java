package org.calsim.fem.voxel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.calsim.api.structure.ParticlePacking;
import org.calsim.api.structure.VoxelImage;
import org.calsim.api.testing.RecordingSink;
import org.calsim.api.testing.TestStageContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both voxelise couplers on an imported packing as {@code packing.load} (dem bundle) gives it: the LIGGGHTS bed of
 * the DEM benchmark ({@code bench/liggghts/settled.dump}, 10,000 spheres of 3 to 8 mm in 0.25 x 0.25 m, SI), all
 * active material (type 0), no CBD spheres, height the highest sphere top. Read here by a few lines of its own
 * (the 9 header lines, then "id type x y z radius"), at 2 mm voxels.
 */
class ImportedBedVoxelTest {
    static ParticlePacking bed;

    @BeforeAll
    static void read() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", "bench", "liggghts", "settled.dump"));
        List<String> rows = lines.subList(9, lines.size());
        int n = rows.size();
        double[][] v = new double[4][n];
        double top = 0;
        for (int i = 0; i < n; i++) {
            String[] t = rows.get(i).trim().split(" +");
            for (int c = 0; c < 4; c++) {
                v[c][i] = Double.parseDouble(t[c + 2]);
            }
            top = Math.max(top, v[2][i] + v[3][i]);
        }
        bed = new ParticlePacking(v[0], v[1], v[2], v[3], new int[n], List.of("liggghts-bead"), 0.25, 0.25, top);
    }

    /** The painted spheres match the exact volume within 2 %; the pores are what the spheres leave in the image. */
    @Test
    void theSpheresVoxeliseAsTheyAre() throws Exception {
        TestStageContext c = new TestStageContext().with(ParticlePacking.KEY, bed)
                .run(new ParticleVoxeliser(), Map.of("voxel_size_um", 2000));
        VoxelImage image = c.given(VoxelImage.KEY);
        RecordingSink s = c.sink();
        assertEquals(125, image.nx());
        assertEquals(125, image.ny());
        assertEquals((int) Math.ceil(bed.boxZ() / 0.002), image.nz(), "the image ends at the highest sphere top");
        double imageVolume = 0.25 * 0.25 * image.nz() * 0.002;
        assertTrue(Math.abs(s.get("voxelisation_error")) < 0.02, "voxelisation error " + s.get("voxelisation_error"));
        assertEquals(1 - bed.solidVolume() * (1 + s.get("voxelisation_error")) / imageVolume, image.volumeFraction(0),
                1e-9);
        assertEquals(0, image.volumeFraction(2));
    }

    /** Grown CBD reaches the fraction asked for and takes it from the pores, not from the spheres. */
    @Test
    void bridgesGrowAroundTheImportedSpheres() throws Exception {
        VoxelImage plain = new TestStageContext().with(ParticlePacking.KEY, bed)
                .run(new ParticleVoxeliser(), Map.of("voxel_size_um", 2000)).given(VoxelImage.KEY);
        VoxelImage grown = new TestStageContext().with(ParticlePacking.KEY, bed)
                .run(new BridgeVoxeliser(), Map.of("voxel_size_um", 2000, "cbd_volume_fraction", 0.1))
                .given(VoxelImage.KEY);
        assertEquals(0.1, grown.volumeFraction(2), 1e-3);
        assertEquals(plain.volumeFraction(1), grown.volumeFraction(1), 1e-12);
        assertEquals(plain.volumeFraction(0) - grown.volumeFraction(2), grown.volumeFraction(0), 1e-12);
    }
}
