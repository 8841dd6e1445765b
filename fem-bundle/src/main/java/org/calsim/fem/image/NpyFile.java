package org.calsim.fem.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.calsim.api.stage.InvalidInputException;

/**
 * A NumPy {@code .npy} file (format versions 1, 2 and 3): the magic string {@code \x93NUMPY}, the version, the
 * header length and a Python dictionary with {@code descr}, {@code fortran_order} and {@code shape}, then the
 * array's bytes.
 *
 * <p>Convention: a three-dimensional array {@code a[z, y, x]}, so a C-order file of shape {@code (nz, ny, nx)} holds
 * x fastest, like a raw or VTK file. A Fortran-order file holds the same array with its first axis (z) fastest;
 * its axes keep their meaning. Element types {@code |u1 |i1 <u2 <i2 <i4 |b1} and their big-endian forms
 * ({@code >u2 >i2 >i4}).
 */
final class NpyFile extends Volume {
    static final String ALLOWED = "a NumPy .npy file of a three-dimensional array a[z, y, x] of |u1, |i1, <u2, <i2, "
            + "<i4 or |b1 (or the big-endian >u2, >i2, >i4)";
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-z][0-9])'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([0-9,\\s]*)\\)");

    private final Path file;
    private final ByteOrder order;
    private final boolean fortran;
    private final long dataStart;

    private NpyFile(Path file, String field, int[] size, SampleType type, ByteOrder order, boolean fortran,
                    long dataStart) {
        super(size, type, field);
        this.file = file;
        this.order = order;
        this.fortran = fortran;
        this.dataStart = dataStart;
    }

    /**
     * Reads the header and checks that the file holds the array it announces.
     *
     * @param field job-file field of the file, for messages
     * @throws InvalidInputException naming the field and what is wrong, never quoting the file
     */
    static NpyFile open(Path file, String field) {
        byte[] head;
        long length;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            length = Files.size(file);
            byte[] start = in.readNBytes(8);
            if (start.length < 8 || !Arrays.equals(start, 0, 6, MAGIC, 0, 6)) {
                throw problem(field, file, "no NumPy magic string");
            }
            int major = start[6];
            byte[] len = in.readNBytes(major == 1 ? 2 : 4);
            long headerLength = 0;
            for (int b = len.length - 1; b >= 0; b--) {
                headerLength = headerLength << 8 | (len[b] & 0xff);
            }
            if (major < 1 || major > 3 || len.length < 2 || headerLength > 1 << 20) {
                throw problem(field, file, "an unknown format version or header length");
            }
            head = in.readNBytes((int) headerLength);
            if (head.length < headerLength) {
                throw problem(field, file, "the header is cut off");
            }
            return parse(file, field, new String(head, StandardCharsets.ISO_8859_1), 8 + len.length + headerLength,
                    length);
        } catch (IOException e) {
            throw InvalidInputException.inFile(field, file, 0, 0, ALLOWED);
        }
    }

    private static NpyFile parse(Path file, String field, String header, long dataStart, long length) {
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw problem(field, file, "the header lacks descr, fortran_order or shape");
        }
        SampleType type = SampleType.ofNumpy(descr.group(2));
        String byteOrder = descr.group(1);
        boolean oneByte = type != null && type.bytes() == 1;
        boolean orderFits = oneByte ? "|".equals(byteOrder) : !"|".equals(byteOrder);
        if (type == null || !orderFits) {
            throw problem(field, file, "an element type that is not supported");
        }
        String[] dims = shape.group(1).split(",");
        int[] azyx = new int[3];
        int axes = 0;
        for (String d : dims) {
            if (d.isBlank()) {
                continue;
            }
            if (axes == 3) {
                throw problem(field, file, "more than three dimensions");
            }
            if (!d.trim().matches("[0-9]{1,10}")) {
                throw problem(field, file, "a shape that cannot be read");
            }
            long n = Long.parseLong(d.trim());
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw problem(field, file, "an empty or oversized axis");
            }
            azyx[axes++] = (int) n;
        }
        if (axes != 3) {
            throw problem(field, file, axes + " dimensions instead of three");
        }
        long count = (long) azyx[0] * azyx[1] * azyx[2];
        long bytes = count * type.bytes();
        if (length - dataStart != bytes) {
            throw new InvalidInputException(field, file.getFileName() + " (shape " + azyx[0] + " x " + azyx[1]
                    + " x " + azyx[2] + " of " + type.numpy() + " needs " + bytes + " bytes of data, the file has "
                    + (length - dataStart) + ")", "a complete .npy file whose shape matches its data");
        }
        ByteOrder order = ">".equals(byteOrder) ? ByteOrder.BIG_ENDIAN
                : "<".equals(byteOrder) || "|".equals(byteOrder) ? ByteOrder.LITTLE_ENDIAN : ByteOrder.nativeOrder();
        return new NpyFile(file, field, new int[] {azyx[2], azyx[1], azyx[0]}, type, order,
                "True".equals(fortran.group(1)), dataStart);
    }

    private static InvalidInputException problem(String field, Path file, String what) {
        return new InvalidInputException(field, file.getFileName() + " (" + what + ")", ALLOWED);
    }

    @Override
    boolean xFastest() {
        return !fortran;
    }

    @Override
    void stream(ValueSink sink) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.skipNBytes(dataStart);
            BinaryValues.stream(in, type, order, (long) size[0] * size[1] * size[2], sink, field, file);
        }
    }
}
