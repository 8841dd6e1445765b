package org.calsim.fem.image;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.SimulationState;
import org.calsim.api.stage.Solver;
import org.calsim.api.stage.StageContext;
import org.calsim.api.stage.StageFailedException;
import org.calsim.api.structure.VoxelImage;
import org.calsim.fem.voxel.Voxeliser;
import org.calsim.support.memory.HeapBudget;
import org.osgi.service.component.annotations.Component;

/**
 * {@code image.load}: a segmented image of an electrode (an XCT stack) from a file, as the job's voxel image: raw
 * binary ({@link RawFile}; shape, type and byte order from the job), VTK image data ({@link VtiFile}; calsim's own
 * {@code .vti} and ParaView's) or a NumPy array ({@link NpyFile}).
 *
 * <p>TIFF stacks ({@link TiffStack}, 8- or 16-bit greyscale or label pages): {@code format: tiff} reads a
 * multi-page file, page k the slice z = k; {@code format: tiff_slices} reads a folder of single-page files, one per
 * slice: {@code file} names the first ({@code slice_0000.tif}), and its siblings with the same name but the next
 * numbers ({@code slice_0001.tif}, ...) follow, up to the last number (a job parameter names a file, not a folder).
 *
 * <p>Steps, in this order:
 * <ol>
 * <li>axes: the file's axes are x, y, z (x fastest in raw and VTK files; {@code a[z, y, x]} for NumPy arrays);
 * {@code through_plane_axis} names the one through the coating, {@code collector_at} the end where the current
 * collector is; the image is turned so that z is through-plane and k = 0 touches the collector
 * ({@link Reslice});</li>
 * <li>labels: each file value is mapped to 0 pore, 1 active material (AM) or 2 carbon–binder domain (CBD) by
 * {@code pore_labels} (default [0]), {@code am_labels} ([1]), {@code cbd_labels} ([2]); {@code other_solid_labels}
 * are merged into AM or CBD as {@code other_solid_as} says ({@link LabelMap}); or, for a greyscale scan,
 * {@code segmentation: thresholds} or {@code otsu} gives each grey value its phase by thresholds
 * ({@link GreySegmentation}; Otsu's are found from the crop's histogram, counted in a first pass over the
 * file);</li>
 * <li>crop: {@code crop_x_voxels}, {@code crop_y_voxels}, {@code crop_z_voxels} = [from, to) in voxels of the turned
 * image (z counted from the collector);</li>
 * <li>down-sampling by a whole factor, majority of each block, counted while the file is read so that the
 * full-resolution crop is never held ({@link Downsample}); the voxel edge grows by the factor.</li>
 * </ol>
 * The voxel edge {@code voxel_size_um} is the file's voxel edge in micrometres (the voxels are cubes).
 *
 * <p>Bad input is refused before the job runs: a file that cannot be read or is not of its format, a shape that
 * does not match the file's bytes, a file value inside the crop that no label list maps, an image above the
 * {@link MemoryGuard}. The check reads the whole file once (without keeping it); the run reads it again. Messages
 * name the field, never the file's text.
 *
 * <p>Summary: the size in voxels, the voxel edge [um], the phase fractions, the fraction of other solid merged
 * into AM or CBD, and notes on the source, the crop, the down-sampling, the fraction of each file value and merged
 * labels; for a segmented greyscale image the thresholds, Otsu's separability, a note on the segmentation and the
 * grey-value histogram (table and plot, with the thresholds drawn) instead of the fraction of each file value.
 */
@Component(service = Solver.class, property = ServiceProperties.NAME + "=" + ImageLoadStage.NAME)
public final class ImageLoadStage implements Solver {
    /** Stage name. */
    public static final String NAME = "image.load";

    static final String FILE = "file";
    static final String FORMAT = "format";
    static final String VOXEL_SIZE = "voxel_size_um";
    static final String AXIS = "through_plane_axis";
    static final String COLLECTOR = "collector_at";
    static final String PORE = "pore_labels";
    static final String AM = "am_labels";
    static final String CBD = "cbd_labels";
    static final String OTHER = "other_solid_labels";
    static final String OTHER_AS = "other_solid_as";
    static final String[] CROP = {"crop_x_voxels", "crop_y_voxels", "crop_z_voxels"};
    static final String DOWNSAMPLE = "downsample";
    static final String RAW_SHAPE = "raw_shape";
    static final String RAW_TYPE = "raw_type";
    static final String RAW_ORDER = "raw_byte_order";
    static final String RAW_HEADER = "raw_header_bytes";
    static final String VTI_ARRAY = "vti_array";
    private static final List<String> AXES = List.of("x", "y", "z");
    private static final List<String> FORMATS = List.of("auto", "raw", "vti", "npy", "tiff", "tiff_slices");

