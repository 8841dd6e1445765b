package org.calsim.fem.image;

import static org.calsim.fem.image.ImageJobs.load;
import static org.calsim.fem.image.ImageJobs.with;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.structure.VoxelImage;
import org.calsim.api.testing.TestStageContext;
import org.calsim.api.transport.EffectiveProperties;
import org.calsim.fem.image.TiffFiles.Page;
import org.calsim.fem.transport.TortuosityStage;
import org.calsim.support.memory.HeapBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code image.load} of TIFF stacks and slice series written by TwelveMonkeys' TIFF writer. */
class TiffStackTest {
    private static final String FIELD = "stages[0].with.";

    @TempDir
    Path dir;

    private static InvalidInputException refused(Map<String, Object> with) {
        return assertThrows(InvalidInputException.class, () -> load(with));
    }

    private static EffectiveProperties tortuosity(VoxelImage image, double cbdIonic) throws Exception {
        return new TestStageContext().with(VoxelImage.KEY, image).run(new TortuosityStage(),
                Map.of("tolerance", 1e-12, "flux_tolerance", 1e-12, "cbd_ionic_fraction", cbdIonic))
                .given(EffectiveProperties.KEY);
    }

    /** @return labels 0, 1, 2 at random, nx·ny·nz of them */
    private static int[] random(int voxels, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] v = new int[voxels];
        for (int i = 0; i < voxels; i++) {
            v[i] = random.nextInt(3);
        }
        return v;
    }

    private static byte[] bytes(int[] labels) {
        byte[] b = new byte[labels.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) labels[i];
        }
        return b;
    }

    /**
     * 8-bit and 16-bit stacks (uncompressed, LZW, Deflate, PackBits; unsigned and signed 16-bit) and the same
     * images as numbered slices, read back: the same labels, x fastest within a page, page k at z = k. The 16-bit
     * files use values beyond 8 bits (300, 65535; −7 when signed), mapped to the phases by the label lists.
     */
    @Test
    void eightAndSixteenBitStacksAndSlicesReadBackTheirLabels() throws Exception {
        int nx = 7;
        int ny = 5;
        int nz = 4;
        int[] labels = random(nx * ny * nz, 19);
        int[] wide = new int[labels.length];
        int[] signed = new int[labels.length];
        int[][] values = {{0, 300, 65535}, {0, -7, 32767}};
        for (int v = 0; v < labels.length; v++) {
            wide[v] = values[0][labels[v]];
            signed[v] = values[1][labels[v]];
        }
        Object[][] cases = {
                {Page.GREY8, labels, null, new Object[0]},
                {Page.GREY8, labels, "LZW", new Object[0]},
                {Page.GREY8, labels, "PackBits", new Object[0]},
                {Page.GREY16, wide, null, new Object[] {"am_labels", List.of(300), "cbd_labels", List.of(65535)}},
                {Page.GREY16, wide, "Deflate", new Object[] {"am_labels", List.of(300), "cbd_labels", List.of(65535)}},
                {Page.SIGNED16, signed, null, new Object[] {"am_labels", List.of(-7), "cbd_labels", List.of(32767)}},
        };
        int n = 0;
        for (Object[] c : cases) {
            Page kind = (Page) c[0];
            String what = kind + " " + c[2];
            var pages = TiffFiles.pages(kind, nx, ny, nz, (int[]) c[1]);
            Path stack = TiffFiles.stack(dir.resolve("stack" + n + ".tif"), pages, (String) c[2]);
            Path folder = Files.createDirectory(dir.resolve("slices" + n++));
            Path first = TiffFiles.slices(folder, "s_", 0, 4, pages);
            List<Map<String, Object>> jobs = List.of(with(stack, (Object[]) c[3]), with(first, (Object[]) c[3]));
            jobs.get(1).put("format", "tiff_slices");
            for (Map<String, Object> job : jobs) {
                TestStageContext t = load(job);
                VoxelImage image = t.given(VoxelImage.KEY);
                assertArrayEquals(new int[] {nx, ny, nz}, new int[] {image.nx(), image.ny(), image.nz()}, what);
                assertArrayEquals(bytes(labels), image.labels(), what);
                assertTrue(t.sink().notes.get("source").contains(kind == Page.GREY8 ? "of uint8"
                        : kind == Page.GREY16 ? "of uint16" : "of int16"), t.sink().notes.get("source"));
            }
        }
    }

    /**
     * A label image saved with a palette (8-bit indexed colour, as segmentation tools save a label map with a colour
     * table): the raster's indices are the labels, not the palette's colours.
     */
    @Test
    void paletteIndicesAreTheLabels() throws Exception {
        int[] labels = random(6 * 4 * 3, 11);
        byte[] red = {(byte) 255, 0, 0};
        byte[] green = {0, (byte) 255, 0};
        byte[] blue = {0, 0, (byte) 255};
        var palette = new java.awt.image.IndexColorModel(8, 3, red, green, blue);
        List<java.awt.image.BufferedImage> pages = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            var page = new java.awt.image.BufferedImage(6, 4, java.awt.image.BufferedImage.TYPE_BYTE_INDEXED, palette);
            page.getRaster().setSamples(0, 0, 6, 4, 0, java.util.Arrays.copyOfRange(labels, 24 * k, 24 * (k + 1)));
            pages.add(page);
        }
        Path stack = TiffFiles.stack(dir.resolve("palette.tif"), pages, "LZW");
        assertArrayEquals(bytes(labels), load(with(stack)).given(VoxelImage.KEY).labels());
    }

    /**
     * Slices numbered without padding (s8.tif ... s11.tif) from a first number other than 0: read in the order of
     * the numbers, not of the names; files of other names beside them are left alone.
     */
    @Test
    void slicesFollowTheirNumbers() throws Exception {
        int[] labels = random(3 * 2 * 4, 5);
        var pages = TiffFiles.pages(Page.GREY8, 3, 2, 4, labels);
        Path first = TiffFiles.slices(dir, "s", 8, 1, pages);
        Files.writeString(dir.resolve("notes.txt"), "not a slice");
        TiffFiles.stack(dir.resolve("t0.tif"), List.of(pages.get(0)), null);
        TiffFiles.stack(dir.resolve("s0.tiff"), List.of(pages.get(0)), null);
        assertEquals("s8.tif", first.getFileName().toString());
        TestStageContext t = load(with(first, "format", "tiff_slices"));
        assertArrayEquals(bytes(labels), t.given(VoxelImage.KEY).labels());
        // the files a job takes along (to a cluster member): the slices after the named one, in order, nothing else
        List<String> read = new ArrayList<>();
        for (Path p : new ImageLoadStage().filesRead(t.parameters())) {
            read.add(dir.toRealPath().relativize(p).toString());
        }
        assertEquals(List.of("s9.tif", "s10.tif", "s11.tif"), read);
        assertEquals(List.of(), new ImageLoadStage().filesRead(load(with(dir.resolve("t0.tif"))).parameters()));
    }

    /**
     * Straight square pore channels along the stacking direction in an AM matrix: T = 1 through the plane and no
     * in-plane path (T infinite). Written with the channels along the file's x and read with
     * {@code through_plane_axis: x}, the same image and the same T.
     */
    @Test
    void straightChannelsHaveUnitTortuosityThroughThePlane() throws Exception {
        int n = 12;
        int[] along = new int[n * n * n];
        int[] across = new int[n * n * n];
        int pore = 0;
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    boolean channelZ = i % 4 < 2 && j % 4 < 2;   // columns along z
                    boolean channelX = j % 4 < 2 && k % 4 < 2;   // the same columns along x
                    along[i + n * (j + n * k)] = channelZ ? 0 : 1;
                    across[i + n * (j + n * k)] = channelX ? 0 : 1;
                    pore += channelZ ? 1 : 0;
                }
            }
        }
        Path z = TiffFiles.stack(dir.resolve("channels-z.tif"), TiffFiles.pages(Page.GREY8, n, n, n, along), "LZW");
        Path x = TiffFiles.stack(dir.resolve("channels-x.tif"), TiffFiles.pages(Page.GREY8, n, n, n, across), null);
        VoxelImage image = load(with(z)).given(VoxelImage.KEY);
        VoxelImage turned = load(with(x, "through_plane_axis", "x")).given(VoxelImage.KEY);
        assertArrayEquals(image.labels(), turned.labels());
        for (VoxelImage im : List.of(image, turned)) {
            EffectiveProperties e = tortuosity(im, 0);
            assertEquals(pore / (double) (n * n * n), e.porosity(), 0);
            assertEquals(1.0, e.throughPlaneTortuosity(), 1e-9);
            assertEquals(Double.POSITIVE_INFINITY, e.inPlaneTortuosity());
        }
    }

    /**
     * A laminate of pore and CBD layers normal to z (pore fraction ε, the CBD passing a fraction f of the free
     * electrolyte's conductivity): in the plane the layers conduct in parallel, κ_eff/κ₀ = ε + (1 − ε) f, through
     * it in series, κ₀/κ_eff = ε + (1 − ε)/f; with T = ε κ₀/κ_eff, T_in = ε / (ε + (1 − ε) f) and
     * T_through = ε (ε + (1 − ε)/f). Written as 16-bit slices of values 10 and 20.
     */
    @Test
    void laminateGivesItsSeriesAndParallelTortuosity() throws Exception {
        int nx = 8;
        int ny = 6;
        int nz = 10;
        int[] v = new int[nx * ny * nz];
        int poreLayers = 0;
        for (int k = 0; k < nz; k++) {
            boolean pore = k % 5 < 3;  // 3 pore layers, 2 CBD layers, twice
            poreLayers += pore ? 1 : 0;
            for (int p = 0; p < nx * ny; p++) {
                v[p + nx * ny * k] = pore ? 10 : 20;
            }
        }
        Path first = TiffFiles.slices(dir, "layer", 0, 3, TiffFiles.pages(Page.GREY16, nx, ny, nz, v));
        VoxelImage image = load(with(first, "format", "tiff_slices", "pore_labels", List.of(10), "am_labels",
                List.of(1), "cbd_labels", List.of(20))).given(VoxelImage.KEY);
        double eps = poreLayers / (double) nz;
        double f = 0.25;
        EffectiveProperties e = tortuosity(image, f);
        assertEquals(eps, e.porosity(), 0);
        assertEquals(eps / (eps + (1 - eps) * f), e.inPlaneTortuosity(), 1e-8);
        assertEquals(eps * (eps + (1 - eps) / f), e.throughPlaneTortuosity(), 1e-8);
    }

    /**
     * A simple cubic array of solid spheres (one per periodic cell of n voxels; the faces of the cell, halfway between
     * sphere layers, are equipotentials by symmetry): T = (3 − ε)/2 by Maxwell's relation κ_eff/κ₀ = 2ε/(3 − ε),
     * whose correction for a cubic array (Rayleigh) is of order φ^(10/3), below 10⁻⁴ here (φ ≈ 0.07). Written as
     * 16-bit slices with AM labelled 4000: the slices give the tortuosity of the image built in memory, to the last
     * bit, within 1.5 % of Maxwell's value in both directions (the staircase surface of a sphere of radius 7.5
     * voxels adds 0.8 %).
     */
    @Test
    void sphereArrayGivesMaxwellsTortuosity() throws Exception {
        int n = 30;
        double r = 7.5;
        int[] v = new int[n * n * n];
        byte[] direct = new byte[v.length];
        int solid = 0;
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double dx = i + 0.5 - n / 2.0;
                    double dy = j + 0.5 - n / 2.0;
                    double dz = k + 0.5 - n / 2.0;
                    boolean in = dx * dx + dy * dy + dz * dz < r * r;
                    v[i + n * (j + n * k)] = in ? 4000 : 0;
                    direct[i + n * (j + n * k)] = (byte) (in ? 1 : 0);
                    solid += in ? 1 : 0;
                }
            }
        }
        Path first = TiffFiles.slices(dir, "sphere-", 1, 2, TiffFiles.pages(Page.GREY16, n, n, n, v));
        VoxelImage image = load(with(first, "format", "tiff_slices", "am_labels", List.of(4000)))
                .given(VoxelImage.KEY);
        assertArrayEquals(direct, image.labels());
        EffectiveProperties e = tortuosity(image, 0);
        EffectiveProperties expected = tortuosity(new VoxelImage(n, n, n, 1e-6, direct,
                org.calsim.fem.voxel.Voxeliser.PHASES), 0);
        assertEquals(expected.throughPlaneTortuosity(), e.throughPlaneTortuosity(), 0);
        assertEquals(expected.inPlaneTortuosity(), e.inPlaneTortuosity(), 0);
        double eps = 1 - solid / (double) v.length;
        double maxwell = (3 - eps) / 2;
        assertEquals(maxwell, e.throughPlaneTortuosity(), 0.015 * maxwell, "through the plane");
        assertEquals(maxwell, e.inPlaneTortuosity(), 0.015 * maxwell, "in the plane");
    }

    /** Each bad TIFF is refused before the run, naming the field and what is wrong, never quoting the file. */
    @Test
    void badTiffsAreRefusedNamingTheField() throws Exception {
        int[] zeros = new int[4 * 3];
        InvalidInputException e = refused(with(TiffFiles.stack(dir.resolve("rgb.tif"),
                List.of(TiffFiles.page(Page.RGB, 4, 3, zeros)), null)));
        assertEquals(FIELD + "file", e.field());
        assertTrue(e.getMessage().contains("rgb.tif (page 1: 3 samples per pixel (a colour image))")
                && e.getMessage().contains("8-bit or 16-bit"), e.getMessage());

        e = refused(with(TiffFiles.floatPage(dir.resolve("float.tif"), 4, 3)));
        assertEquals(FIELD + "file", e.field());
        assertTrue(e.getMessage().contains("float.tif (page 1: 32-bit floating-point samples)"), e.getMessage());

        e = refused(with(TiffFiles.stack(dir.resolve("sizes.tif"), List.of(TiffFiles.page(Page.GREY8, 4, 3, zeros),
                TiffFiles.page(Page.GREY8, 4, 3, zeros), TiffFiles.page(Page.GREY8, 3, 4, zeros)), null)));
        assertEquals(FIELD + "file", e.field());
        assertTrue(e.getMessage().contains("page 3 of 3 is 3 x 4 pixels of uint8, page 1 is 4 x 3 pixels of uint8"),
                e.getMessage());

        e = refused(with(TiffFiles.stack(dir.resolve("types.tif"), List.of(TiffFiles.page(Page.GREY8, 4, 3, zeros),
                TiffFiles.page(Page.GREY16, 4, 3, zeros)), null)));
        assertTrue(e.getMessage().contains("page 2 of 2 is 4 x 3 pixels of uint16"), e.getMessage());

        byte[] secret = "SECRET TEXT, NOT AN IMAGE AT ALL; SECRET TEXT, NOT AN IMAGE AT ALL".getBytes(StandardCharsets.US_ASCII);
        for (String name : List.of("text.tif", "text.tiff")) {
            e = refused(with(Files.write(dir.resolve(name), secret)));
            assertEquals(FIELD + "file", e.field(), e.getMessage());
            assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
        }
        // a TIFF header whose first directory lies beyond the end of the file
        e = refused(with(Files.write(dir.resolve("cut.tif"), new byte[] {'I', 'I', 42, 0, 0x10, 0, 0, 0})));
        assertEquals(FIELD + "file", e.field(), e.getMessage());
        // a stack cut short
        Path whole = TiffFiles.stack(dir.resolve("whole.tif"), TiffFiles.pages(Page.GREY8, 40, 30, 3, new int[3600]),
                null);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("short.tif"), java.util.Arrays.copyOf(bytes, bytes.length - 2000));
        e = refused(with(cut));
        assertEquals(FIELD + "file", e.field(), e.getMessage());
    }

    /**
     * A series with a gap, a slice of another size, a slice before the named one, slices of several pages, a single
     * slice, or a name without a number.
     */
    @Test
    void badSeriesAreRefusedNamingTheField() throws Exception {
        var pages = TiffFiles.pages(Page.GREY8, 4, 3, 5, new int[60]);
        Path gap = Files.createDirectory(dir.resolve("gap"));
        Path first = TiffFiles.slices(gap, "z", 0, 3, pages);
        Files.delete(gap.resolve("z002.tif"));
        InvalidInputException e = refused(with(first, "format", "tiff_slices"));
        assertEquals(FIELD + "file", e.field());
        assertTrue(e.getMessage().contains("the numbers jump from 1 to 3 (z003.tif)"), e.getMessage());

        Path sizes = Files.createDirectory(dir.resolve("sizes"));
        List<java.awt.image.BufferedImage> mixed = new ArrayList<>(pages);
        mixed.set(3, TiffFiles.page(Page.GREY16, 4, 3, new int[12]));
        first = TiffFiles.slices(sizes, "z", 0, 3, mixed);
        e = refused(with(first, "format", "tiff_slices"));
        assertEquals(FIELD + "file", e.field());
        assertTrue(e.getMessage().contains("z003.tif (4 x 3 pixels of uint16)")
                && e.getMessage().contains("z000.tif is 4 x 3 pixels of uint8"), e.getMessage());

        Path later = Files.createDirectory(dir.resolve("later"));
        TiffFiles.slices(later, "z", 0, 3, pages);
        e = refused(with(later.resolve("z001.tif"), "format", "tiff_slices"));
        assertTrue(e.getMessage().contains("z000.tif comes before it"), e.getMessage());
        // the auto format sees a single page with a numbered sibling: a series, or one page? the job must say
        e = refused(with(later.resolve("z001.tif")));
        assertEquals(FIELD + "format", e.field());
        assertEquals(1, load(with(later.resolve("z004.tif"))).given(VoxelImage.KEY).nz(), "the last slice alone");
        assertEquals(1, load(with(later.resolve("z001.tif"), "format", "tiff")).given(VoxelImage.KEY).nz());

        Path stacks = Files.createDirectory(dir.resolve("stacks"));
        TiffFiles.stack(stacks.resolve("a0.tif"), pages.subList(0, 2), null);
        TiffFiles.stack(stacks.resolve("a1.tif"), pages.subList(0, 2), null);
        e = refused(with(stacks.resolve("a0.tif"), "format", "tiff_slices"));
        assertTrue(e.getMessage().contains("a0.tif (2 pages)"), e.getMessage());

        Path alone = Files.createDirectory(dir.resolve("alone"));
        e = refused(with(TiffFiles.slices(alone, "z", 0, 3, pages.subList(0, 1)), "format", "tiff_slices"));
        assertEquals(FIELD + "file", e.field());
        assertTrue(e.getMessage().contains("no file numbered 1 beside it"), e.getMessage());

        Path plain = TiffFiles.stack(dir.resolve("plain.tif"), pages.subList(0, 1), null);
        e = refused(with(plain, "format", "tiff_slices"));
        assertEquals(FIELD + "file", e.field());
        assertTrue(e.getMessage().contains("a number before the extension"), e.getMessage());
    }

    /**
     * A slice that is a link to a file outside the first slice's folder is refused, naming the field, so a series
     * cannot read past the job folder the runtime confines the named file to; no part of the linked file is quoted.
     */
    @Test
    void aSliceLinkedFromOutsideTheFolderIsRefused() throws Exception {
        var pages = TiffFiles.pages(Page.GREY8, 4, 3, 5, new int[60]);
        Path job = Files.createDirectory(dir.resolve("job"));
        Path first = TiffFiles.slices(job, "z", 0, 3, pages);
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path secret = TiffFiles.slices(elsewhere, "s", 0, 1, pages.subList(0, 1));
        Files.delete(job.resolve("z002.tif"));
        Files.createSymbolicLink(job.resolve("z002.tif"), secret);
        InvalidInputException e = refused(with(first, "format", "tiff_slices"));
        assertEquals(FIELD + "file", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("z002.tif") && e.getMessage().contains("not links to files elsewhere"),
                e.getMessage());
        assertFalse(e.getMessage().contains("elsewhere" + java.io.File.separator), e.getMessage());
    }

    /** The memory guard counts the decoded page: a page larger than the budget is refused before the run. */
    @Test
    void memoryGuardCountsTheDecodedPage() throws Exception {
        Path stack = TiffFiles.stack(dir.resolve("big.tif"), TiffFiles.pages(Page.GREY16, 200, 200, 2,
                new int[80_000]), "Deflate");
        TiffStack volume = TiffStack.stack(stack, "f", null);
        assertEquals(200L * 200 * 2 + BinaryValues.CHUNK * 4L + 65536, volume.bufferBytes());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new TestStageContext()
                .run(new ImageLoadStage(new MemoryGuard(new HeapBudget((256L << 20) + 300_000))), with(stack)));
        assertEquals(FIELD + "file", e.field());
        assertTrue(e.getMessage().contains("200 x 200 x 2 voxels after the crop"), e.getMessage());
    }
}
