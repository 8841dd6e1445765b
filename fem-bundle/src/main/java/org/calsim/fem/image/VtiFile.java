package org.calsim.fem.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.calsim.api.stage.InvalidInputException;

/**
 * VTK XML image data ({@code .vti}) with one piece: the voxel values are one scalar {@code DataArray} of the cell
 * data (one value per voxel, as calsim writes it) or of the point data (one value per grid point, as many image
 * tools write a stack), x fastest. The array is the one the job names, else the one called {@code phase}, else the
 * only one.
 *
 * <p>Encodings read: {@code ascii}; inline {@code binary} (base64); {@code appended} raw (ParaView's default and
 * calsim's) or base64; each binary form uncompressed or compressed by {@code vtkZLibDataCompressor}, with
 * {@code UInt32} or {@code UInt64} headers in either byte order. An uncompressed array is preceded by a header word
 * holding its byte count; a compressed one by [blocks, block size, size of a partial last block (0: full),
 * compressed size of each block] and then the zlib streams of the blocks. In base64 the compression header is
 * encoded on its own, the uncompressed header together with its data (as VTK's writer does).
 *
 * <p>The voxel spacing in the file is not read: the job states the voxel size and its unit.
 */
final class VtiFile extends Volume {
    static final String ALLOWED = "a VTK XML image data file (.vti) with one piece and a scalar array of UInt8, "
            + "Int8, UInt16, Int16 or Int32 values, ascii, base64 or appended raw, uncompressed or zlib-compressed";
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z_:][-\\w.:]*)\\s*=\\s*\"([^\"]*)\"");
    private static final int MAX_TAG = 1 << 20;
    /** Largest compression header accepted [bytes]: 8 million blocks of UInt64 sizes. */
    private static final long MAX_HEADER = 1L << 26;

    /** One {@code DataArray} element of the point or cell data. */
    private record DataArray(Map<String, String> attributes, boolean cells, long contentStart, long contentEnd) {
        String get(String name, String otherwise) {
            return attributes.getOrDefault(name, otherwise);
        }
    }

    private final Path file;
    private final DataArray array;
    private final ByteOrder order;
    private final int headerBytes;
    private final boolean zlib;
    private final boolean base64;
    private final long dataStart;
    /** bytes of the decompression buffers, found when the data header is read */
    private long blockBytes;

    private VtiFile(Path file, String field, int[] size, SampleType type, DataArray array, ByteOrder order,
                    int headerBytes, boolean zlib, boolean base64, long dataStart) {
        super(size, type, field);
        this.file = file;
        this.array = array;
        this.order = order;
        this.headerBytes = headerBytes;
        this.zlib = zlib;
        this.base64 = base64;
        this.dataStart = dataStart;
    }

    /**
     * Reads the XML part of the file and the array's data header, and checks that the data the header announces
     * is the size of the image.
     *
     * @param field      job-file field of the file, for messages
     * @param arrayName  the array to read, or {@code null} for {@code phase} or the only one
     * @param arrayField job-file field of {@code arrayName}, for messages
     * @throws InvalidInputException naming the field and what is wrong, never quoting the file
     */
    static VtiFile open(Path file, String field, String arrayName, String arrayField) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Tags tags = new Tags(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
            Map<String, Map<String, String>> elements = new HashMap<>();
            List<DataArray> arrays = new ArrayList<>();
            int pieces = 0;
            String section = null;
            long appended = -1;
            String appendedEncoding = null;
            long openArray = -1;
            Map<String, String> openAttributes = null;
            for (String tag = tags.next(); tag != null; tag = tags.next()) {
                String name = (tag.startsWith("/") ? "/" : "") + tag.substring(tag.startsWith("/") ? 1 : 0)
                        .split("[\\s/]", 2)[0];
                if (name.equals("/DataArray") && openAttributes != null) {
                    arrays.add(new DataArray(openAttributes, "CellData".equals(section), openArray, tags.tagStart));
                    openAttributes = null;
                } else if (name.equals("/PointData") || name.equals("/CellData")) {
                    section = null;
                } else if (name.equals("PointData") || name.equals("CellData")) {
                    section = tag.endsWith("/") ? null : name;
                } else if (name.equals("DataArray") && section != null) {
                    Map<String, String> attributes = attributes(tag);
                    if (tag.endsWith("/")) {
                        arrays.add(new DataArray(attributes, "CellData".equals(section), -1, -1));
                    } else {
                        openAttributes = attributes;
                        openArray = tags.position;
                    }
                } else if (name.equals("Piece")) {
                    pieces++;
                    elements.put(name, attributes(tag));
                } else if (name.equals("VTKFile") || name.equals("ImageData")) {
                    elements.put(name, attributes(tag));
                } else if (name.equals("AppendedData")) {
                    appendedEncoding = attributes(tag).getOrDefault("encoding", "");
                    appended = tags.skipToUnderscore();
                    break;
                }
            }
            Map<String, String> vtk = elements.get("VTKFile");
            if (vtk == null || !"ImageData".equals(vtk.get("type")) || pieces != 1) {
                throw problem(field, file, vtk == null ? "not a VTK XML file"
                        : !"ImageData".equals(vtk.get("type")) ? "not image data" : pieces + " pieces instead of one");
            }
            DataArray chosen = choose(arrays, arrayName, arrayField, field, file);
            return describe(file, field, vtk, elements.get("Piece"), chosen, appended, appendedEncoding);
        } catch (IOException e) {
            throw InvalidInputException.inFile(field, file, 0, 0, ALLOWED);
        }
    }

    private static DataArray choose(List<DataArray> arrays, String name, String arrayField, String field, Path file) {
        if (name != null) {
            return arrays.stream().filter(a -> name.equals(a.get("Name", null))).findFirst().orElseThrow(() ->
                    new InvalidInputException(arrayField, name, "the name of a point or cell data array of "
                            + file.getFileName()));
        }
        List<DataArray> phase = arrays.stream().filter(a -> "phase".equals(a.get("Name", null))).toList();
        if (phase.size() == 1) {
            return phase.get(0);
        }
        if (arrays.size() != 1) {
            throw new InvalidInputException(arrayField, null, "the name of the array to read: "
                    + file.getFileName() + " holds " + arrays.size() + " point and cell data arrays, none called "
                    + "phase");
        }
        return arrays.get(0);
    }

    private static VtiFile describe(Path file, String field, Map<String, String> vtk, Map<String, String> piece,
                                    DataArray array, long appended, String appendedEncoding) throws IOException {
        SampleType type = SampleType.ofVtk(array.get("type", ""));
        if (type == null) {
            throw problem(field, file, "an array type that is not supported");
        }
        if (!"1".equals(array.get("NumberOfComponents", "1"))) {
            throw problem(field, file, "an array with several components");
        }
        int[] extent = numbers(piece.get("Extent"), field, file);
        int[] size = new int[3];
        for (int a = 0; a < 3; a++) {
            long n = (long) extent[2 * a + 1] - extent[2 * a] + (array.cells() ? 0 : 1);
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw problem(field, file, "an empty extent");
            }
            size[a] = (int) n;
        }
        ByteOrder order = "BigEndian".equals(vtk.get("byte_order")) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        String headerType = vtk.getOrDefault("header_type", "UInt32");
        if (!headerType.equals("UInt32") && !headerType.equals("UInt64")) {
            throw problem(field, file, "a header type other than UInt32 and UInt64");
        }
        String compressor = vtk.getOrDefault("compressor", "");
        if (!compressor.isEmpty() && !compressor.equals("vtkZLibDataCompressor")) {
            throw problem(field, file, "a compressor other than zlib");
        }
        String format = array.get("format", "");
        long start;
        boolean base64;
        switch (format) {
            case "ascii", "binary" -> {
                if (array.contentStart() < 0) {
                    throw problem(field, file, "an empty inline array");
                }
                start = array.contentStart();
                base64 = format.equals("binary");
            }
            case "appended" -> {
                long offset = parseLong(array.get("offset", ""), field, file);
                if (appended < 0 || offset < 0 || !appendedEncoding.equals("raw") && !appendedEncoding.equals("base64")) {
                    throw problem(field, file, "no raw or base64 appended data for an appended array");
                }
                start = appended + offset;
                base64 = appendedEncoding.equals("base64");
            }
            default -> throw problem(field, file, "an array format other than ascii, binary and appended");
        }
        VtiFile vti = new VtiFile(file, field, size, type, array, order, headerType.equals("UInt64") ? 8 : 4,
                !compressor.isEmpty(), base64, start);
        if (!format.equals("ascii")) {
            try (InputStream data = vti.data()) {
                vti.blockBytes = data instanceof ZlibBlocks blocks ? blocks.bufferBytes() : 0;
            }
        }
        return vti;
    }

    @Override
    long bufferBytes() {
        return BinaryValues.bufferBytes(type) + blockBytes;
    }

    @Override
    void stream(ValueSink sink) throws IOException {
        long count = (long) size[0] * size[1] * size[2];
        if ("ascii".equals(array.get("format", ""))) {
            try (InputStream in = from(dataStart)) {
                AsciiValues.stream(in, array.contentEnd() - array.contentStart(), count, sink, field, file);
            }
            return;
        }
        try (InputStream in = data()) {
            BinaryValues.stream(in, type, order, count, sink, field, file);
        }
    }

    /** @return the array's decoded, decompressed bytes, after its header was checked against the extent */
    private InputStream data() throws IOException {
        long bytes = (long) size[0] * size[1] * size[2] * type.bytes();
        InputStream in = from(dataStart);
        if (base64) {
            in = new Base64Text(in, array.contentEnd() < 0 ? Long.MAX_VALUE : array.contentEnd() - dataStart);
        }
        try {
            if (!zlib) {
                InputStream decoded = base64 ? Base64.getDecoder().wrap(in) : in;
                long announced = word(decoded.readNBytes(headerBytes), 0);
                if (announced < 0) {
                    throw problem("a data header that is cut off");
                }
                if (announced != bytes) {
                    throw mismatch(bytes, announced);
                }
                return decoded;
            }
            byte[] header;
            if (base64) {
                // the compression header is a base64 text of its own: its three fixed words are 4 w characters
                byte[] first = in.readNBytes(4 * headerBytes);
                int total = checkedHeader(word(Base64.getDecoder().decode(first), 0));
                byte[] text = Arrays.copyOf(first, 4 * ((total + 2) / 3));
                byte[] rest = in.readNBytes(text.length - first.length);
                System.arraycopy(rest, 0, text, first.length, rest.length);
                header = Base64.getDecoder().decode(text);
                in = Base64.getDecoder().wrap(in);
            } else {
                byte[] fixed = in.readNBytes(3 * headerBytes);
                int total = checkedHeader(word(fixed, 0));
                header = Arrays.copyOf(fixed, total);
                byte[] rest = in.readNBytes(total - fixed.length);
                System.arraycopy(rest, 0, header, fixed.length, rest.length);
            }
            return ZlibBlocks.of(in, header, headerBytes, order, bytes, this::problem);
        } catch (IllegalArgumentException | IOException e) {
            in.close();
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw problem("a data header that cannot be decoded");
        }
    }

    /** @return the bytes of a compression header of {@code blocks} blocks, checked to be plausible */
    private int checkedHeader(long blocks) {
        if (blocks < 0 || blocks > MAX_HEADER / headerBytes - 3) {
            throw problem("a compression header that cannot be decoded");
        }
        return (int) ((3 + blocks) * headerBytes);
    }

    private InvalidInputException mismatch(long bytes, long announced) {
        return new InvalidInputException(field, file.getFileName() + " (an extent of " + size[0] + " x " + size[1]
                + " x " + size[2] + " " + type.jobName() + " values needs " + bytes + " bytes, the array holds "
                + announced + ")", "a .vti file whose extent matches its data");
    }

    /** @return word {@code index} of a header in the file's byte order, or -1 if the header is cut off */
    private long word(byte[] header, int index) {
        if (header.length < (index + 1) * headerBytes) {
            return -1;
        }
        ByteBuffer b = ByteBuffer.wrap(header, index * headerBytes, headerBytes).order(order);
        return headerBytes == 8 ? b.getLong() : b.getInt() & 0xffffffffL;
    }

    private InputStream from(long position) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(position);
        return new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
    }

    private InvalidInputException problem(String what) {
        return problem(field, file, what);
    }

    static InvalidInputException problem(String field, Path file, String what) {
        return new InvalidInputException(field, file.getFileName() + " (" + what + ")", ALLOWED);
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> map = new HashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            map.put(m.group(1), m.group(2));
        }
        return map;
    }

    private static int[] numbers(String text, String field, Path file) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s+");
        if (parts.length != 6) {
            throw problem(field, file, "a piece without a six-number extent");
        }
        int[] out = new int[6];
        for (int i = 0; i < 6; i++) {
            long v = parseLong(parts[i], field, file);
            if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                throw problem(field, file, "an extent out of range");
            }
            out[i] = (int) v;
        }
        return out;
    }

    private static long parseLong(String text, String field, Path file) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw problem(field, file, "a number that cannot be read in an extent or offset");
        }
    }

    /** The tags of an XML file read one after the other, with their byte positions; text between them skipped. */
    private static final class Tags {
        private final InputStream in;
        /** byte position after the last tag read */
        long position;
        /** byte position of the last tag's {@code <} */
        long tagStart;

        Tags(InputStream in) {
            this.in = in;
        }

        /** @return the next tag without its angle brackets, comments and declarations skipped; null at the end */
        String next() throws IOException {
            while (true) {
                int c;
                do {
                    c = in.read();
                    position++;
                } while (c >= 0 && c != '<');
                if (c < 0) {
                    return null;
                }
                tagStart = position - 1;
                StringBuilder tag = new StringBuilder();
                boolean quoted = false;
                while (true) {
                    c = in.read();
                    position++;
                    if (c < 0 || tag.length() > MAX_TAG) {
                        return null;
                    }
                    boolean comment = tag.length() >= 3 && tag.charAt(0) == '!' && tag.charAt(1) == '-';
                    if (c == '>' && !quoted && (!comment || tag.length() >= 5 && tag.charAt(tag.length() - 1) == '-'
                            && tag.charAt(tag.length() - 2) == '-')) {
                        break;
                    }
                    quoted ^= c == '"' && !comment;
                    tag.append((char) c);
                }
                if (!tag.isEmpty() && tag.charAt(0) != '!' && tag.charAt(0) != '?') {
                    return tag.toString();
                }
            }
        }

        /** @return the byte position after the {@code _} that starts appended data, or -1 if there is none */
        long skipToUnderscore() throws IOException {
            int c;
            do {
                c = in.read();
                position++;
            } while (c >= 0 && c != '_');
            return c < 0 ? -1 : position;
        }
    }
}