    /** Everything the job says about the image, checked, with the file's header read. */
    private record Plan(Volume volume, Reslice reslice, LabelMap map, int factor, int[] from, int[] to,
                        GreySegmentation grey) {
        /** @return this plan with the phases of a segmented greyscale image */
        Plan segmented(LabelMap phases) {
            return new Plan(volume, reslice, phases, factor, from, to, grey);
        }
    }

    private final MemoryGuard guard;

    /** The service: the memory guard plans with this JVM's {@link HeapBudget}. */
    public ImageLoadStage() {
        this(new MemoryGuard(HeapBudget.ofThisJvm()));
    }

    ImageLoadStage(MemoryGuard guard) {
        this.guard = guard;
    }

    @Override
    public String description() {
        return "a segmented voxel image (XCT stack) from a raw, VTK image data (.vti), NumPy (.npy) or TIFF file (a "
                + "multi-page stack or numbered slices): labels "
                + "mapped to pore, active material and CBD (or a greyscale scan segmented by thresholds or Otsu's "
                + "method), turned so that z is through-plane from the collector, "
                + "cropped and down-sampled";
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> list = new ArrayList<>(List.of(
                Parameter.file(FILE, "the image file: raw binary, .vti, .npy or a multi-page TIFF; for tiff_slices "
                        + "the first slice of a series numbered in one folder (slice_0000.tif, slice_0001.tif, ...)"),
                Parameter.choice(FORMAT, FORMATS, "file format; auto: by the extension (.raw .bin .vti .npy .tif "
                        + ".tiff); tiff: one multi-page file, a page per z-slice; tiff_slices: a file per z-slice")
                        .withDefault("auto"),
                Parameter.number(VOXEL_SIZE, "um", 1e-6, "voxel edge of the file's image (cubic voxels)")
                        .positive(),
                Parameter.choice(AXIS, AXES, "the file axis through the coating (x fastest in raw and VTK files; "
                        + "a NumPy array is a[z, y, x])").withDefault("z"),
                Parameter.choice(COLLECTOR, List.of("low", "high"), "where the current collector is along the "
                        + "through-plane axis: at index 0 (low) or at the last index (high)").withDefault("low"),
                Parameter.numbers(PORE, "1", 1, "file values that are pore; default [0]").optional(),
                Parameter.numbers(AM, "1", 1, "file values that are active material; default [1]").optional(),
                Parameter.numbers(CBD, "1", 1, "file values that are carbon-binder domain; default [2]").optional(),
                Parameter.numbers(OTHER, "1", 1, "file values of other solid, merged as other_solid_as says")
                        .optional(),
                Parameter.choice(OTHER_AS, List.of("am", "cbd"), "the phase other solid is counted as")
                        .optional()));
        for (int a = 0; a < 3; a++) {
            list.add(Parameter.numbers(CROP[a], "1", 1, "crop along " + AXES.get(a) + " of the turned image: [from, "
                    + "to) in voxels" + (a == 2 ? " from the collector" : "") + "; default: all").nonNegative()
                    .optional());
        }
        list.addAll(List.of(
                Parameter.integer(DOWNSAMPLE, "down-sampling factor: blocks of n x n x n voxels become one (majority "
                        + "phase)").closed(1, 64).withDefault(1),
                Parameter.numbers(RAW_SHAPE, "1", 1, "raw files: nx, ny, nz in voxels (x fastest)").positive()
                        .optional(),
                Parameter.choice(RAW_TYPE, List.of("uint8", "int8", "uint16", "int16", "int32"),
                        "raw files: the type of each value").withDefault("uint8"),
                Parameter.choice(RAW_ORDER, List.of("little", "big"), "raw files: byte order (little-endian or "
                        + "big-endian)").withDefault("little"),
                Parameter.integer(RAW_HEADER, "raw files: bytes before the first value, skipped")
                        .closed(0, Integer.MAX_VALUE).withDefault(0),
                Parameter.text(VTI_ARRAY, ".vti files: the point or cell data array to read; default: the one "
                        + "called phase, else the only one").optional()));
        list.addAll(GreySegmentation.parameters());
        return list;
    }

