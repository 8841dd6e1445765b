package org.calsim.support.vtk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by {@link VtkXmlFile} read back by the rules of the VTK XML format (each array's offset counted from
 * the byte after the underscore, a UInt64 byte count, then the values little-endian), with a reader written here
 * from the format description, not from the writer.
 */
class VtkXmlFileTest {
    @TempDir
    Path dir;

    /** The bytes of an array: its declared type, component count and values from its offset. */
    static ByteBuffer array(byte[] file, String name, String type, int components) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("<DataArray type=\"" + type + "\" Name=\"" + name + "\" NumberOfComponents=\""
                + components + "\" format=\"appended\" offset=\"(\\d+)\"/>").matcher(text);
        assertTrue(m.find(), name + " declared as " + type + " x " + components);
        int start = text.indexOf("<AppendedData encoding=\"raw\">");
        int underscore = text.indexOf('_', start) + 1;
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        b.position(underscore + Integer.parseInt(m.group(1)));
        long bytes = b.getLong();
        ByteBuffer values = b.slice().order(ByteOrder.LITTLE_ENDIAN);
        values.limit((int) bytes);
        return values;
    }

    /**
     * A 3 × 2 × 2 image with a UInt8 label and a Float32 vector per cell: extent, spacing, the active attributes, and
     * every value back in order (x fastest, components fastest); the file ends as an XML document.
     */
    @Test
    void anImageHasItsCellArraysAppendedRaw() throws Exception {
        Path file = dir.resolve("image.vti");
        VtkXmlFile.image(3, 2, 2, 2.5e-7).comment("phases: pore, solid")
                .array("phase", VtkXmlFile.Type.UINT8, 1, i -> i % 3)
                .array("velocity", VtkXmlFile.Type.FLOAT32, 3, i -> 0.5 * i).write(file);
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("<!-- phases: pore, solid -->"));
        assertTrue(text.contains("WholeExtent=\"0 3 0 2 0 2\"") && text.contains("Spacing=\"2.50000000e-07 "));
        assertTrue(text.contains("<CellData Scalars=\"phase\" Vectors=\"velocity\">"), text.substring(0, 600));
        assertTrue(text.endsWith("</AppendedData>\n</VTKFile>\n"));
        ByteBuffer phase = array(bytes, "phase", "UInt8", 1);
        assertEquals(12, phase.remaining());
        for (int i = 0; i < 12; i++) {
            assertEquals(i % 3, phase.get());
        }
        ByteBuffer velocity = array(bytes, "velocity", "Float32", 3);
        assertEquals(36 * 4, velocity.remaining());
        for (int i = 0; i < 36; i++) {
            assertEquals(0.5f * i, velocity.getFloat());
        }
    }

    /**
     * Three particles: their coordinates (Float64, exact), a radius and an Int32 type per point, and one vertex per
     * point (connectivity 0, 1, 2; offsets 1, 2, 3), so that ParaView draws every point.
     */
    @Test
    void particlesArePointsWithVerticesAndPointArrays() throws Exception {
        Path file = dir.resolve("particles.vtp");
        double[] xyz = {1e-6, 2e-6, 3e-6, 4.25e-6, 5e-6, 6e-6, 7e-6, 8e-6, 9.125e-6};
        VtkXmlFile.points(3, i -> xyz[i]).array("radius", VtkXmlFile.Type.FLOAT64, 1, i -> 5e-6 + i * 1e-7)
                .array("type", VtkXmlFile.Type.INT32, 1, i -> i == 2 ? 1 : 0).write(file);
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(new String(bytes, StandardCharsets.ISO_8859_1).contains("NumberOfPoints=\"3\" NumberOfVerts=\"3\""));
        ByteBuffer points = array(bytes, "Points", "Float64", 3);
        for (double v : xyz) {
            assertEquals(v, points.getDouble(), 0);
        }
        ByteBuffer radius = array(bytes, "radius", "Float64", 1);
        for (int i = 0; i < 3; i++) {
            assertEquals(5e-6 + i * 1e-7, radius.getDouble(), 0);
        }
        ByteBuffer type = array(bytes, "type", "Int32", 1);
        assertEquals(0, type.getInt());
        assertEquals(0, type.getInt());
        assertEquals(1, type.getInt());
        ByteBuffer connectivity = array(bytes, "connectivity", "Int32", 1);
        ByteBuffer offsets = array(bytes, "offsets", "Int32", 1);
        for (int i = 0; i < 3; i++) {
            assertEquals(i, connectivity.getInt());
            assertEquals(i + 1, offsets.getInt());
        }
    }

    /** Arrays the format or the index cannot hold are refused when declared. */
    @Test
    void impossibleArraysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> VtkXmlFile.image(0, 1, 1, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> VtkXmlFile.image(2, 2, 2, 1e-6)
                .array("bad name", VtkXmlFile.Type.UINT8, 1, i -> 0));
        assertThrows(IllegalArgumentException.class, () -> VtkXmlFile.image(1024, 1024, 1024, 1e-6)
                .array("velocity", VtkXmlFile.Type.FLOAT32, 3, i -> 0));
    }

    /** A comment cannot end the XML comment early: "--" (and "---") are written apart. */
    @Test
    void aCommentStaysAComment() throws Exception {
        Path file = dir.resolve("comment.vtp");
        VtkXmlFile.points(0, i -> 0).comment("phases a--b c---d").write(file);
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("<!-- phases a- -b c- - -d -->"), text);
    }
}
