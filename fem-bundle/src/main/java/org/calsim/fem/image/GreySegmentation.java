package org.calsim.fem.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Series;
import org.calsim.api.data.Table;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.ResultSink;
import org.calsim.fem.voxel.Voxeliser;

/**
 * Segmentation of a greyscale image (an XCT scan before segmentation) into 0 pore, 1 active material (AM) and
 * 2 carbon–binder domain (CBD) by grey-value thresholds, given by the job or found by Otsu's method
 * ({@link MultiOtsu}).
 *
 * <p>Classes: with thresholds t₁ &lt; t₂ a grey value v is in class 0 if v &lt; t₁, class 1 if t₁ ≤ v &lt; t₂ and
 * class 2 if v ≥ t₂ (one threshold: two classes). {@code grey_order} names the phases from the darkest class to
 * the brightest; by default {@code pore_cbd_am}, as in absorption-contrast XCT of cathodes, where the dense
 * metal-oxide particles absorb most, the pores least and the carbon–binder domain lies between (e.g. X. Lu et al.,
 * Nat. Commun. 11 (2020) 2079); other contrasts (graphite anodes, inverted images) name their own order. Two
 * classes are pore and solid, the solid counted as AM; which is darker follows the order of pore and am in
 * {@code grey_order}.
 *
 * <p>Otsu's thresholds come from the histogram of the crop (at full resolution, before any down-sampling), counted
 * while the file is read ({@link Placer} with {@link #everyValue}): the image is never held twice. The histogram
 * has bins of w grey values from the smallest value in the crop, w = 1 when the crop spans at most
 * {@value #MAX_BINS} grey values (always for 8-bit files), else w = ⌈span / {@value #MAX_BINS}⌉ (16-bit files), so
 * that the exhaustive three-class search stays below 8.4·10⁶ splits; an Otsu threshold is the first grey value of
 * a bin. Only whole-number grey values of 8 or 16 bits are segmented.
 */
final class GreySegmentation {
    static final String METHOD = "segmentation";
    static final String THRESHOLDS = "thresholds";
    static final String ORDER = "grey_order";
    static final String CLASSES = "otsu_classes";
    /** Largest number of histogram bins of Otsu's search. */
    static final int MAX_BINS = 4096;
    /**
     * A crop holding at most this many distinct values is taken for a label image, which Otsu would split at its
     * labels whatever phase each label stands for: a segmented image holds one value per phase (a few more for
     * other solids), a scan as many as its noise spreads over.
     */
    static final int LABEL_IMAGE_VALUES = 16;
    private static final String DEFAULT_ORDER = "pore_cbd_am";
    private static final List<String> ORDERS = List.of("pore_cbd_am", "pore_am_cbd", "cbd_pore_am", "cbd_am_pore",
            "am_pore_cbd", "am_cbd_pore");

    /** The segmentation of one crop: the thresholds, the phase of each value and what the summary shows. */
    /**
     * @param thresholds   the grey values where the classes after the first begin
     * @param phaseOfClass the phase of each class, darkest first
     * @param map          the phase of every value of the file's type
     * @param counts       voxels of the crop holding each value of the type, the lowest first
     * @param start        the smallest grey value in the crop, where the histogram's first bin begins
     * @param width        grey values per histogram bin
     * @param separability Otsu's η [1], NaN for given thresholds
     */
    record Segmented(double[] thresholds, int[] phaseOfClass, LabelMap map, long[] counts, int start, int width,
                     double separability) {
    }

    private final String method;
    private final int[] phaseOfClass;
    private final double[] given;
    private final int lowest;
    private final int highest;
    private final Parameters par;

    private GreySegmentation(Parameters par, String method, int[] phaseOfClass, double[] given, SampleType type) {
        this.par = par;
        this.method = method;
        this.phaseOfClass = phaseOfClass;
        this.given = given;
        int[] range = range(type);
        this.lowest = range[0];
        this.highest = range[1];
    }

