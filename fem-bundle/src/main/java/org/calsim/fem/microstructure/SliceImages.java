package org.calsim.fem.microstructure;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.calsim.api.structure.VoxelImage;

/**
 * PNG cross-sections of a voxel image coloured by phase, as in the review's Fig. 8a: pores black, active
 * material light grey, CBD red (other phases blue). Each voxel is drawn as a square of several pixels (up to
 * 1024 pixels across).
 */
final class SliceImages {
    private static final int[] COLOURS = {0x000000, 0xD0D0D0, 0xC03030, 0x3060C0};

    private SliceImages() {
    }

    /** Writes the xy slice at height k. */
    static void xy(VoxelImage image, int k, Path file) throws IOException {
        write(image, image.nx(), image.ny(), (u, w) -> image.index(u, image.ny() - 1 - w, k), file);
    }

    /** Writes the xz slice at y index j, collector at the bottom. */
    static void xz(VoxelImage image, int j, Path file) throws IOException {
        write(image, image.nx(), image.nz(), (u, w) -> image.index(u, j, image.nz() - 1 - w), file);
    }

    private interface Index {
        int of(int column, int row);
    }

    private static void write(VoxelImage image, int width, int height, Index index, Path file) throws IOException {
        int scale = Math.max(1, Math.min(8, 1024 / Math.max(width, height)));
        BufferedImage png = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        for (int w = 0; w < height; w++) {
            for (int u = 0; u < width; u++) {
                int label = image.labels()[index.of(u, w)];
                int rgb = COLOURS[Math.min(label, COLOURS.length - 1)];
                for (int a = 0; a < scale; a++) {
                    for (int b = 0; b < scale; b++) {
                        png.setRGB(u * scale + a, w * scale + b, rgb);
                    }
                }
            }
        }
        ImageIO.write(png, "png", file.toFile());
    }
}
