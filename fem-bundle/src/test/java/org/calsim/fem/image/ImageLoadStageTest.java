package org.calsim.fem.image;

import static org.calsim.fem.image.ImageJobs.load;
import static org.calsim.fem.image.ImageJobs.with;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.structure.VoxelImage;
import org.calsim.api.testing.TestStageContext;
import org.calsim.api.transport.EffectiveProperties;
import org.calsim.fem.microstructure.MicrostructureStage;
import org.calsim.fem.transport.TortuosityStage;
import org.calsim.fem.voxel.Voxeliser;
import org.calsim.support.memory.HeapBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLoadStageTest {
    private static final String FIELD = "stages[0].with.";

    @TempDir
    Path dir;

    private static VoxelImage randomImage(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] labels = new byte[n * n * n];
        for (int v = 0; v < labels.length; v++) {
            double u = random.nextDouble();
            labels[v] = (byte) (u < 0.55 ? 0 : u < 0.9 ? 1 : 2);
        }
        return new VoxelImage(n, n, n, 1e-6, labels, Voxeliser.PHASES);
    }

    private static EffectiveProperties tortuosity(VoxelImage image) throws Exception {
        return new TestStageContext().with(VoxelImage.KEY, image).run(new TortuosityStage(),
                Map.of("tolerance", 1e-10, "flux_tolerance", 1e-10)).given(EffectiveProperties.KEY);
    }

    private static int[] ints(byte[] labels) {
        int[] v = new int[labels.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = labels[i];
        }
        return v;
    }

    /**
     * calsim's own .vti (written by fem.microstructure) and a .npy of the same image, read back: the same labels, the
     * same voxel size and the same tortuosity factors, to the last bit.
     */
    @Test
    void roundTripThroughVtiAndNpyKeepsLabelsAndTortuosity() throws Exception {
        VoxelImage original = randomImage(14, 7);
        TestStageContext written = new TestStageContext().with(VoxelImage.KEY, original)
                .run(new MicrostructureStage(), Map.of());
        Path vti = written.sink().files.get("microstructure.vti");
        Path npy = ImageFiles.npy(dir.resolve("image.npy"), "|u1", false, new int[] {14, 14, 14}, original.labels());
        EffectiveProperties expected = tortuosity(original);
        for (Path file : List.of(vti, npy)) {
            TestStageContext c = load(with(file));
            VoxelImage back = c.given(VoxelImage.KEY);
            assertArrayEquals(original.labels(), back.labels(), file.toString());
            assertEquals(original.voxelSize(), back.voxelSize(), 0);
            assertEquals(original.phases(), back.phases());
            EffectiveProperties tau = tortuosity(back);
            assertEquals(expected.throughPlaneTortuosity(), tau.throughPlaneTortuosity(), 0, file.toString());
            assertEquals(expected.inPlaneTortuosity(), tau.inPlaneTortuosity(), 0, file.toString());
            assertEquals(original.volumeFraction(0), c.sink().get("pore_fraction"), 0);
            assertEquals(original.volumeFraction(2), c.sink().get("cbd_fraction"), 0);
            assertEquals(14, c.sink().get("voxels_z"), 0);
        }
        assertTrue(Files.readString(vti, StandardCharsets.ISO_8859_1).contains("<!-- phases: pore, AM, CBD"));
    }

    /** calsim's .vti before it wrote binary: ASCII, format version 0.1 (no header type), ten values a line. */
    @Test
    void readsOlderAsciiCalsimOutput() throws Exception {
        VoxelImage original = randomImage(10, 8);
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?>\n<!-- phases: pore, AM, CBD (labels 0, 1, 2, ...) -->\n"
                + "<VTKFile type=\"ImageData\" version=\"0.1\" byte_order=\"LittleEndian\">\n<ImageData WholeExtent=\"0 10 "
                + "0 10 0 10\" Origin=\"0 0 0\" Spacing=\"1.00000000e-06 1.00000000e-06 1.00000000e-06\">\n<Piece "
                + "Extent=\"0 10 0 10 0 10\">\n<CellData Scalars=\"phase\">\n<DataArray type=\"UInt8\" Name=\"phase\" "
                + "format=\"ascii\">\n");
        byte[] labels = original.labels();
        for (int v = 0; v < labels.length; v++) {
            s.append(labels[v]).append((v + 1) % 10 == 0 ? '\n' : ' ');
        }
        s.append("</DataArray>\n</CellData>\n</Piece>\n</ImageData>\n</VTKFile>\n");
        Path file = Files.writeString(dir.resolve("old.vti"), s);
        assertArrayEquals(labels, load(with(file)).given(VoxelImage.KEY).labels());
    }

    /**
     * One active-material voxel at (x, y, z) = (1, 2, 3) of a 4 x 6 x 8 file: where it lands for each through-plane
     * axis and collector side (cyclic axes: through-plane x turns the file's y, z into x, y; y turns z, x into x, y;
     * a collector at the high end mirrors z). The size is chosen so that no two cases put it at the same place.
     */
    @Test
    void throughPlaneAxisAndCollectorSideTurnTheImage() throws Exception {
        int[] v = new int[4 * 6 * 8];
        v[1 + 4 * (2 + 6 * 3)] = 1;
        Path npy = ImageFiles.npy(dir.resolve("marker.npy"), "|u1", false, new int[] {8, 6, 4},
                ImageFiles.bytes(v, 1, ByteOrder.LITTLE_ENDIAN));
        Path raw = Files.write(dir.resolve("marker.raw"), ImageFiles.bytes(v, 1, ByteOrder.LITTLE_ENDIAN));
        Path fortran = ImageFiles.npy(dir.resolve("marker-f.npy"), "|u1", true, new int[] {8, 6, 4},
                ImageFiles.bytes(ImageFiles.fortran(v, 4, 6, 8), 1, ByteOrder.LITTLE_ENDIAN));
        Object[][] cases = {
                {"z", "low", new int[] {4, 6, 8}, new int[] {1, 2, 3}},
                {"z", "high", new int[] {4, 6, 8}, new int[] {1, 2, 4}},
                {"x", "low", new int[] {6, 8, 4}, new int[] {2, 3, 1}},
                {"x", "high", new int[] {6, 8, 4}, new int[] {2, 3, 2}},
                {"y", "low", new int[] {8, 4, 6}, new int[] {3, 1, 2}},
                {"y", "high", new int[] {8, 4, 6}, new int[] {3, 1, 3}},
        };
        for (Object[] c : cases) {
            for (Path file : List.of(npy, raw, fortran)) {
                VoxelImage image = load(with(file, "through_plane_axis", c[0], "collector_at", c[1], "raw_shape",
                        List.of(4, 6, 8))).given(VoxelImage.KEY);
                int[] size = (int[]) c[2];
                int[] at = (int[]) c[3];
                String what = file.getFileName() + " through " + c[0] + ", collector " + c[1];
                assertArrayEquals(size, new int[] {image.nx(), image.ny(), image.nz()}, what);
                assertEquals(1, image.labels()[image.index(at[0], at[1], at[2])], what);
                assertEquals(1, java.util.Arrays.stream(ints(image.labels())).sum(), what);
            }
        }
        VoxelImage cropped = load(with(npy, "through_plane_axis", "x", "crop_z_voxels", List.of(1, 3),
                "crop_x_voxels", List.of(1, 6))).given(VoxelImage.KEY);
        assertArrayEquals(new int[] {5, 8, 2}, new int[] {cropped.nx(), cropped.ny(), cropped.nz()});
        assertEquals(1, cropped.labels()[cropped.index(1, 3, 0)]);
    }

    /** Layers: z < 4 pore, 4 <= z < 6 AM, z >= 6 CBD, in an 8 x 6 x 8 file. */
    @Test
    void cropChangesSizeAndFractions() throws Exception {
        int[] v = new int[8 * 6 * 8];
        for (int k = 0; k < 8; k++) {
            for (int p = 0; p < 48; p++) {
                v[p + 48 * k] = k < 4 ? 0 : k < 6 ? 1 : 2;
            }
        }
        Path npy = ImageFiles.npy(dir.resolve("layers.npy"), "|u1", false, new int[] {8, 6, 8},
                ImageFiles.bytes(v, 1, ByteOrder.LITTLE_ENDIAN));
        TestStageContext whole = load(with(npy));
        assertEquals(0.5, whole.sink().get("pore_fraction"), 0);
        TestStageContext c = load(with(npy, "crop_z_voxels", List.of(2, 8), "crop_y_voxels", List.of(0, 3)));
        VoxelImage image = c.given(VoxelImage.KEY);
        assertArrayEquals(new int[] {8, 3, 6}, new int[] {image.nx(), image.ny(), image.nz()});
        assertEquals(2 / 6.0, c.sink().get("pore_fraction"), 1e-15);
        assertEquals(2 / 6.0, c.sink().get("am_fraction"), 1e-15);
        assertEquals(2 / 6.0, c.sink().get("cbd_fraction"), 1e-15);
        assertTrue(c.sink().notes.get("crop").contains("z 2 to 8"));
    }

    /**
     * Blocks of 2 x 2 x 2 voxels of one phase each: down-sampling by 2 halves the size, doubles the voxel edge and
     * keeps the fractions; in a mixed block the majority wins, a tie goes to the lower label; a ninth layer is
     * dropped.
     */
    @Test
    void downsamplingTakesTheMajorityOfEachBlock() throws Exception {
        int nx = 8;
        int ny = 6;
        int nz = 9;
        int[] v = new int[nx * ny * nz];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    v[i + nx * (j + ny * k)] = (i / 2 + j / 2 + k / 2) % 3;
                }
            }
        }
        Path npy = ImageFiles.npy(dir.resolve("blocks.npy"), "|u1", false, new int[] {nz, ny, nx},
                ImageFiles.bytes(v, 1, ByteOrder.LITTLE_ENDIAN));
        TestStageContext fine = load(with(npy, "crop_z_voxels", List.of(0, 8)));
        TestStageContext c = load(with(npy, "downsample", 2));
        VoxelImage coarse = c.given(VoxelImage.KEY);
        assertArrayEquals(new int[] {4, 3, 4}, new int[] {coarse.nx(), coarse.ny(), coarse.nz()});
        assertEquals(2e-6, coarse.voxelSize(), 1e-20);
        for (String phase : List.of("pore_fraction", "am_fraction", "cbd_fraction")) {
            assertEquals(fine.sink().get(phase), c.sink().get(phase), 1e-15, phase);
        }
        assertEquals((1 + 2 + 3) % 3, coarse.labels()[coarse.index(1, 2, 3)]);
        assertTrue(c.sink().notes.get("downsample").contains("0, 0, 1 voxels dropped"));

        // block (0, 0, 0): four AM and four CBD voxels tie (AM wins); block (1, 0, 0): five CBD beat three pore
        v = new int[4 * 2 * 2];
        for (int p = 0; p < 16; p++) {
            int i = p % 4;
            v[p] = i < 2 ? (p < 8 ? 2 : 1) : (p % 2 == 0 && p < 12 ? 0 : 2);
        }
        Path mixed = ImageFiles.npy(dir.resolve("mixed.npy"), "|u1", false, new int[] {2, 2, 4},
                ImageFiles.bytes(v, 1, ByteOrder.LITTLE_ENDIAN));
        VoxelImage votes = load(with(mixed, "downsample", 2)).given(VoxelImage.KEY);
        assertArrayEquals(new byte[] {1, 2}, votes.labels());

        // blocks of 7^3 (four-byte counts): 2 x 1 x 1 blocks, CBD in the first but for 171 AM voxels (of 343), pore
        // in the second but for 171 CBD voxels
        int n = 7;
        v = new int[2 * n * n * n];
        int am = 0;
        int cbd = 0;
        for (int p = 0; p < v.length; p++) {
            boolean first = p % (2 * n) < n;
            v[p] = first ? (am++ < 171 ? 1 : 2) : (cbd++ < 171 ? 2 : 0);
        }
        Path sevens = ImageFiles.npy(dir.resolve("sevens.npy"), "|u1", false, new int[] {n, n, 2 * n},
                ImageFiles.bytes(v, 1, ByteOrder.LITTLE_ENDIAN));
        VoxelImage big = load(with(sevens, "downsample", 7)).given(VoxelImage.KEY);
        assertArrayEquals(new int[] {2, 1, 1}, new int[] {big.nx(), big.ny(), big.nz()});
        assertArrayEquals(new byte[] {2, 0}, big.labels());
        assertEquals(7e-6, big.voxelSize(), 1e-20);
    }

    /** Other solid is merged into CBD, several values can be one phase, and the summary says so. */
    @Test
    void otherSolidIsMergedAsTheJobSays() throws Exception {
        int[] v = {0, 5, 1, 2, 3, 4, 3, 0};
        Path npy = ImageFiles.npy(dir.resolve("five.npy"), "<i4", false, new int[] {2, 2, 2},
                ImageFiles.bytes(v, 4, ByteOrder.LITTLE_ENDIAN));
        TestStageContext c = load(with(npy, "pore_labels", List.of(0, 5), "other_solid_labels", List.of(3, 4),
                "other_solid_as", "cbd"));
        assertArrayEquals(new byte[] {0, 0, 1, 2, 2, 2, 2, 0}, c.given(VoxelImage.KEY).labels());
        assertTrue(c.sink().notes.get("merged_labels").contains("[3, 4] (other solid) counted as CBD"));
        assertEquals(0.5, c.sink().get("cbd_fraction"), 0);
        assertEquals(3 / 8.0, c.sink().get("other_solid_fraction"), 0);
        assertTrue(c.sink().notes.get("file_values").endsWith("by value: 0 pore 0.250000; 1 AM 0.125000; "
                + "2 CBD 0.125000; 3 other solid 0.250000; 4 other solid 0.125000; 5 pore 0.125000"),
                c.sink().notes.get("file_values"));
    }

    private InvalidInputException refused(ImageLoadStage stage, Map<String, Object> with) {
        return assertThrows(InvalidInputException.class, () -> new TestStageContext().run(stage, with));
    }

    private InvalidInputException refused(Map<String, Object> with) {
        return refused(new ImageLoadStage(), with);
    }

    /** Each bad input is refused before the run, naming the field, and no message quotes the file. */
    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        byte[] secret = "SECRET TEXT, NOT AN IMAGE AT ALL; SECRET TEXT, NOT AN IMAGE AT ALL".getBytes(StandardCharsets.US_ASCII);
        for (String name : List.of("text.npy", "text.vti")) {
            InvalidInputException e = refused(with(Files.write(dir.resolve(name), secret)));
            assertEquals(FIELD + "file", e.field(), e.getMessage());
            assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
        }
        InvalidInputException e = refused(with(Files.write(dir.resolve("text.raw"), secret), "raw_shape",
                List.of(4, 4, 4)));
        assertEquals(FIELD + "raw_shape", e.field());
        assertTrue(e.getMessage().contains("has " + secret.length + " bytes") && e.getMessage().contains("need 64"),
                e.getMessage());
        e = refused(with(dir.resolve("text.raw")));
        assertEquals(FIELD + "raw_shape", e.field(), "a raw file needs its shape");
        e = refused(with(Files.write(dir.resolve("image.png"), secret)));
        assertEquals(FIELD + "format", e.field());

        byte[] data = new byte[4 * 4 * 4];
        data[5] = 3;
        data[9] = 7;
        Path npy = ImageFiles.npy(dir.resolve("seven.npy"), "|u1", false, new int[] {4, 4, 4}, data);
        Path cut = Files.write(dir.resolve("cut.npy"), java.util.Arrays.copyOf(Files.readAllBytes(npy), (int) Files.size(npy) - 28));
        e = refused(with(cut));
        assertEquals(FIELD + "file", e.field());
        assertTrue(e.getMessage().contains("needs 64 bytes of data, the file has 36"), e.getMessage());
        e = refused(with(npy));
        assertEquals(FIELD + "file", e.field());
        assertTrue(e.getMessage().contains("3 in 1 voxels, 7 in 1 voxels"), e.getMessage());
        assertTrue(e.getMessage().contains("other_solid_labels"), e.getMessage());
        load(with(npy, "crop_x_voxels", List.of(2, 4)));  // the unmapped voxels lie outside this crop
        load(with(npy, "other_solid_labels", List.of(3, 7), "other_solid_as", "am"));

        e = refused(with(npy, "other_solid_labels", List.of(3, 7)));
        assertEquals(FIELD + "other_solid_as", e.field());
        e = refused(with(npy, "am_labels", List.of(1, 0)));
        assertEquals(FIELD + "pore_labels", e.field());
        e = refused(with(npy, "cbd_labels", List.of(2.5)));
        assertEquals(FIELD + "cbd_labels[0]", e.field());
        e = refused(with(npy, "crop_y_voxels", List.of(1, 5)));
        assertEquals(FIELD + "crop_y_voxels", e.field());
        assertTrue(e.getMessage().contains("to <= 4"), e.getMessage());
        e = refused(with(npy, "crop_y_voxels", List.of(1)));
        assertEquals(FIELD + "crop_y_voxels", e.field());
        e = refused(with(npy, "downsample", 5, "other_solid_labels", List.of(3, 7), "other_solid_as", "am"));
        assertEquals(FIELD + "downsample", e.field());

        e = refused(new ImageLoadStage(new MemoryGuard(new HeapBudget((256L << 20) + 100_000))), with(npy, "other_solid_labels",
                List.of(3, 7), "other_solid_as", "am"));
        assertEquals(FIELD + "file", e.field());
        assertTrue(e.getMessage().contains("4 x 4 x 4 voxels after the crop") && e.getMessage().contains("labels 0.0 MiB")
                && e.getMessage().contains("the heap allows 0.00 GiB") && e.getMessage().contains("crop_x_voxels"),
                e.getMessage());

        Path vti = ImageFiles.vti(dir.resolve("short.vti"), new int[] {4, 4, 4}, new int[64], "UInt8",
                ImageFiles.Vtk.APPENDED_RAW, 16, true, ByteOrder.LITTLE_ENDIAN, true);
        byte[] whole = Files.readAllBytes(vti);
        Files.write(vti, java.util.Arrays.copyOf(whole, whole.length - 40));
        e = refused(with(vti));
        assertEquals(FIELD + "file", e.field(), e.getMessage());
        e = refused(with(ImageFiles.vti(dir.resolve("two.vti"), new int[] {4, 4, 4}, new int[64], "UInt8",
                ImageFiles.Vtk.APPENDED_RAW, 0, true, ByteOrder.LITTLE_ENDIAN, true), "vti_array", "velocity"));
        assertEquals(FIELD + "vti_array", e.field());
    }

    /** A .vti whose data is shorter than its extent is refused, naming the sizes. */
    @Test
    void vtiExtentMustMatchItsData() throws Exception {
        Path vti = ImageFiles.vti(dir.resolve("a.vti"), new int[] {4, 4, 4}, new int[64], "UInt8",
                ImageFiles.Vtk.APPENDED_RAW, 0, false, ByteOrder.LITTLE_ENDIAN, true);
        String text = Files.readString(vti, StandardCharsets.ISO_8859_1).replace("0 4 0 4 0 4", "0 4 0 4 0 5");
        Files.writeString(vti, text, StandardCharsets.ISO_8859_1);
        InvalidInputException e = refused(with(vti));
        assertEquals(FIELD + "file", e.field());
        assertTrue(e.getMessage().contains("needs 80 bytes, the array holds 64"), e.getMessage());
    }

    /** A cancelled job stops while the file is read; progress is reported on the way. */
    @Test
    void readingHonoursCancellationAndReportsProgress() throws Exception {
        VoxelImage image = randomImage(60, 9);
        Path npy = ImageFiles.npy(dir.resolve("sixty.npy"), "|u1", false, new int[] {60, 60, 60}, image.labels());
        assertThrows(org.calsim.api.stage.StageCancelledException.class,
                () -> new TestStageContext().cancelAfterChecks(1).run(new ImageLoadStage(), with(npy)));
        TestStageContext c = load(with(npy));
        assertTrue(c.cancelChecks() >= 216000 / BinaryValues.CHUNK, "checks once per chunk of values read");
        assertTrue(c.progressReports().size() >= 3, "progress while reading and at the end");
        assertEquals(1.0, c.progressReports().get(c.progressReports().size() - 1), 0);
    }
}
