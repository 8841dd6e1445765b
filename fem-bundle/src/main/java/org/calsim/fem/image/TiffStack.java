package org.calsim.fem.image;

import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;
import com.twelvemonkeys.imageio.stream.BufferedFileImageInputStream;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.IIOException;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import org.calsim.api.stage.InvalidInputException;

/**
 * A TIFF image stack, read with TwelveMonkeys ImageIO's TIFF reader: either one multi-page file ({@link #stack}),
 * each page one z-slice, or a series of single-page files numbered in one folder ({@link #slices}), each file one
 * z-slice. Within a page x varies fastest, then y, as an ImageIO raster holds it; page (or file) k is z = k.
 *
 * <p>Pages hold one sample per pixel, whole numbers of 8 bits (unsigned) or 16 bits (unsigned, or signed when the
 * file's SampleFormat says so): greyscale or label images, also with a palette (the raster's values, the palette
 * indices, are the labels). Every page has the first page's width, height and type. Colour pages (several samples
 * per pixel), floating-point samples and other bit depths are refused, naming the page.
 *
 * <p>The reader is created from its service provider class, {@code new TIFFImageReaderSpi()}, not looked up with
 * {@code ImageIO.getImageReaders}: in an OSGi container javax.imageio's registry does not see bundle classes.
 * Opening reads only the files' headers (every page's directory); {@link #stream} decodes one page at a time.
 */
final class TiffStack extends Volume {
    static final String ALLOWED = "a TIFF file of greyscale or label pages: one sample per pixel, 8-bit or 16-bit "
            + "whole numbers, every page of one size and type (one page per z-slice)";
    static final String SERIES = "the first of a series of single-page TIFF files in one folder, named with a number "
            + "before the extension that counts up by one from slice to slice (slice_0000.tif, slice_0001.tif, ...; "
            + "or slice0.tif, slice1.tif, ...)";
    /** A slice file's name: anything, the last digits before the extension, the extension. */
    private static final Pattern NUMBERED = Pattern.compile("(.*?)([0-9]+)(\\.[A-Za-z]+)");
    private static final TIFFImageReaderSpi PROVIDER = new TIFFImageReaderSpi();

    private final List<Path> files;

    private TiffStack(List<Path> files, String field, int[] size, SampleType type) {
        super(size, type, field);
        this.files = files;
    }

    /**
     * Reads the header of a multi-page TIFF file: its pages are the z-slices.
     *
     * @param field       job-file field of the file, for messages
     * @param formatField job-file field of the format when the format was found by the extension, else {@code null}:
     *                    then a single page whose name has a numbered successor ({@link #hasNextSlice}) is refused,
     *                    as the job may mean a series of slices
     * @throws InvalidInputException naming the field and what is wrong (a page's type or size), never quoting the
     *                               file
     */
    static TiffStack stack(Path file, String field, String formatField) {
        Header h = header(file, field, ALLOWED);
        if (formatField != null && h.pages() == 1 && hasNextSlice(file)) {
            throw new InvalidInputException(formatField, "auto", "tiff_slices to read " + file.getFileName()
                    + " and its numbered siblings as z-slices, or tiff for its one page");
        }
        return new TiffStack(List.of(file), field, new int[] {h.width(), h.height(), h.pages()}, h.type());
    }

    /**
     * Finds the numbered siblings of {@code first} (same folder, same text before the number, same extension) and
     * reads the header of each: {@code first} and the files numbered after it, counting up by one, are the
     * z-slices, one page each. A file numbered below {@code first}, a gap in the numbers, two files of one number
     * ({@code s7.tif} and {@code s07.tif}), a sibling outside the folder (a link) or a series of one file are
     * refused. The image stage names the series as the files it reads ({@code Solver.filesRead}), so a point of a
     * cluster sweep takes them all to the member that runs it.
     *
     * @param field job-file field of the file, for messages
     * @throws InvalidInputException naming the field and what is wrong, never quoting a file
     */
    static TiffStack slices(Path first, String field) {
        List<Path> files = series(first, field);
        Header h0 = null;
        for (Path file : files) {
            Header h = header(file, field, ALLOWED);
            if (h.pages() != 1) {
                throw new InvalidInputException(field, file.getFileName() + " (" + h.pages() + " pages)", "slices of "
                        + "one page each (a multi-page stack is format tiff)");
            }
            if (h0 == null) {
                h0 = h;
            } else if (h.width() != h0.width() || h.height() != h0.height() || h.type() != h0.type()) {
                throw new InvalidInputException(field, file.getFileName() + " (" + h.describe() + ")", "slices of "
                        + "one size and type: " + first.getFileName() + " is " + h0.describe());
            }
        }
        return new TiffStack(files, field, new int[] {h0.width(), h0.height(), files.size()}, h0.type());
    }