    /** @return the job fields of the segmentation */
    static List<Parameter> parameters() {
        return List.of(
                Parameter.choice(METHOD, List.of("none", "thresholds", "otsu"), "greyscale images: none (the file "
                        + "holds labels), thresholds (given grey values) or otsu (Otsu's thresholds, 1979)")
                        .withDefault("none"),
                Parameter.numbers(THRESHOLDS, "1", 1, "segmentation thresholds: [t1] or [t1, t2] in grey values "
                        + "(file values), increasing; v < t1 darkest class, t1 <= v < t2 middle, v >= t2 brightest")
                        .optional(),
                Parameter.choice(ORDER, ORDERS, "segmentation: the phases from the darkest class to the brightest; "
                        + "default pore_cbd_am (absorption XCT)").optional(),
                Parameter.integer(CLASSES, "segmentation otsu: 2 (pore and solid, solid counted as AM) or 3 (pore, "
                        + "CBD, AM) classes; default 3").closed(2, 3).optional());
    }

    /**
     * Checks the segmentation fields.
     *
     * @param labelFields the fields of a label image, refused with a segmentation
     * @param type        the file's value type
     * @return the segmentation the job asks for, or {@code null} for none
     */
    static GreySegmentation of(Parameters par, List<String> labelFields, SampleType type) {
        String method = par.text(METHOD);
        if (method.equals("none")) {
            for (String field : List.of(THRESHOLDS, ORDER, CLASSES)) {
                if (par.isSet(field)) {
                    throw new InvalidInputException(par.fieldPath(field), text(par, field), "no " + field + " with "
                            + METHOD + " none (a label image); " + METHOD + ": thresholds or otsu segments a "
                            + "greyscale image");
                }
            }
            return null;
        }
        for (String field : labelFields) {
            if (par.isSet(field)) {
                throw new InvalidInputException(par.fieldPath(field), text(par, field), "no label lists with "
                        + METHOD + " " + method + ": the phases come from the thresholds and " + ORDER);
            }
        }
        if (range(type) == null) {
            throw new InvalidInputException(par.fieldPath(METHOD), method + " (the file holds " + type.jobName()
                    + " values)", "segmentation of whole-number grey values of 8 or 16 bits (uint8, int8, uint16, "
                    + "int16); segment other images elsewhere and give the labels with " + METHOD + " none");
        }
        String order = par.isSet(ORDER) ? par.text(ORDER) : DEFAULT_ORDER;
        double[] given = null;
        int classes;
        if (method.equals("thresholds")) {
            if (par.isSet(CLASSES)) {
                throw new InvalidInputException(par.fieldPath(CLASSES), par.integer(CLASSES), "no " + CLASSES
                        + " with " + METHOD + " thresholds: the number of thresholds gives the classes");
            }
            if (!par.isSet(THRESHOLDS)) {
                throw new InvalidInputException(par.fieldPath(THRESHOLDS), null, "[t1] or [t1, t2]: the grey "
                        + "values where the classes begin");
            }
            given = par.numbers(THRESHOLDS);
            int[] range = range(type);
            boolean increasing = given.length == 1 || given.length == 2 && given[0] < given[1];
            if (!increasing || given[0] <= range[0] || given[given.length - 1] > range[1]) {
                throw new InvalidInputException(par.fieldPath(THRESHOLDS), text(par, THRESHOLDS), "one or two "
                        + "increasing grey values t with " + range[0] + " < t <= " + range[1] + " (the range of "
                        + type.jobName() + "), so that each class can hold a value");
            }
            classes = given.length + 1;
        } else {
            if (par.isSet(THRESHOLDS)) {
                throw new InvalidInputException(par.fieldPath(THRESHOLDS), text(par, THRESHOLDS), "no "
                        + THRESHOLDS + " with " + METHOD + " otsu, which finds them; " + METHOD + ": thresholds "
                        + "uses given ones");
            }
            classes = par.isSet(CLASSES) ? par.integer(CLASSES) : 3;
        }
        return new GreySegmentation(par, method, phaseOfClass(order, classes), given, type);
    }

    /**
     * @return a map of every value of the file's type, each its own index (value − lowest), all to phase 0: its
     *         counts are the histogram
     */
    LabelMap everyValue() {
        return map(new double[0], new int[] {0});
    }