    @Override
    public void validate(Parameters parameters, SimulationState inputs) {
        Plan plan = plan(parameters);
        Placer check = new Placer(plan.volume(), plan.reslice(), plan.map(), null, null, placed -> {
        });
        read(plan, check, parameters);
        TreeMap<Integer, Long> unmapped = check.unmapped();
        if (!unmapped.isEmpty()) {
            StringBuilder found = new StringBuilder();
            unmapped.entrySet().stream().limit(5).forEach(e -> found.append(found.length() == 0 ? "" : ", ")
                    .append(e.getKey()).append(" in ").append(e.getValue()).append(" voxels"));
            throw new InvalidInputException(parameters.fieldPath(FILE), file(parameters) + " (labels that are not "
                    + "mapped: " + found + (unmapped.size() > 5 ? " and " + (unmapped.size() - 5) + " more" : "")
                    + ")", "every label inside the crop listed in " + PORE + ", " + AM + ", " + CBD + " or " + OTHER
                    + (unmapped.size() > GreySegmentation.LABEL_IMAGE_VALUES ? "; or, for a greyscale scan, "
                    + GreySegmentation.METHOD + ": thresholds or otsu" : ""));
        }
        if (plan.grey() != null) {
            plan.grey().segment(check.counts(), file(parameters));
        }
    }

    @Override
    public Set<Key<?>> needs(Parameters parameters) {
        return Set.of();
    }

    @Override
    public Set<Key<?>> gives(Parameters parameters) {
        return Set.of(VoxelImage.KEY);
    }

    @Override
    public void run(StageContext context) throws Exception {
        Parameters par = context.parameters();
        Plan plan = plan(par);
        int[] size = plan.reslice().size();
        int voxels = size[0] * size[1] * size[2];
        int factor = plan.factor();
        byte[] labels = factor == 1 ? new byte[voxels] : null;
        Downsample votes = factor == 1 ? null : new Downsample(voxels, factor);
        int[] file = plan.volume().size();
        double total = (double) file[0] * file[1] * file[2];
        GreySegmentation.Segmented segmented = null;
        if (plan.grey() != null) {
            Placer histogram = new Placer(plan.volume(), plan.reslice(), plan.map(), null, null,
                    progress(context, total, 0, 0.45, "histogram: "));
            read(plan, histogram, par);
            segmented = plan.grey().segment(histogram.counts(), file(par));
            plan = plan.segmented(segmented.map());
        }
        double start = segmented == null ? 0 : 0.45;
        Placer placer = new Placer(plan.volume(), plan.reslice(), plan.map(), labels, votes,
                progress(context, total, start, 0.9 - start, ""));
        read(plan, placer, par);
        if (!placer.unmapped().isEmpty()) {
            throw new StageFailedException(file(par) + " changed after the job was checked: it now holds labels "
                    + "that are not mapped");
        }
        double h = par.number(VOXEL_SIZE) * factor;
        VoxelImage image = new VoxelImage(size[0], size[1], size[2], h, votes == null ? labels : votes.labels(),
                Voxeliser.PHASES);
        context.give(VoxelImage.KEY, image);
        summarise(context.results(), par, plan, image, placer.counts());
        if (segmented != null) {
            plan.grey().report(context.results(), segmented);
        }
        context.progress(1, "done");
    }

    /** @return a reader's progress and cancellation check, from {@code start} over {@code span} of the stage */
    private static LongConsumer progress(StageContext context, double total, double start, double span,
                                         String what) {
        long step = Math.max(BinaryValues.CHUNK, (long) (total / 100));
        long[] reported = {0};
        return placed -> {
            context.checkCancelled();
            if (placed - reported[0] >= step) {
                reported[0] = placed;
                context.progress(start + span * placed / total, what + "read " + placed + " of " + (long) total
                        + " voxels");
            }
        };
    }