    /**
     * @return whether {@code file} looks like the first of a series: a number before its extension, and a sibling
     *         with the next number (then a single-page TIFF found by its extension is probably meant as a series)
     */
    private static boolean hasNextSlice(Path file) {
        Matcher m = NUMBERED.matcher(file.getFileName().toString());
        if (!m.matches() || m.group(2).length() > 18 || file.getParent() == null) {
            return false;
        }
        long next = Long.parseLong(m.group(2)) + 1;
        String plain = m.group(1) + next + m.group(3);
        String padded = m.group(1) + String.format(Locale.ROOT, "%0" + m.group(2).length() + "d", next) + m.group(3);
        return Files.isRegularFile(file.resolveSibling(plain)) || Files.isRegularFile(file.resolveSibling(padded));
    }

    /**
     * @return {@code first} and its numbered successors, in order, as real paths in the folder of {@code first}
     * @throws InvalidInputException as {@link #slices} for a series that is not one
     */
    static List<Path> series(Path first, String field) {
        String name = first.getFileName().toString();
        Matcher m = NUMBERED.matcher(name);
        if (!m.matches() || m.group(2).length() > 18) {
            throw new InvalidInputException(field, name, SERIES);
        }
        String prefix = m.group(1);
        String extension = m.group(3);
        long start = Long.parseLong(m.group(2));
        Path folder;
        TreeMap<Long, Path> numbered = new TreeMap<>();
        try {
            folder = first.toAbsolutePath().getParent().toRealPath();
            try (Stream<Path> list = Files.list(folder)) {
                for (Path p : (Iterable<Path>) list::iterator) {
                    Matcher s = NUMBERED.matcher(p.getFileName().toString());
                    if (!s.matches() || !s.group(1).equals(prefix) || !s.group(3).equals(extension)
                            || s.group(2).length() > 18 || !Files.isRegularFile(p)) {
                        continue;
                    }
                    long n = Long.parseLong(s.group(2));
                    Path before = numbered.put(n, p);
                    if (before != null) {
                        throw new InvalidInputException(field, name, SERIES + "; " + before.getFileName() + " and "
                                + p.getFileName() + " have the same number");
                    }
                }
            }
        } catch (IOException e) {
            throw InvalidInputException.inFile(field, first, 0, 0, SERIES + " (the folder could not be listed)");
        }
        if (!numbered.containsKey(start)) {
            throw new InvalidInputException(field, name, SERIES);
        }
        if (numbered.firstKey() < start) {
            throw new InvalidInputException(field, name, SERIES + ": " + numbered.firstEntry().getValue().getFileName()
                    + " comes before it (name the first slice; crop_z_voxels leaves slices out)");
        }
        List<Path> files = new ArrayList<>();
        long n = start;
        for (var e : numbered.entrySet()) {
            if (e.getKey() != n) {
                throw new InvalidInputException(field, name, SERIES + ": the numbers jump from " + (n - 1) + " to "
                        + e.getKey() + " (" + e.getValue().getFileName() + ")");
            }
            files.add(inside(e.getValue(), folder, field));
            n++;
        }
        if (files.size() < 2) {
            throw new InvalidInputException(field, name, SERIES + ": no file numbered " + (start + 1) + " beside it "
                    + "(a single page is format tiff)");
        }
        return files;
    }

    /** @return {@code file}, if its real location is in {@code folder} (no link leading out of the job's folder) */
    private static Path inside(Path file, Path folder, String field) throws InvalidInputException {
        try {
            Path real = file.toRealPath();
            if (!folder.equals(real.getParent())) {
                throw new InvalidInputException(field, file.getFileName().toString(), "slices that are files in the "
                        + "folder of the first slice, not links to files elsewhere");
            }
            return real;
        } catch (IOException e) {
            throw InvalidInputException.inFile(field, file, 0, 0, ALLOWED);
        }
    }

    /** What a file's header says: its pages, the first page's size and type (every page checked against it). */
    private record Header(int width, int height, int pages, SampleType type) {
        String describe() {
            return width + " x " + height + " pixels of " + type.jobName();
        }
    }

