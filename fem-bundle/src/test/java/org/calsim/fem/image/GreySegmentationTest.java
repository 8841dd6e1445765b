package org.calsim.fem.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Series;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.structure.VoxelImage;
import org.calsim.api.testing.TestStageContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code image.load} with {@code segmentation}: a synthetic greyscale scan of three phases, each a Gaussian mode of
 * grey values (absorption contrast: pore darkest, CBD between, AM brightest), segmented by Otsu's method and by
 * given thresholds.
 */
class GreySegmentationTest {
    private static final String FIELD = "stages[0].with.";
    private static final int N = 48;
    /** Phase fractions drawn for pore, AM, CBD. */
    private static final double[] FRACTION = {0.35, 0.50, 0.15};
    /** Mode (mean grey value) of pore, AM, CBD. */
    private static final double[] MEAN = {60, 190, 120};
    /** Standard deviation of the grey-value noise. */
    private static final double SIGMA = 12;

    @TempDir
    Path dir;

    /** A scan: the true phase of each voxel and its grey value. */
    private record Scan(byte[] phase, int[] grey) {
        long count(int p) {
            long c = 0;
            for (byte b : phase) {
                c += b == p ? 1 : 0;
            }
            return c;
        }
    }

    /**
     * @param fraction the fractions of pore, AM, CBD drawn
     * @param offset   grey values are {@code offset + scale} times the 8-bit value with noise (before rounding)
     * @param max      the largest grey value of the file's type (values are clamped to it and to 0)
     */
    private static Scan scan(long seed, double[] fraction, double offset, double scale, int max) {
        Random random = new Random(seed);
        byte[] phase = new byte[N * N * N];
        int[] grey = new int[phase.length];
        for (int v = 0; v < phase.length; v++) {
            double u = random.nextDouble();
            int p = u < fraction[0] ? 0 : u < fraction[0] + fraction[1] ? 1 : 2;
            phase[v] = (byte) p;
            double g = offset + scale * (MEAN[p] + SIGMA * random.nextGaussian());
            grey[v] = (int) Math.max(0, Math.min(max, Math.round(g)));
        }
        return new Scan(phase, grey);
    }

    private Path npy(String name, Scan scan, boolean sixteen) throws Exception {
        return ImageFiles.npy(dir.resolve(name), sixteen ? "<u2" : "|u1", false, new int[] {N, N, N},
                ImageFiles.bytes(scan.grey(), sixteen ? 2 : 1, ByteOrder.LITTLE_ENDIAN));
    }

    private static Map<String, Object> with(Path file, Object... more) {
        Map<String, Object> map = new HashMap<>(Map.of("file", file, "voxel_size_um", 0.5));
        for (int i = 0; i < more.length; i += 2) {
            map.put((String) more[i], more[i + 1]);
        }
        return map;
    }

    private static TestStageContext load(Map<String, Object> with) throws Exception {
        return new TestStageContext().run(new ImageLoadStage(), with);
    }

    /**
     * The probability that a voxel of phase p gets a grey value below threshold t: values are μ_p + σZ rounded to a
     * whole number, so v &lt; t (t whole) is μ_p + σZ &lt; t − 1/2.
     */
    private static double below(double t, int p, double offset, double scale) {
        return new NormalDistribution(offset + scale * MEAN[p], scale * SIGMA).cumulativeProbability(t - 0.5);
    }

    /**
     * Otsu's two thresholds fall between the modes; each segmented phase fraction equals what the Gaussian tails
     * beyond the thresholds found imply (voxels of each phase leaking into the neighbouring classes), within four
     * standard deviations of the binomial sampling; and the voxels segmented into another phase than their own are
     * as many as the tails imply.
     */
    @Test
    void otsuThresholdsLieBetweenTheModesAndRecoverTheFractions() throws Exception {
        Scan scan = scan(19, FRACTION, 0, 1, 255);
        TestStageContext c = load(with(npy("grey.npy", scan, false), "segmentation", "otsu"));
        double t1 = c.sink().get("threshold_1_grey");
        double t2 = c.sink().get("threshold_2_grey");
        assertTrue(MEAN[0] < t1 && t1 < MEAN[2] && MEAN[2] < t2 && t2 < MEAN[1], t1 + ", " + t2);
        checkAgainstTails(c, scan, new double[] {t1, t2}, 0, 1);
        double eta = c.sink().get("otsu_separability");
        assertTrue(eta > 0.9 && eta < 1, "three well separated modes: eta " + eta);
        assertTrue(c.sink().notes.get("segmentation").contains("3 classes, exhaustive search over a histogram of"),
                c.sink().notes.get("segmentation"));
    }

