package org.calsim.support.vtk;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * A VTK XML file ({@code .vti} image data or {@code .vtp} poly data) with its arrays in binary, appended raw as
 * ParaView writes them (VTK file format, "XML file formats", appended data): after the XML header comes
 * {@code <AppendedData encoding="raw">}, an underscore, and per array a UInt64 byte count followed by its values,
 * little-endian; each array's {@code offset} attribute is the position of its count after the underscore. A
 * 512³ image of one byte per voxel is a file of 128 MiB instead of 270 MB of text, and it is written and read
 * without parsing numbers.
 *
 * <p>Values come from functions of their index (component fastest), so a field is written as it is held, without
 * a copy. Image data: one cell per voxel, x fastest, spacing the voxel size [m], origin at (0, 0, 0). Poly data: one
 * vertex per point, with its coordinates [m].
 */
public final class VtkXmlFile {
    /** Data type of an array, with its VTK name and its size in bytes. */
    public enum Type {
        /** Unsigned byte. */
        UINT8("UInt8", 1),
        /** 32-bit signed integer. */
        INT32("Int32", 4),
        /** 32-bit float. */
        FLOAT32("Float32", 4),
        /** 64-bit float. */
        FLOAT64("Float64", 8);

        private final String vtk;
        private final int bytes;

        Type(String vtk, int bytes) {
            this.vtk = vtk;
            this.bytes = bytes;
        }
    }

    private record Array(String name, Type type, int components, IntToDoubleFunction value) {
    }

    private final boolean image;
    private final int[] extent;
    private final double spacing;
    private final int points;
    private final List<String> comments = new ArrayList<>();
    private final List<Array> data = new ArrayList<>();
    private Array coordinates;
    private String scalars;
    private String vectors;

    private VtkXmlFile(boolean image, int[] extent, double spacing, int points) {
        this.image = image;
        this.extent = extent;
        this.spacing = spacing;
        this.points = points;
    }

    /**
     * Image data of nx × ny × nz cells.
     *
     * @param spacing voxel size [m]
     */
    public static VtkXmlFile image(int nx, int ny, int nz, double spacing) {
        if (nx < 1 || ny < 1 || nz < 1 || (long) nx * ny * nz > Integer.MAX_VALUE || !(spacing > 0)) {
            throw new IllegalArgumentException("an image needs 1 to 2^31 - 1 cells and a spacing > 0, was " + nx
                    + " x " + ny + " x " + nz + ", " + spacing + " m");
        }
        return new VtkXmlFile(true, new int[] {nx, ny, nz}, spacing, 0);
    }

    /**
     * Poly data: one vertex per point.
     *
     * @param count       number of points
     * @param coordinates coordinate {@code k} (x, y, z) of point {@code i} at index 3i + k [m]
     */
    public static VtkXmlFile points(int count, IntToDoubleFunction coordinates) {
        if (count < 0) {
            throw new IllegalArgumentException("the number of points must be >= 0, was " + count);
        }
        VtkXmlFile f = new VtkXmlFile(false, null, Double.NaN, count);
        f.coordinates = new Array("Points", Type.FLOAT64, 3, coordinates);
        return f;
    }

    /**
     * Adds an XML comment before the file's root element (e.g. what the labels mean); "--", which XML does not allow
     * in a comment, is written "- -".
     */
    public VtkXmlFile comment(String text) {
        comments.add(text.replace("--", "- -").replace("--", "- -"));
        return this;
    }