    /**
     * @param counts voxels of the file, inside the crop (and its whole blocks), of each mapped value, by
     *               {@link LabelMap#index}
     */
    private void summarise(ResultSink sink, Parameters par, Plan plan, VoxelImage image, long[] counts) {
        sink.summary("voxels_x", image.nx(), "1");
        sink.summary("voxels_y", image.ny(), "1");
        sink.summary("voxels_z", image.nz(), "1");
        sink.summary("voxel_size_um", image.voxelSize() * 1e6, "um");
        sink.summary("pore_fraction", image.volumeFraction(0), "1");
        sink.summary("am_fraction", image.volumeFraction(1), "1");
        sink.summary("cbd_fraction", image.volumeFraction(2), "1");
        int[] f = plan.volume().size();
        sink.note("source", String.format(Locale.ROOT, "%s: %d x %d x %d voxels (x, y, z of the file) of %s, "
                        + "voxel edge %.6g um; through-plane axis %s, collector at its %s end", file(par), f[0], f[1],
                f[2], plan.volume().type().jobName(), par.number(VOXEL_SIZE) * 1e6, par.text(AXIS),
                par.text(COLLECTOR)));
        int[] from = plan.from();
        int[] to = plan.to();
        sink.note("crop", String.format(Locale.ROOT, "voxels x %d to %d, y %d to %d, z %d to %d (from the "
                + "collector) of the turned image, end exclusive", from[0], to[0], from[1], to[1], from[2], to[2]));
        if (plan.factor() > 1) {
            int[] cropped = plan.reslice().cropSize();
            sink.note("downsample", String.format(Locale.ROOT, "factor %d: the phase of most voxels in each block "
                    + "of %d^3 (ties to the lower label); %d, %d, %d voxels dropped at the high end of x, y, z",
                    plan.factor(), plan.factor(), cropped[0] % plan.factor(), cropped[1] % plan.factor(),
                    cropped[2] % plan.factor()));
        }
        if (plan.grey() != null) {
            return;
        }
        long total = Arrays.stream(counts).sum();
        StringBuilder byValue = new StringBuilder("fraction of the file's voxels in the image (before down-sampling) "
                + "by value:");
        long other = 0;
        LabelMap map = plan.map();
        for (int i = 0; i < counts.length; i++) {
            byValue.append(i == 0 ? " " : "; ").append(map.value(i)).append(' ')
                    .append(map.isOther(i) ? "other solid" : Voxeliser.PHASES.get(map.label(i)))
                    .append(String.format(Locale.ROOT, " %.6g", counts[i] / (double) total));
            other += map.isOther(i) ? counts[i] : 0;
        }
        sink.note("file_values", byValue.toString());
        if (par.isSet(OTHER)) {
            sink.summary("other_solid_fraction", other / (double) total, "1");
            sink.note("merged_labels", "file values " + list(par, OTHER) + " (other solid) counted as "
                    + ("am".equals(par.text(OTHER_AS)) ? "active material" : "CBD"));
        }
    }

    /** Checks every field, reads the file's header, and says where each voxel goes. */
    private Plan plan(Parameters par) {
        Volume volume = open(par);
        GreySegmentation grey = GreySegmentation.of(par, List.of(PORE, AM, CBD, OTHER, OTHER_AS), volume.type());
        LabelMap map = grey == null ? labelMap(par) : grey.everyValue();
        int[] fileSize = volume.size();
        int through = AXES.indexOf(par.text(AXIS));
        int[] turned = Reslice.turnedSize(fileSize, through);
        int[] from = new int[3];
        int[] to = turned.clone();
        for (int a = 0; a < 3; a++) {
            if (par.isSet(CROP[a])) {
                int[] range = whole(par, CROP[a]);
                if (range.length != 2 || range[0] >= range[1] || range[1] > turned[a]) {
                    throw new InvalidInputException(par.fieldPath(CROP[a]), list(par, CROP[a]), "[from, to) with 0 "
                            + "<= from < to <= " + turned[a] + ", the size of the turned image along "
                            + AXES.get(a));
                }
                from[a] = range[0];
                to[a] = range[1];
            }
        }
        int factor = par.integer(DOWNSAMPLE);
        int smallest = Math.min(to[0] - from[0], Math.min(to[1] - from[1], to[2] - from[2]));
        if (factor > smallest) {
            throw new InvalidInputException(par.fieldPath(DOWNSAMPLE), factor, "a factor of at most " + smallest
                    + ", the smallest edge of the cropped image in voxels");
        }
        Reslice reslice = new Reslice(fileSize, through, "high".equals(par.text(COLLECTOR)), from, to, factor);
        int[] size = reslice.size();
        long voxels = (long) size[0] * size[1] * size[2];
        guard.check(par.fieldPath(FILE), file(par) + String.format(Locale.ROOT, " (%d x %d x %d voxels after the "
                        + "crop%s)", size[0], size[1], size[2], factor > 1 ? " and down-sampling by " + factor : ""),
                voxels, factor > 1 ? Downsample.bytes(voxels, factor) : 0, volume.bufferBytes());
        return new Plan(volume, reslice, map, factor, from, to, grey);
    }