    /**
     * Compares the segmented image with the truth: per phase, the count of voxels segmented into it against
     * Σ_q n_q P(class of phase p | phase q) from the Gaussian tails, and the voxels segmented wrongly against
     * Σ_q n_q (1 − P(own class | q)).
     */
    private static void checkAgainstTails(TestStageContext c, Scan scan, double[] t, double offset, double scale) {
        VoxelImage image = c.given(VoxelImage.KEY);
        int[] classOf = {0, 2, 1}; // pore darkest, CBD between, AM brightest
        double total = scan.phase().length;
        double expectedWrong = 0;
        double wrongVariance = 0;
        for (int p = 0; p < 3; p++) {
            double expected = 0;
            double variance = 0;
            for (int q = 0; q < 3; q++) {
                double lo = classOf[p] == 0 ? 0 : below(t[classOf[p] - 1], q, offset, scale);
                double hi = classOf[p] == 2 ? 1 : below(t[classOf[p]], q, offset, scale);
                double prob = hi - lo;
                expected += scan.count(q) * prob;
                variance += scan.count(q) * prob * (1 - prob);
                if (p == q) {
                    expectedWrong += scan.count(q) * (1 - prob);
                    wrongVariance += scan.count(q) * prob * (1 - prob);
                }
            }
            double fraction = image.volumeFraction(p);
            assertEquals(expected / total, fraction, 4 * Math.sqrt(variance) / total, "phase " + p);
            double leak = Math.abs(expected - scan.count(p)) / total;
            assertEquals(scan.count(p) / total, fraction, leak + 4 * Math.sqrt(variance) / total,
                    "phase " + p + " against its true fraction, within the misclassification");
        }
        long wrong = 0;
        for (int v = 0; v < scan.phase().length; v++) {
            wrong += image.labels()[v] != scan.phase()[v] ? 1 : 0;
        }
        assertTrue(expectedWrong > 100, "the noise misclassifies voxels: " + expectedWrong);
        assertEquals(expectedWrong, wrong, 4 * Math.sqrt(wrongVariance), "misclassified voxels");
    }

    /**
     * Given thresholds segment every voxel by its grey value: the fractions are exactly the counts of grey values
     * below, between and above them; the histogram plot shows the counts and the two thresholds as vertical lines.
     */
    @Test
    void givenThresholdsGiveExactFractionsAndTheHistogramShowsThem() throws Exception {
        Scan scan = scan(23, FRACTION, 0, 1, 255);
        TestStageContext c = load(with(npy("given.npy", scan, false), "segmentation", "thresholds", "thresholds",
                List.of(90, 155.5)));
        long[] counted = new long[3];
        byte[] expected = new byte[scan.grey().length];
        for (int v = 0; v < expected.length; v++) {
            int g = scan.grey()[v];
            expected[v] = (byte) (g < 90 ? 0 : g < 155.5 ? 2 : 1);
            counted[expected[v]]++;
        }
        VoxelImage image = c.given(VoxelImage.KEY);
        assertArrayEquals(expected, image.labels());
        double total = expected.length;
        assertEquals(counted[0] / total, c.sink().get("pore_fraction"), 0);
        assertEquals(counted[1] / total, c.sink().get("am_fraction"), 0);
        assertEquals(counted[2] / total, c.sink().get("cbd_fraction"), 0);
        assertEquals(90, c.sink().get("threshold_1_grey"), 0);
        assertEquals(155.5, c.sink().get("threshold_2_grey"), 0);
        assertTrue(c.sink().notes.get("segmentation").contains("pore below 90, CBD from 90 below 155.5, AM from "
                + "155.5"), c.sink().notes.get("segmentation"));

        Plot plot = c.sink().plots.stream().filter(p -> p.name().equals("grey-histogram")).findFirst().orElseThrow();
        assertEquals("grey value (file value) [1]", plot.xLabel());
        assertEquals(3, plot.series().size());
        Series histogram = plot.series().get(0);
        double sum = 0;
        double top = 0;
        for (double y : histogram.y()) {
            sum += y;
            top = Math.max(top, y);
        }
        assertEquals(total, sum, 0, "every voxel in the histogram");
        double[] t = {90, 155.5};
        for (int k = 0; k < 2; k++) {
            Series line = plot.series().get(k + 1);
            assertArrayEquals(new double[] {t[k], t[k]}, line.x());
            assertArrayEquals(new double[] {0, top}, line.y());
            assertTrue(line.label().startsWith("threshold " + (k + 1)), line.label());
        }
        assertEquals(plot.series().get(0).x().length, c.sink().tables.get("grey-histogram").rows());
    }

