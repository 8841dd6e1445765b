package org.calsim.cfd.permeability;

import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The velocity field of a flow through a voxel image: VTK ImageData ({@code .vti}) with the cell arrays
 * {@code velocity} (normalised so that the largest speed is 1; Stokes flow scales linearly with the driving
 * pressure gradient) and {@code solid} for ParaView, and PNG slices of the speed (solid black, speed from dark
 * blue to yellow).
 */
final class VelocityOutput {
    private VelocityOutput() {
    }

    /** Writes the field, 3 components per voxel (x fastest), normalised by the largest speed. */
    static void vti(int[] n, double voxelSize, double[] velocity, boolean[] solid, Path file) throws IOException {
        double max = maxSpeed(velocity);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("<?xml version=\"1.0\"?>\n<!-- velocity normalised by its largest magnitude -->\n");
            w.write("<VTKFile type=\"ImageData\" version=\"0.1\" byte_order=\"LittleEndian\">\n");
            w.write(String.format(Locale.ROOT, "<ImageData WholeExtent=\"0 %d 0 %d 0 %d\" Origin=\"0 0 0\" "
                    + "Spacing=\"%.9g %.9g %.9g\">\n", n[0], n[1], n[2], voxelSize, voxelSize, voxelSize));
            w.write(String.format(Locale.ROOT, "<Piece Extent=\"0 %d 0 %d 0 %d\">\n"
                    + "<CellData Vectors=\"velocity\" Scalars=\"solid\">\n", n[0], n[1], n[2]));
            w.write("<DataArray type=\"Float32\" Name=\"velocity\" NumberOfComponents=\"3\" format=\"ascii\">\n");
            int cells = n[0] * n[1] * n[2];
            for (int v = 0; v < cells; v++) {
                w.write(String.format(Locale.ROOT, "%.5g %.5g %.5g", velocity[3 * v] / max,
                        velocity[3 * v + 1] / max, velocity[3 * v + 2] / max));
                w.write((v + 1) % n[0] == 0 ? '\n' : ' ');
            }
            w.write("</DataArray>\n<DataArray type=\"UInt8\" Name=\"solid\" format=\"ascii\">\n");
            for (int v = 0; v < cells; v++) {
                w.write(solid[v] ? '1' : '0');
                w.write((v + 1) % n[0] == 0 ? '\n' : ' ');
            }
            w.write("</DataArray>\n</CellData>\n</Piece>\n</ImageData>\n</VTKFile>\n");
        }
    }

    /**
     * Writes the speed on the slice through the voxels index(column, row) as a PNG (row 0 at the top).
     *
     * @param index voxel of (column, row)
     */
    static void png(int width, int height, Index index, double[] velocity, boolean[] solid, Path file)
            throws IOException {
        double max = maxSpeed(velocity);
        int scale = Math.max(1, Math.min(8, 1024 / Math.max(width, height)));
        BufferedImage png = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                int v = index.of(col, row);
                int rgb = solid[v] ? 0 : colour(speed(velocity, v) / max);
                for (int a = 0; a < scale; a++) {
                    for (int b = 0; b < scale; b++) {
                        png.setRGB(col * scale + a, row * scale + b, rgb);
                    }
                }
            }
        }
        ImageIO.write(png, "png", file.toFile());
    }

    /** Voxel of a slice pixel. */
    @FunctionalInterface
    interface Index {
        int of(int column, int row);
    }

    private static double speed(double[] u, int v) {
        return Math.sqrt(u[3 * v] * u[3 * v] + u[3 * v + 1] * u[3 * v + 1] + u[3 * v + 2] * u[3 * v + 2]);
    }

    private static double maxSpeed(double[] u) {
        double max = 0;
        for (int v = 0; v < u.length / 3; v++) {
            max = Math.max(max, speed(u, v));
        }
        return max > 0 ? max : 1;
    }

    /** @return dark blue (0) through teal to yellow (1) */
    private static int colour(double s) {
        double t = Math.max(0, Math.min(1, s));
        int r = (int) (255 * Math.min(1, Math.max(0, 1.6 * t - 0.5)));
        int g = (int) (40 + 200 * t);
        int b = (int) (120 + 80 * Math.sin(Math.PI * t) - 100 * t);
        return (r << 16) | (Math.min(255, g) << 8) | Math.max(0, Math.min(255, b));
    }
}