    /**
     * Finds or takes the thresholds.
     *
     * @param counts voxels of the crop holding each value, by the index of {@link #everyValue}
     * @param file   the file's name, for messages
     * @throws InvalidInputException if Otsu was asked for and the crop is a label image or has too few grey levels
     */
    Segmented segment(long[] counts, String file) {
        int first = 0;
        while (first < counts.length && counts[first] == 0) {
            first++;
        }
        int last = counts.length - 1;
        while (last > first && counts[last] == 0) {
            last--;
        }
        int width = Math.max(1, (last - first + MAX_BINS) / MAX_BINS);
        if (given != null) {
            return new Segmented(given.clone(), phaseOfClass, map(given, phaseOfClass), counts, lowest + first, width,
                    Double.NaN);
        }
        int distinct = 0;
        for (long c : counts) {
            distinct += c > 0 ? 1 : 0;
        }
        int classes = phaseOfClass.length;
        if (distinct <= LABEL_IMAGE_VALUES) {
            throw new InvalidInputException(par.fieldPath(METHOD), "otsu (" + file + " holds " + distinct
                    + " distinct values in the crop: a label image)", "a greyscale image, more than "
                    + LABEL_IMAGE_VALUES + " distinct values, for otsu; map a label image with pore_labels, "
                    + "am_labels and cbd_labels and " + METHOD + " none");
        }
        int bins = (last - first) / width + 1;
        long[] binned = new long[bins];
        double[] mean = new double[bins];
        for (int b = 0; b < bins; b++) {
            double sum = 0;
            for (int v = first + b * width; v < Math.min(first + (b + 1) * width, last + 1); v++) {
                binned[b] += counts[v];
                sum += counts[v] * (double) (lowest + v);
            }
            mean[b] = binned[b] > 0 ? sum / binned[b] : lowest + first + b * width + (width - 1) / 2.0;
        }
        MultiOtsu.Split split = MultiOtsu.split(binned, mean, classes);
        if (split == null) {
            throw new InvalidInputException(par.fieldPath(CLASSES), classes, "at most as many classes as occupied "
                    + "histogram bins of " + width + " grey values in " + file);
        }
        double[] thresholds = new double[classes - 1];
        for (int k = 0; k < thresholds.length; k++) {
            thresholds[k] = lowest + first + split.boundaries()[k] * width;
        }
        return new Segmented(thresholds, phaseOfClass, map(thresholds, phaseOfClass), counts, lowest + first, width,
                split.separability());
    }