    /** @return the phase of each file value of a label image, from the label lists */
    private static LabelMap labelMap(Parameters par) {
        if (par.isSet(OTHER) != par.isSet(OTHER_AS)) {
            String missing = par.isSet(OTHER) ? OTHER_AS : OTHER;
            throw new InvalidInputException(par.fieldPath(missing), null, par.isSet(OTHER)
                    ? "am or cbd: the phase the other_solid_labels are counted as"
                    : "the file values of other solid, or no other_solid_as");
        }
        int[][] byLabel = {labels(par, PORE, 0), labels(par, AM, 1), labels(par, CBD, 2),
                par.isSet(OTHER) ? whole(par, OTHER) : new int[0]};
        try {
            return new LabelMap(byLabel, par.isSet(OTHER_AS) && "cbd".equals(par.text(OTHER_AS)) ? 2 : 1);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(par.fieldPath(PORE), Arrays.toString(byLabel[0]) + ", "
                    + Arrays.toString(byLabel[1]) + ", " + Arrays.toString(byLabel[2])
                    + (par.isSet(OTHER) ? ", " + Arrays.toString(byLabel[3]) : ""), "each file value in one "
                    + "of " + PORE + ", " + AM + ", " + CBD + " and " + OTHER + " only (" + e.getMessage() + ")");
        }
    }

    /** @return the label list {@code name}, or {@code [fallback]} if the job does not give it */
    private static int[] labels(Parameters par, String name, int fallback) {
        return par.isSet(name) ? whole(par, name) : new int[] {fallback};
    }

    /** @return for {@code format: tiff_slices} the slices after the first (the first is the file parameter) */
    @Override
    public List<Path> filesRead(Parameters parameters) {
        if (!"tiff_slices".equals(parameters.text(FORMAT))) {
            return List.of();
        }
        List<Path> series = TiffStack.series(parameters.file(FILE), parameters.fieldPath(FILE));
        return series.subList(1, series.size());
    }

    private static Volume open(Parameters par) {
        Path file = par.file(FILE);
        String field = par.fieldPath(FILE);
        String format = par.text(FORMAT);
        if (format.equals("auto")) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            String extension = name.substring(name.lastIndexOf('.') + 1);
            format = Map.of("raw", "raw", "bin", "raw", "vti", "vti", "npy", "npy", "tif", "tiff", "tiff", "tiff")
                    .get(extension);
            if (format == null) {
                throw new InvalidInputException(par.fieldPath(FORMAT), "auto", "raw, vti, npy, tiff or tiff_slices: "
                        + "the extension of " + file.getFileName() + " does not say the format");
            }
        }
        return switch (format) {
            case "raw" -> {
                if (!par.isSet(RAW_SHAPE)) {
                    throw new InvalidInputException(par.fieldPath(RAW_SHAPE), null, "nx, ny, nz of the raw file");
                }
                int[] shape = whole(par, RAW_SHAPE);
                if (shape.length != 3) {
                    throw new InvalidInputException(par.fieldPath(RAW_SHAPE), list(par, RAW_SHAPE),
                            "three whole numbers nx, ny, nz");
                }
                yield RawFile.open(file, field, shape, par.fieldPath(RAW_SHAPE),
                        SampleType.ofJobName(par.text(RAW_TYPE)),
                        "big".equals(par.text(RAW_ORDER)) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
                        par.integer(RAW_HEADER));
            }
            case "tiff" -> TiffStack.stack(file, field,
                    "auto".equals(par.text(FORMAT)) ? par.fieldPath(FORMAT) : null);
            case "tiff_slices" -> TiffStack.slices(file, field);
            case "vti" -> VtiFile.open(file, field, par.isSet(VTI_ARRAY) ? par.text(VTI_ARRAY) : null,
                    par.fieldPath(VTI_ARRAY));
            default -> NpyFile.open(file, field);
        };
    }

    private static void read(Plan plan, Placer placer, Parameters par) {
        try {
            plan.volume().stream(placer);
        } catch (IOException e) {
            throw InvalidInputException.inFile(par.fieldPath(FILE), par.file(FILE), 0, 0, "a readable image file");
        }
    }

    /** @return the list {@code name} as whole numbers of 32 bits */
    private static int[] whole(Parameters par, String name) {
        double[] values = par.numbers(name);
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != Math.rint(values[i]) || Math.abs(values[i]) > Integer.MAX_VALUE) {
                throw new InvalidInputException(par.fieldPath(name) + "[" + i + "]", values[i],
                        "a whole number of 32 bits");
            }
            out[i] = (int) values[i];
        }
        return out;
    }

    private static String list(Parameters par, String name) {
        StringBuilder sb = new StringBuilder("[");
        for (double v : par.numbers(name)) {
            sb.append(sb.length() > 1 ? ", " : "").append(v == Math.rint(v) ? Long.toString((long) v) : v);
        }
        return sb.append(']').toString();
    }

    private static String file(Parameters par) {
        return par.file(FILE).getFileName().toString();
    }
}
