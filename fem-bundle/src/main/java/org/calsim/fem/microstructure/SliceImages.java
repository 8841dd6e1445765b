package org.calsim.fem.microstructure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.calsim.api.structure.VoxelImage;

/**
 * PNG cross-sections of a voxel image coloured by phase, as in the review's Fig. 8a: pores black, active
 * material light grey, CBD red (other phases blue). Each voxel is drawn as a square of several pixels (at most 8,
 * fewer so that the map stays within 1024 pixels across, more for images under 32 voxels so that it spans at least
 * 256), framed by what a reader needs to read the picture on its own (Java2D, headless):
 * <ul>
 * <li>a title naming the plane and the slice position (the centre of its voxels [µm from the image's origin, z
 * from the collector], and the voxel index);</li>
 * <li>axes in µm along the bottom and the left side, ticks at the smallest 1-2-5 step at least
 * {@value #MIN_TICK_PIXELS} pixels apart ({@link #tickStep});</li>
 * <li>a legend naming each phase of {@link VoxelImage#phases()} beside its colour;</li>
 * <li>a scale bar below the image, its length the 1-2-5 number of µm nearest (on a log scale) to a fifth of the
 * image's width, drawn {@code length / voxel edge × pixels per voxel} pixels long (rounded).</li>
 * </ul>
 */
final class SliceImages {
    private static final int[] COLOURS = {0x000000, 0xD0D0D0, 0xC03030, 0x3060C0};
    private static final int LEFT = 70;
    private static final int TOP = 36;
    private static final int BOTTOM = 92;
    private static final int LEGEND = 150;
    private static final int SWATCH = 16;
    private static final int LEGEND_STEP = 24;
    private static final int BAR_THICKNESS = 8;
    private static final int MIN_CONTENT = 300;
    private static final int MIN_TICK_PIXELS = 50;
    private static final Color INK = Color.BLACK;
    private static final String UM = "\u00b5m";

    /**
     * Where the parts of a slice picture are [pixels from the top left corner of the PNG].
     *
     * @param scale       pixels per voxel edge
     * @param left        first column of the voxel map
     * @param top         first row of the voxel map
     * @param mapWidth    columns of the voxel map
     * @param mapHeight   rows of the voxel map
     * @param width       columns of the PNG
     * @param height      rows of the PNG
     * @param legendX     first column of the legend's colour squares
     * @param legendY     first row of the first colour square (the next ones {@value #LEGEND_STEP} rows apart)
     * @param barX        first column of the scale bar
     * @param barY        first row of the scale bar ({@value #BAR_THICKNESS} rows thick)
     * @param barMicrons  length the scale bar stands for [µm]
     * @param barPixels   length of the scale bar [pixels]
     */
    record Layout(int scale, int left, int top, int mapWidth, int mapHeight, int width, int height, int legendX,
                  int legendY, int barX, int barY, double barMicrons, int barPixels) {

        /** @return the first row of the colour square of phase {@code label} */
        int swatchY(int label) {
            return legendY + label * LEGEND_STEP;
        }
    }

    private SliceImages() {
    }

    /** Writes the xy slice at height k. */
    static void xy(VoxelImage image, int k, Path file) throws IOException {
        String title = String.format(Locale.ROOT, "xy section at z = %s %s from the collector (k = %d of %d)",
                micrometres((k + 0.5) * image.voxelSize()), UM, k, image.nz());
        write(image, image.nx(), image.ny(), (u, w) -> image.index(u, image.ny() - 1 - w, k), title, "x [" + UM + "]",
                "y [" + UM + "]", file);
    }

    /** Writes the xz slice at y index j, collector at the bottom. */
    static void xz(VoxelImage image, int j, Path file) throws IOException {
        String title = String.format(Locale.ROOT, "xz section at y = %s %s (j = %d of %d), collector at the bottom",
                micrometres((j + 0.5) * image.voxelSize()), UM, j, image.ny());
        write(image, image.nx(), image.nz(), (u, w) -> image.index(u, j, image.nz() - 1 - w), title, "x [" + UM + "]",
                "z [" + UM + "]", file);
    }

    /**
     * @param columns   voxels across the picture
     * @param rows      voxels down the picture
     * @param voxelSize voxel edge [m]
     * @param phases    phases in the legend
     * @return where each part of the picture goes
     */
    static Layout layout(int columns, int rows, double voxelSize, int phases) {
        int most = Math.max(columns, rows);
        int scale = Math.max(1, Math.min(1024 / most, Math.max(8, 256 / most)));
        int mapWidth = columns * scale;
        int mapHeight = rows * scale;
        double voxelUm = voxelSize * 1e6;
        double barUm = niceLength(columns * voxelUm / 5);
        int barPixels = (int) Math.round(barUm / voxelUm * scale);
        int width = LEFT + Math.max(mapWidth, Math.max(barPixels + 80, MIN_CONTENT)) + LEGEND;
        int height = TOP + Math.max(mapHeight, Math.max(phases * LEGEND_STEP, 60)) + BOTTOM;
        return new Layout(scale, LEFT, TOP, mapWidth, mapHeight, width, height, LEFT + mapWidth + 16, TOP,
                LEFT, TOP + mapHeight + 66, barUm, barPixels);
    }