    /**
     * Writes the thresholds, Otsu's separability, the histogram (table and plot, with the thresholds drawn) and a
     * note with the phase fractions of the crop at full resolution.
     */
    void report(ResultSink sink, Segmented s) {
        double[] t = s.thresholds();
        for (int k = 0; k < t.length; k++) {
            sink.summary("threshold_" + (k + 1) + "_grey", t[k], "1");
        }
        if (!Double.isNaN(s.separability())) {
            sink.summary("otsu_separability", s.separability(), "1");
        }
        long[] counts = s.counts();
        int first = s.start() - lowest;
        int last = counts.length - 1;
        while (last > first && counts[last] == 0) {
            last--;
        }
        int bins = (last - first) / s.width() + 1;
        double[] grey = new double[bins];
        double[] voxels = new double[bins];
        long[] byPhase = new long[Voxeliser.PHASES.size()];
        long total = 0;
        for (int b = 0; b < bins; b++) {
            grey[b] = s.start() + b * s.width();
            for (int v = first + b * s.width(); v < Math.min(first + (b + 1) * s.width(), last + 1); v++) {
                voxels[b] += counts[v];
                byPhase[s.map().label(v)] += counts[v];
                total += counts[v];
            }
        }
        sink.table("grey-histogram", Table.builder().column("grey_value_from", "1", grey).column("voxels", "1", voxels)
                .build());
        double top = 0;
        for (double v : voxels) {
            top = Math.max(top, v);
        }
        List<Series> series = new ArrayList<>();
        series.add(new Series(s.width() == 1 ? "voxels per grey value" : "voxels per bin of " + s.width()
                + " grey values", grey, voxels, Series.Style.LINE));
        StringBuilder note = new StringBuilder(method.equals("otsu") ? String.format(Locale.ROOT, "Otsu (1979), %d "
                + "classes, exhaustive search over a histogram of %d bins of %d grey value%s, the first at %d; separability "
                + "eta = %.4f", t.length + 1, bins, s.width(), s.width() == 1 ? "" : "s", s.start(),
                s.separability()) : "given thresholds");
        note.append("; classes from dark to bright:");
        for (int c = 0; c <= t.length; c++) {
            String phase = Voxeliser.PHASES.get(s.phaseOfClass()[c]);
            note.append(c == 0 ? " " : ", ").append(phase).append(c == 0 ? " below " + number(t[0])
                    : c == t.length ? " from " + number(t[c - 1]) : " from " + number(t[c - 1]) + " below "
                    + number(t[c]));
            if (c < t.length) {
                series.add(new Series(String.format(Locale.ROOT, "threshold %d = %s (%s | %s)", c + 1, number(t[c]),
                        phase, Voxeliser.PHASES.get(s.phaseOfClass()[c + 1])), new double[] {t[c], t[c]},
                        new double[] {0, top}, Series.Style.LINE));
            }
        }
        note.append("; fractions of the crop at full resolution:");
        for (int p = 0; p < byPhase.length; p++) {
            note.append(String.format(Locale.ROOT, "%s %s %.6g", p == 0 ? "" : ",", Voxeliser.PHASES.get(p),
                    byPhase[p] / (double) total));
        }
        sink.note("segmentation", note.toString());
        sink.plot(new Plot("grey-histogram", "Grey-value histogram and segmentation thresholds", "grey value "
                + "(file value) [1]", s.width() == 1 ? "voxels [1]" : "voxels per bin [1]", series));
    }

    /** @return the smallest and largest value of {@code type}, or {@code null} if it is not 8- or 16-bit */
    private static int[] range(SampleType type) {
        return switch (type) {
            case UINT8 -> new int[] {0, 255};
            case INT8 -> new int[] {-128, 127};
            case UINT16 -> new int[] {0, 65535};
            case INT16 -> new int[] {-32768, 32767};
            case BOOL -> new int[] {0, 1};
            default -> null;
        };
    }

    /** @return the phase (0 pore, 1 AM, 2 CBD) of each class, darkest first */
    private static int[] phaseOfClass(String order, int classes) {
        List<String> names = List.of(order.split("_"));
        int[] phases = new int[classes];
        int c = 0;
        for (String name : names) {
            if (classes == 3 || !name.equals("cbd")) {
                phases[c++] = List.of("pore", "am", "cbd").indexOf(name);
            }
        }
        return phases;
    }

    /** @return every value of the type, numbered from the lowest, to the phase of its class */
    private LabelMap map(double[] thresholds, int[] phases) {
        int[][] byLabel = new int[4][];
        int[] size = new int[4];
        int values = highest - lowest + 1;
        byte[] phaseOf = new byte[values];
        for (int i = 0; i < values; i++) {
            int c = 0;
            while (c < thresholds.length && lowest + i >= thresholds[c]) {
                c++;
            }
            phaseOf[i] = (byte) phases[c];
            size[phases[c]]++;
        }
        for (int p = 0; p < 4; p++) {
            byLabel[p] = new int[size[p]];
            size[p] = 0;
        }
        for (int i = 0; i < values; i++) {
            byLabel[phaseOf[i]][size[phaseOf[i]]++] = lowest + i;
        }
        return new LabelMap(byLabel, 1);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String text(Parameters par, String field) {
        return switch (field) {
            case THRESHOLDS -> Arrays.toString(par.numbers(field));
            case CLASSES -> Integer.toString(par.integer(field));
            default -> field.endsWith("_labels") ? Arrays.toString(par.numbers(field)) : par.text(field);
        };
    }
}