    private static Header header(Path file, String field, String allowed) {
        ImageReader reader = PROVIDER.createReaderInstance(null);
        try (ImageInputStream in = new BufferedFileImageInputStream(file.toFile())) {
            reader.setInput(in, false, true);
            int pages = reader.getNumImages(true);
            if (pages < 1) {
                throw new InvalidInputException(field, file.getFileName() + " (no pages)", allowed);
            }
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            SampleType type = type(reader, 0, file, field);
            for (int p = 1; p < pages; p++) {
                SampleType t = type(reader, p, file, field);
                int w = reader.getWidth(p);
                int h = reader.getHeight(p);
                if (w != width || h != height || t != type) {
                    throw new InvalidInputException(field, file.getFileName() + " (page " + (p + 1) + " of " + pages
                            + " is " + w + " x " + h + " pixels of " + t.jobName() + ", page 1 is " + width + " x "
                            + height + " pixels of " + type.jobName() + ")", "pages of one size and type");
                }
            }
            if ((long) width * height > Integer.MAX_VALUE - 8) {
                throw new InvalidInputException(field, file.getFileName() + " (pages of " + width + " x " + height
                        + " pixels)", "pages of at most 2^31 - 1 pixels");
            }
            return new Header(width, height, pages, type);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw InvalidInputException.inFile(field, file, 0, 0, allowed);
        } finally {
            reader.dispose();
        }
    }

    /** @return the type of page {@code p}'s samples, if it is one band of 8- or 16-bit whole numbers */
    private static SampleType type(ImageReader reader, int p, Path file, String field) throws IOException {
        ImageTypeSpecifier raw = reader.getRawImageType(p);
        if (raw == null) {
            throw new IIOException("no raw image type");
        }
        SampleModel model = raw.getSampleModel();
        int bands = model.getNumBands();
        int bits = model.getSampleSize(0);
        String found;
        if (bands != 1) {
            found = bands + " samples per pixel (" + (bands >= 3 ? "a colour image" : "grey with alpha") + ")";
        } else if (model.getDataType() == DataBuffer.TYPE_FLOAT || model.getDataType() == DataBuffer.TYPE_DOUBLE) {
            found = bits + "-bit floating-point samples";
        } else if (model.getDataType() == DataBuffer.TYPE_BYTE && bits == 8) {
            return SampleType.UINT8;
        } else if (model.getDataType() == DataBuffer.TYPE_USHORT && bits == 16) {
            return SampleType.UINT16;
        } else if (model.getDataType() == DataBuffer.TYPE_SHORT && bits == 16) {
            return SampleType.INT16;
        } else {
            found = bits + "-bit samples";
        }
        throw new InvalidInputException(field, file.getFileName() + " (page " + (p + 1) + ": " + found + ")",
                ALLOWED);
    }

    /** One decoded page, the values handed on, the file's stream buffer. */
    @Override
    long bufferBytes() {
        return (long) size[0] * size[1] * type.bytes() + (long) BinaryValues.CHUNK * Integer.BYTES + (1 << 16);
    }

    @Override
    void stream(ValueSink sink) throws IOException {
        int[] values = new int[BinaryValues.CHUNK];
        int[] row = new int[size[0]];
        int filled = 0;
        int pagesPerFile = files.size() == 1 ? size[2] : 1;
        for (Path file : files) {
            ImageReader reader = PROVIDER.createReaderInstance(null);
            try (ImageInputStream in = new BufferedFileImageInputStream(file.toFile())) {
                reader.setInput(in, false, true);
                for (int p = 0; p < pagesPerFile; p++) {
                    Raster page = decode(reader, p, file);
                    for (int y = 0; y < size[1]; y++) {
                        page.getSamples(page.getMinX(), page.getMinY() + y, size[0], 1, 0, row);
                        int x = 0;
                        while (x < size[0]) {
                            int n = Math.min(size[0] - x, values.length - filled);
                            System.arraycopy(row, x, values, filled, n);
                            filled += n;
                            x += n;
                            if (filled == values.length) {
                                sink.accept(values, filled);
                                filled = 0;
                            }
                        }
                    }
                }
            } finally {
                reader.dispose();
            }
        }
        if (filled > 0) {
            sink.accept(values, filled);
        }
    }

    /** @return page {@code p}, checked against the header (a file changed since it was opened is refused) */
    private Raster decode(ImageReader reader, int p, Path file) throws IOException {
        Raster page;
        try {
            page = reader.readRaster(p, null);
        } catch (RuntimeException e) {
            throw new IIOException("page " + (p + 1) + " of " + file.getFileName() + " could not be decoded", e);
        }
        if (page.getWidth() != size[0] || page.getHeight() != size[1] || page.getNumBands() != 1) {
            throw new InvalidInputException(field, file.getFileName() + " (page " + (p + 1) + " decodes to "
                    + page.getWidth() + " x " + page.getHeight() + " pixels of " + page.getNumBands() + " samples)",
                    ALLOWED);
        }
        return page;
    }
}
