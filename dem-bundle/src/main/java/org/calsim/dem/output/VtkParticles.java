package org.calsim.dem.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.calsim.dem.engine.Particles;

/**
 * Writes particles as a VTK PolyData file ({@code .vtp}, XML, ASCII) for ParaView: one vertex per sphere with
 * point data {@code radius} [m], {@code type} (material index), {@code velocity} [m/s] and
 * {@code force_magnitude} [N]. In ParaView, show spheres with the "Point Gaussian" representation scaled by
 * {@code radius} (or a Glyph filter with a sphere source scaled by radius, factor 2 for the diameter).
 */
public final class VtkParticles {
    private VtkParticles() {
    }

    /** Writes the current state of {@code p} to {@code file}. */
    public static void write(Particles p, Path file) throws IOException {
        int n = p.size();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("<?xml version=\"1.0\"?>\n");
            w.write("<VTKFile type=\"PolyData\" version=\"0.1\" byte_order=\"LittleEndian\">\n<PolyData>\n");
            w.write(String.format(Locale.ROOT,
                    "<Piece NumberOfPoints=\"%d\" NumberOfVerts=\"%d\" NumberOfLines=\"0\" NumberOfStrips=\"0\" "
                            + "NumberOfPolys=\"0\">\n", n, n));
            w.write("<Points>\n<DataArray type=\"Float64\" NumberOfComponents=\"3\" format=\"ascii\">\n");
            for (int i = 0; i < n; i++) {
                w.write(String.format(Locale.ROOT, "%.9g %.9g %.9g\n", p.x(i), p.y(i), p.z(i)));
            }
            w.write("</DataArray>\n</Points>\n<PointData Scalars=\"radius\">\n");
            w.write("<DataArray type=\"Float64\" Name=\"radius\" format=\"ascii\">\n");
            for (int i = 0; i < n; i++) {
                w.write(String.format(Locale.ROOT, "%.9g\n", p.radius(i)));
            }
            w.write("</DataArray>\n<DataArray type=\"Int32\" Name=\"type\" format=\"ascii\">\n");
            for (int i = 0; i < n; i++) {
                w.write(Integer.toString(p.type(i)));
                w.write('\n');
            }
            w.write("</DataArray>\n<DataArray type=\"Float64\" Name=\"velocity\" NumberOfComponents=\"3\" "
                    + "format=\"ascii\">\n");
            for (int i = 0; i < n; i++) {
                w.write(String.format(Locale.ROOT, "%.6g %.6g %.6g\n", p.velocity(i, 0), p.velocity(i, 1),
                        p.velocity(i, 2)));
            }
            w.write("</DataArray>\n<DataArray type=\"Float64\" Name=\"force_magnitude\" format=\"ascii\">\n");
            for (int i = 0; i < n; i++) {
                w.write(String.format(Locale.ROOT, "%.6g\n", p.forceMagnitude(i)));
            }
            w.write("</DataArray>\n</PointData>\n<Verts>\n");
            w.write("<DataArray type=\"Int32\" Name=\"connectivity\" format=\"ascii\">\n");
            for (int i = 0; i < n; i++) {
                w.write(Integer.toString(i));
                w.write('\n');
            }
            w.write("</DataArray>\n<DataArray type=\"Int32\" Name=\"offsets\" format=\"ascii\">\n");
            for (int i = 1; i <= n; i++) {
                w.write(Integer.toString(i));
                w.write('\n');
            }
            w.write("</DataArray>\n</Verts>\n</Piece>\n</PolyData>\n</VTKFile>\n");
        }
    }
}