    /**
     * Otsu with two classes (pore and solid) and a 16-bit scan of pore and AM spanning more than 4096 grey values:
     * the histogram has bins of several grey values, the threshold is where a bin begins, and the solid is counted
     * as AM.
     */
    @Test
    void twoClassesOfASixteenBitScanUseABinnedHistogram() throws Exception {
        Scan scan = scan(29, new double[] {0.4, 0.6, 0}, 1000, 200, 65535);
        TestStageContext c = load(with(npy("sixteen.npy", scan, true), "segmentation", "otsu", "otsu_classes", 2));
        double t = c.sink().get("threshold_1_grey");
        assertTrue(1000 + 200 * MEAN[0] < t && t < 1000 + 200 * MEAN[1], "between pore and AM: " + t);
        int smallest = java.util.Arrays.stream(scan.grey()).min().orElseThrow();
        int largest = java.util.Arrays.stream(scan.grey()).max().orElseThrow();
        int width = (largest - smallest + 4096) / 4096;
        assertTrue(width > 1, "binned: " + width);
        assertEquals(0, (t - smallest) % width, 0, "a threshold begins a bin");
        assertTrue(c.sink().notes.get("segmentation").contains("bins of " + width + " grey values, the first at " + smallest),
                c.sink().notes.get("segmentation"));
        assertEquals(0, c.sink().get("cbd_fraction"), 0);
        long below = java.util.Arrays.stream(scan.grey()).filter(g -> g < t).count();
        assertEquals(below / (double) scan.grey().length, c.sink().get("pore_fraction"), 0);
    }

    /**
     * A 16-bit greyscale TIFF stack (LZW, a page per z-slice) of a three-phase scan is segmented as the same values in
     * a .npy file: the same Otsu thresholds and the same labels.
     */
    @Test
    void aGreyscaleTiffStackIsSegmentedLikeTheSameValuesInANpyFile() throws Exception {
        Scan scan = scan(43, FRACTION, 1000, 100, 65535);
        Path tiff = TiffFiles.stack(dir.resolve("scan.tif"), TiffFiles.pages(TiffFiles.Page.GREY16, N, N, N,
                scan.grey()), "LZW");
        TestStageContext fromTiff = load(with(tiff, "segmentation", "otsu"));
        TestStageContext fromNpy = load(with(npy("scan.npy", scan, true), "segmentation", "otsu"));
        for (String threshold : List.of("threshold_1_grey", "threshold_2_grey")) {
            assertEquals(fromNpy.sink().get(threshold), fromTiff.sink().get(threshold), 0, threshold);
        }
        assertArrayEquals(fromNpy.given(VoxelImage.KEY).labels(), fromTiff.given(VoxelImage.KEY).labels());
        double t1 = fromTiff.sink().get("threshold_1_grey");
        double t2 = fromTiff.sink().get("threshold_2_grey");
        double[] mode = {1000 + 100 * MEAN[0], 1000 + 100 * MEAN[2], 1000 + 100 * MEAN[1]}; // pore, CBD, AM
        assertTrue(mode[0] < t1 && t1 < mode[1] && mode[1] < t2 && t2 < mode[2], t1 + ", " + t2);
    }

