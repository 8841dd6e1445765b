package org.calsim.fem.microstructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.calsim.api.structure.VoxelImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The slice pictures: the voxel map on a larger canvas with a legend, a scale bar and axes. */
class SliceImagesTest {
    private static final int[] COLOURS = {0x000000, 0xD0D0D0, 0xC03030};

    @TempDir
    Path dir;

    /** 40 x 30 x 20 voxels of 0.5 µm: stripes of the three phases along x, shifted with z. */
    private static VoxelImage stripes() {
        int nx = 40;
        int ny = 30;
        int nz = 20;
        byte[] labels = new byte[nx * ny * nz];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    labels[i + nx * (j + ny * k)] = (byte) ((i / 7 + j / 11 + k / 5) % 3);
                }
            }
        }
        return new VoxelImage(nx, ny, nz, 0.5e-6, labels, List.of("pore", "AM", "CBD"));
    }

    private static int rgb(BufferedImage png, int x, int y) {
        return png.getRGB(x, y) & 0xFFFFFF;
    }

    /**
     * The xy slice: each voxel in its phase colour inside the map area of a canvas larger than the map, each
     * phase's colour square in the legend, and a scale bar of 5 µm (the 1-2-5 length nearest to a fifth of the 20
     * µm width) drawn 5 µm / 0.5 µm × 8 pixels per voxel = 80 pixels long.
     */
    @Test
    void xySliceHasTheMapLegendAndScaleBar() throws Exception {
        VoxelImage image = stripes();
        Path file = dir.resolve("xy.png");
        int k = 12;
        SliceImages.xy(image, k, file);
        BufferedImage png = ImageIO.read(file.toFile());
        SliceImages.Layout at = SliceImages.layout(40, 30, 0.5e-6, 3);
        assertEquals(8, at.scale(), "1024 / 40 voxels, at most 8 pixels per voxel");
        assertEquals(at.width(), png.getWidth());
        assertEquals(at.height(), png.getHeight());
        assertTrue(png.getWidth() > at.mapWidth() + 100 && png.getHeight() > at.mapHeight() + 60,
                "a canvas larger than the map: " + png.getWidth() + " x " + png.getHeight());
        for (int j = 0; j < 30; j++) {
            for (int i = 0; i < 40; i++) {
                int x = at.left() + i * 8 + 4;
                int y = at.top() + (29 - j) * 8 + 4;
                assertEquals(COLOURS[image.labels()[image.index(i, j, k)]], rgb(png, x, y), "voxel " + i + ", " + j);
            }
        }
        for (int p = 0; p < 3; p++) {
            for (int[] d : new int[][] {{1, 1}, {8, 8}, {14, 14}}) {
                assertEquals(COLOURS[p], rgb(png, at.legendX() + d[0], at.swatchY(p) + d[1]), "legend of phase " + p);
            }
        }
        assertTrue(at.legendX() > at.left() + at.mapWidth(), "the legend beside the map");

        assertEquals(5.0, at.barMicrons(), 0);
        assertEquals(80, at.barPixels());
        int row = at.barY() + 4;
        int run = 0;
        while (rgb(png, at.barX() + run, row) == 0) {
            run++;
        }
        assertEquals(80, run, "the bar's black pixels");
        assertEquals(0xFFFFFF, rgb(png, at.barX() - 1, row), "white before the bar");
        assertTrue(at.barY() > at.top() + at.mapHeight(), "the bar below the map");
    }

    /** The xz slice is drawn with its own size (40 x 20 voxels) and the collector at the bottom. */
    @Test
    void xzSliceHasTheCollectorAtTheBottom() throws Exception {
        VoxelImage image = stripes();
        Path file = dir.resolve("xz.png");
        SliceImages.xz(image, 3, file);
        BufferedImage png = ImageIO.read(file.toFile());
        SliceImages.Layout at = SliceImages.layout(40, 20, 0.5e-6, 3);
        assertEquals(at.height(), png.getHeight());
        for (int kk = 0; kk < 20; kk++) {
            int y = at.top() + (19 - kk) * 8 + 4;
            assertEquals(COLOURS[image.labels()[image.index(0, 3, kk)]], rgb(png, at.left() + 4, y), "z " + kk);
        }
    }

    /**
     * Scale-bar lengths: the 1-2-5 number nearest on a log scale; tick steps: the smallest 1-2-5 number at least 50
     * pixels long.
     */
    @Test
    void niceLengthsFollowTheOneTwoFiveSequence() {
        assertEquals(5, SliceImages.tickStep(16), 0, "2 um would be 32 pixels");
        assertEquals(50, SliceImages.tickStep(1), 0);
        assertEquals(100, SliceImages.tickStep(0.9), 0, "50 um would be 45 pixels");
        assertEquals(5, SliceImages.niceLength(4), 0);
        assertEquals(10, SliceImages.niceLength(9.4), 0);
        assertEquals(2, SliceImages.niceLength(3), 0);
        assertEquals(200, SliceImages.niceLength(150), 0);
        assertEquals(1, SliceImages.niceLength(1), 0);
        assertEquals(0.05, SliceImages.niceLength(0.07), 1e-15);
    }
}
