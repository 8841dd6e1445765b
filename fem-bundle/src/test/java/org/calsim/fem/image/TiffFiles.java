package org.calsim.fem.image;

import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageWriterSpi;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Writes TIFF stacks and slice series with TwelveMonkeys' TIFF writer, for the tests of {@link TiffStack}. */
final class TiffFiles {
    private TiffFiles() {
    }

    /** The kind of page. */
    enum Page {
        /** 8-bit greyscale, unsigned */
        GREY8,
        /** 16-bit greyscale, unsigned */
        GREY16,
        /** 16-bit greyscale, signed (SampleFormat 2) */
        SIGNED16,
        /** 8-bit RGB (the value in each channel) */
        RGB
    }

    /** @return a page of {@code kind}, w x h pixels, {@code values} x fastest */
    static BufferedImage page(Page kind, int w, int h, int[] values) {
        BufferedImage image = switch (kind) {
            case GREY8 -> new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            case GREY16 -> new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
            case SIGNED16 -> ImageTypeSpecifier.createGrayscale(16, DataBuffer.TYPE_SHORT, true)
                    .createBufferedImage(w, h);
            case RGB -> new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        };
        WritableRaster raster = image.getRaster();
        for (int b = 0; b < raster.getNumBands(); b++) {
            raster.setSamples(0, 0, w, h, b, values);
        }
        return image;
    }

    /** @return the pages of a stack nx x ny x nz, {@code values} x fastest, page k = slice z = k */
    static List<BufferedImage> pages(Page kind, int nx, int ny, int nz, int[] values) {
        List<BufferedImage> pages = new ArrayList<>();
        for (int k = 0; k < nz; k++) {
            pages.add(page(kind, nx, ny, java.util.Arrays.copyOfRange(values, k * nx * ny, (k + 1) * nx * ny)));
        }
        return pages;
    }

    /**
     * Writes {@code pages} as one multi-page TIFF.
     *
     * @param compression a TIFF compression name of the writer ({@code "LZW"}, {@code "Deflate"},
     *                    {@code "PackBits"}), or {@code null} for none
     */
    static Path stack(Path file, List<BufferedImage> pages, String compression) throws IOException {
        ImageWriter writer = new TIFFImageWriterSpi().createWriterInstance(null);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (compression != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(compression);
            }
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return file;
    }

    /**
     * Writes {@code pages} as single-page files {@code prefix + number + ".tif"}, numbered from {@code first},
     * the number padded with zeros to {@code digits}.
     *
     * @return the first file
     */
    static Path slices(Path dir, String prefix, int first, int digits, List<BufferedImage> pages) throws IOException {
        Path start = null;
        for (int k = 0; k < pages.size(); k++) {
            Path file = dir.resolve(prefix + String.format(java.util.Locale.ROOT, "%0" + digits + "d", first + k)
                    + ".tif");
            stack(file, List.of(pages.get(k)), null);
            start = start == null ? file : start;
        }
        return start;
    }

    /**
     * A single-page TIFF of 32-bit floating-point greyscale samples (SampleFormat 3), all zero, written byte by byte
     * (TwelveMonkeys' writer does not write floating-point samples): header, the pixels as one strip, one directory.
     */
    static Path floatPage(Path file, int w, int h) throws IOException {
        int data = 8;
        int ifd = data + 4 * w * h;
        short[][] entries = {{256, 3}, {257, 3}, {258, 3}, {259, 3}, {262, 3}, {273, 4}, {277, 3}, {278, 3},
                {279, 4}, {339, 3}};
        long[] values = {w, h, 32, 1, 1, data, 1, h, 4L * w * h, 3};
        ByteBuffer b = ByteBuffer.allocate(ifd + 2 + 12 * entries.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd);
        b.position(ifd);
        b.putShort((short) entries.length);
        for (int e = 0; e < entries.length; e++) {
            b.putShort(entries[e][0]).putShort(entries[e][1]).putInt(1);
            if (entries[e][1] == 3) {
                b.putShort((short) values[e]).putShort((short) 0);
            } else {
                b.putInt((int) values[e]);
            }
        }
        b.putInt(0);
        return Files.write(file, b.array());
    }
}