    /** grey_order names the phases from dark to bright: inverted contrast puts the pores brightest. */
    @Test
    void greyOrderAssignsThePhasesToTheClasses() throws Exception {
        Scan scan = scan(31, FRACTION, 0, 1, 255);
        VoxelImage image = load(with(npy("order.npy", scan, false), "segmentation", "thresholds", "thresholds",
                List.of(100), "grey_order", "am_cbd_pore")).given(VoxelImage.KEY);
        for (int v = 0; v < scan.grey().length; v++) {
            assertEquals(scan.grey()[v] < 100 ? 1 : 0, image.labels()[v]);
        }
    }

    private static InvalidInputException refused(Map<String, Object> with) {
        return assertThrows(InvalidInputException.class, () -> new TestStageContext().run(new ImageLoadStage(),
                with));
    }

    /** Each contradictory or impossible segmentation is refused before the run, naming the field. */
    @Test
    void badSegmentationInputIsRefusedNamingTheField() throws Exception {
        Path grey = npy("bad.npy", scan(37, FRACTION, 0, 1, 255), false);
        InvalidInputException e = refused(with(grey));
        assertEquals(FIELD + "file", e.field(), "grey values are not labels");
        assertTrue(e.getMessage().contains("for a greyscale scan, segmentation: thresholds or otsu"), e.getMessage());
        e = refused(with(grey, "segmentation", "thresholds", "thresholds", List.of(150, 90)));
        assertEquals(FIELD + "thresholds", e.field());
        assertTrue(e.getMessage().contains("increasing"), e.getMessage());
        e = refused(with(grey, "segmentation", "thresholds", "thresholds", List.of(90, 300)));
        assertEquals(FIELD + "thresholds", e.field());
        assertTrue(e.getMessage().contains("0 < t <= 255 (the range of uint8)"), e.getMessage());
        e = refused(with(grey, "segmentation", "thresholds"));
        assertEquals(FIELD + "thresholds", e.field());
        e = refused(with(grey, "thresholds", List.of(90, 150)));
        assertEquals(FIELD + "thresholds", e.field(), "thresholds with segmentation none");
        e = refused(with(grey, "otsu_classes", 2));
        assertEquals(FIELD + "otsu_classes", e.field(), "otsu_classes with segmentation none");
        e = refused(with(grey, "segmentation", "otsu", "thresholds", List.of(90, 150)));
        assertEquals(FIELD + "thresholds", e.field());
        e = refused(with(grey, "segmentation", "thresholds", "thresholds", List.of(90), "otsu_classes", 2));
        assertEquals(FIELD + "otsu_classes", e.field());
        e = refused(with(grey, "segmentation", "otsu", "pore_labels", List.of(0)));
        assertEquals(FIELD + "pore_labels", e.field());

        int[] labels = new int[N * N * N];
        for (int v = 0; v < labels.length; v++) {
            labels[v] = v % 3;
        }
        Path labelImage = ImageFiles.npy(dir.resolve("labels.npy"), "|u1", false, new int[] {N, N, N},
                ImageFiles.bytes(labels, 1, ByteOrder.LITTLE_ENDIAN));
        e = refused(with(labelImage, "segmentation", "otsu"));
        assertEquals(FIELD + "segmentation", e.field());
        assertTrue(e.getMessage().contains("holds 3 distinct values in the crop: a label image"), e.getMessage());
        load(with(labelImage)); // the same file as labels

        Path wide = ImageFiles.npy(dir.resolve("wide.npy"), "<i4", false, new int[] {N, N, N},
                ImageFiles.bytes(scan(41, FRACTION, 0, 1, 255).grey(), 4, ByteOrder.LITTLE_ENDIAN));
        e = refused(with(wide, "segmentation", "otsu"));
        assertEquals(FIELD + "segmentation", e.field());
        assertTrue(e.getMessage().contains("int32"), e.getMessage());
    }
}
