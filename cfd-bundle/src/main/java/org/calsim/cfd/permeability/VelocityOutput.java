package org.calsim.cfd.permeability;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.calsim.support.vtk.VtkXmlFile;

/**
 * The velocity field of a flow through a voxel image: VTK ImageData ({@code .vti}, binary appended raw) with the cell
 * arrays {@code velocity} (Float32, normalised so that the largest speed is 1; Stokes flow scales linearly with the
 * driving pressure gradient) and {@code solid} (UInt8) for ParaView, and PNG slices of the speed (solid black, speed from dark
 * blue to yellow).
 */
final class VelocityOutput {
    private VelocityOutput() {
    }

    /** Writes the field, 3 components per voxel (x fastest), normalised by the largest speed. */
    static void vti(int[] n, double voxelSize, double[] velocity, boolean[] solid, Path file) throws IOException {
        double max = maxSpeed(velocity);
        VtkXmlFile.image(n[0], n[1], n[2], voxelSize).comment("velocity normalised by its largest magnitude")
                .array("velocity", VtkXmlFile.Type.FLOAT32, 3, k -> velocity[k] / max)
                .array("solid", VtkXmlFile.Type.UINT8, 1, v -> solid[v] ? 1 : 0).write(file);
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