    /** @return the number of the 1-2-5 sequence (1, 2, 5, 10, 20, ...) nearest to {@code length} on a log scale */
    static double niceLength(double length) {
        double decade = Math.pow(10, Math.floor(Math.log10(length)));
        double best = decade;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (Math.abs(Math.log(m * decade / length)) < Math.abs(Math.log(best / length))) {
                best = m * decade;
            }
        }
        return best;
    }

    /**
     * @param pixelsPerUm pixels per µm of the picture
     * @return the smallest number of the 1-2-5 sequence whose length is at least {@value #MIN_TICK_PIXELS} pixels
     */
    static double tickStep(double pixelsPerUm) {
        double step = niceLength(MIN_TICK_PIXELS / pixelsPerUm);
        while (step * pixelsPerUm < MIN_TICK_PIXELS) {
            double decade = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
            double m = step / decade;
            step = (m < 1.5 ? 2 : m < 3.5 ? 5 : 10) * decade;
        }
        return step;
    }

    private interface Index {
        int of(int column, int row);
    }

    private static void write(VoxelImage image, int columns, int rows, Index index, String title, String xLabel,
                              String yLabel, Path file) throws IOException {
        Layout at = layout(columns, rows, image.voxelSize(), image.phases().size());
        BufferedImage png = new BufferedImage(at.width(), at.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = png.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, at.width(), at.height());
        int scale = at.scale();
        for (int w = 0; w < rows; w++) {
            for (int u = 0; u < columns; u++) {
                g.setColor(new Color(colour(image.labels()[index.of(u, w)])));
                g.fillRect(at.left() + u * scale, at.top() + w * scale, scale, scale);
            }
        }
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(INK);
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(title, at.left(), at.top() - 12);
        axes(g, at, columns, rows, image.voxelSize() * 1e6, xLabel, yLabel);
        for (int p = 0; p < image.phases().size(); p++) {
            g.setColor(new Color(colour(p)));
            g.fillRect(at.legendX(), at.swatchY(p), SWATCH, SWATCH);
            g.setColor(INK);
            g.drawRect(at.legendX() - 1, at.swatchY(p) - 1, SWATCH + 1, SWATCH + 1);
            g.drawString(image.phases().get(p), at.legendX() + SWATCH + 8,
                    at.swatchY(p) + (SWATCH + metrics.getAscent()) / 2 - 1);
        }
        g.fillRect(at.barX(), at.barY(), at.barPixels(), BAR_THICKNESS);
        g.drawString(micrometres(at.barMicrons() * 1e-6) + " " + UM, at.barX() + at.barPixels() + 8,
                at.barY() + BAR_THICKNESS / 2 + metrics.getAscent() / 2 - 1);
        g.dispose();
        ImageIO.write(png, "png", file.toFile());
    }

    /** Draws the frame, the ticks with their values [µm] at a 1-2-5 step, and the axis labels. */
    private static void axes(Graphics2D g, Layout at, int columns, int rows, double voxelUm, String xLabel,
                             String yLabel) {
        FontMetrics metrics = g.getFontMetrics();
        int bottom = at.top() + at.mapHeight();
        g.setStroke(new BasicStroke(1));
        g.drawRect(at.left() - 1, at.top() - 1, at.mapWidth() + 1, at.mapHeight() + 1);
        double pixelsPerUm = at.scale() / voxelUm;
        double step = tickStep(pixelsPerUm);
        for (int n = 0; n * step <= columns * voxelUm + 1e-9 * step; n++) {
            int x = at.left() + (int) Math.round(n * step * pixelsPerUm);
            g.drawLine(x, bottom + 1, x, bottom + 5);
            String value = micrometres(n * step * 1e-6);
            g.drawString(value, x - metrics.stringWidth(value) / 2, bottom + 7 + metrics.getAscent());
        }
        g.drawString(xLabel, at.left() + (at.mapWidth() - metrics.stringWidth(xLabel)) / 2,
                bottom + 26 + metrics.getAscent());
        for (int n = 0; n * step <= rows * voxelUm + 1e-9 * step; n++) {
            int y = bottom - (int) Math.round(n * step * pixelsPerUm);
            g.drawLine(at.left() - 6, y, at.left() - 2, y);
            String value = micrometres(n * step * 1e-6);
            g.drawString(value, at.left() - 9 - metrics.stringWidth(value), y + metrics.getAscent() / 2 - 1);
        }
        AffineTransform plain = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(at.top() + (at.mapHeight() + metrics.stringWidth(yLabel)) / 2), 16);
        g.setTransform(plain);
    }

    private static int colour(int label) {
        return COLOURS[Math.min(label, COLOURS.length - 1)];
    }

    /** @return a length [m] in µm, to three significant digits, without trailing zeros */
    private static String micrometres(double metres) {
        return new BigDecimal(String.format(Locale.ROOT, "%.3g", metres * 1e6)).stripTrailingZeros()
                .toPlainString();
    }
}