    /**
     * Adds an array with one tuple per cell (image) or per point (poly data); the first with one component is the
     * active scalars, the first with three the active vectors.
     *
     * @param value component {@code k} of tuple {@code i} at index components·i + k, in the array's unit
     */
    public VtkXmlFile array(String name, Type type, int components, IntToDoubleFunction value) {
        if (components < 1 || !name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("an array needs a name of letters, digits and _ and components >= 1, "
                    + "was " + name + ", " + components);
        }
        long tuples = image ? (long) extent[0] * extent[1] * extent[2] : points;
        if (tuples * components > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an array of at most 2^31 - 1 values, was " + tuples + " x "
                    + components);
        }
        data.add(new Array(name, type, components, value));
        if (components == 1 && scalars == null) {
            scalars = name;
        } else if (components == 3 && vectors == null) {
            vectors = name;
        }
        return this;
    }

    /** Writes the file (replacing one of that name). */
    public void write(Path file) throws IOException {
        long tuples = image ? (long) extent[0] * extent[1] * extent[2] : points;
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n");
        for (String c : comments) {
            xml.append("<!-- ").append(c).append(" -->\n");
        }
        String kind = image ? "ImageData" : "PolyData";
        xml.append("<VTKFile type=\"").append(kind)
                .append("\" version=\"1.0\" byte_order=\"LittleEndian\" header_type=\"UInt64\">\n");
        long[] offset = {0};
        if (image) {
            xml.append(String.format(Locale.ROOT, "  <ImageData WholeExtent=\"0 %d 0 %d 0 %d\" Origin=\"0 0 0\" "
                    + "Spacing=\"%.9g %.9g %.9g\">\n", extent[0], extent[1], extent[2], spacing, spacing, spacing));
            xml.append(String.format(Locale.ROOT, "    <Piece Extent=\"0 %d 0 %d 0 %d\">\n", extent[0], extent[1],
                    extent[2]));
            xml.append("      <CellData").append(activeAttributes()).append(">\n");
            declare(xml, data, tuples, offset);
            xml.append("      </CellData>\n    </Piece>\n  </ImageData>\n");
        } else {
            xml.append("  <PolyData>\n");
            xml.append(String.format(Locale.ROOT, "    <Piece NumberOfPoints=\"%d\" NumberOfVerts=\"%d\" "
                    + "NumberOfLines=\"0\" NumberOfStrips=\"0\" NumberOfPolys=\"0\">\n", points, points));
            xml.append("      <PointData").append(activeAttributes()).append(">\n");
            declare(xml, data, tuples, offset);
            xml.append("      </PointData>\n      <Points>\n");
            declare(xml, List.of(coordinates), tuples, offset);
            xml.append("      </Points>\n      <Verts>\n");
            declare(xml, verts(), tuples, offset);
            xml.append("      </Verts>\n    </Piece>\n  </PolyData>\n");
        }
        xml.append("  <AppendedData encoding=\"raw\">\n   _");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(xml.toString().getBytes(StandardCharsets.US_ASCII));
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (Array a : data) {
                append(out, buffer, a, tuples);
            }
            if (!image) {
                append(out, buffer, coordinates, tuples);
                for (Array a : verts()) {
                    append(out, buffer, a, tuples);
                }
            }
            out.write("\n  </AppendedData>\n</VTKFile>\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private String activeAttributes() {
        return (scalars != null ? " Scalars=\"" + scalars + "\"" : "") + (vectors != null ? " Vectors=\"" + vectors
                + "\"" : "");
    }

    /** One vertex per point: connectivity i and offsets i + 1. */
    private List<Array> verts() {
        return List.of(new Array("connectivity", Type.INT32, 1, i -> i),
                new Array("offsets", Type.INT32, 1, i -> i + 1));
    }

    private static void declare(StringBuilder xml, List<Array> arrays, long tuples, long[] offset) {
        for (Array a : arrays) {
            xml.append("        <DataArray type=\"").append(a.type.vtk).append("\" Name=\"").append(a.name)
                    .append("\" NumberOfComponents=\"").append(a.components).append("\" format=\"appended\" offset=\"")
                    .append(offset[0]).append("\"/>\n");
            offset[0] += Long.BYTES + tuples * a.components * a.type.bytes;
        }
    }

    private static void append(OutputStream out, ByteBuffer buffer, Array a, long tuples) throws IOException {
        long count = tuples * a.components;
        buffer.clear();
        buffer.putLong(count * a.type.bytes);
        for (long k = 0; k < count; k++) {
            if (buffer.remaining() < Long.BYTES) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            double v = a.value.applyAsDouble((int) k);
            switch (a.type) {
                case UINT8 -> buffer.put((byte) (int) v);
                case INT32 -> buffer.putInt((int) v);
                case FLOAT32 -> buffer.putFloat((float) v);
                default -> buffer.putDouble(v);
            }
        }
        out.write(buffer.array(), 0, buffer.position());
    }
}
