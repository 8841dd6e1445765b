package org.calsim.fem.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.Deflater;

/** Writes small image files the way NumPy and VTK (ParaView) write them, for the readers' tests. */
final class ImageFiles {
    private ImageFiles() {
    }

    /** How a VTK DataArray is stored. */
    enum Vtk { ASCII, INLINE_BASE64, APPENDED_RAW, APPENDED_BASE64 }

    /** @return the values as bytes of {@code bytesPerValue} each, in {@code order} */
    static byte[] bytes(int[] values, int bytesPerValue, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(values.length * bytesPerValue).order(order);
        for (int v : values) {
            switch (bytesPerValue) {
                case 1 -> b.put((byte) v);
                case 2 -> b.putShort((short) v);
                default -> b.putInt(v);
            }
        }
        return b.array();
    }

    /**
     * A {@code .npy} file, format 1.0: magic, version, header length, the header dictionary padded with spaces to a
     * multiple of 64 bytes and ended by a newline, then the data.
     */
    static Path npy(Path file, String descr, boolean fortran, int[] shape, byte[] data) throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': ("
                + shape[0] + ", " + shape[1] + ", " + shape[2] + "), }";
        int length = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - length % 64) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        return Files.write(file, out.toByteArray());
    }

    /** @return the values of a[z, y, x] (x fastest) rearranged with z fastest, as a Fortran-order file holds them */
    static int[] fortran(int[] xFastest, int nx, int ny, int nz) {
        int[] out = new int[xFastest.length];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    out[k + nz * (j + ny * i)] = xFastest[i + nx * (j + ny * k)];
                }
            }
        }
        return out;
    }

    /**
     * A {@code .vti} file with the array {@code phase} of {@code type} (UInt8, Int16, ...) after a Float32 array
     * {@code distance} of the same size (so that the phase array is the second in the appended data).
     *
     * @param cells      whether the arrays are cell data (else point data: the extent is one less)
     * @param blockBytes zlib block size, or 0 for uncompressed data
     * @param header64   whether the header words are UInt64 (else UInt32)
     */
    static Path vti(Path file, int[] size, int[] values, String type, Vtk how, int blockBytes, boolean header64,
                    ByteOrder order, boolean cells) throws IOException {
        int width = type.endsWith("8") ? 1 : type.endsWith("16") ? 2 : 4;
        byte[] phase = bytes(values, width, order);
        byte[] distance = bytes(new int[values.length], 4, order);
        int w = header64 ? 8 : 4;
        int shrink = cells ? 0 : 1;
        String extent = "0 " + (size[0] - shrink) + " 0 " + (size[1] - shrink) + " 0 " + (size[2] - shrink);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<VTKFile type=\"ImageData\" version=\"1.0\" "
                + "byte_order=\"" + (order == ByteOrder.BIG_ENDIAN ? "BigEndian" : "LittleEndian") + "\" header_type=\""
                + (header64 ? "UInt64" : "UInt32") + "\"" + (blockBytes > 0 ? " compressor=\"vtkZLibDataCompressor\"" : "")
                + ">\n  <ImageData WholeExtent=\"" + extent + "\" Origin=\"0 0 0\" Spacing=\"1 1 1\">\n    <Piece Extent=\""
                + extent + "\">\n      <" + (cells ? "CellData" : "PointData") + " Scalars=\"phase\">\n");
        ByteArrayOutputStream appended = new ByteArrayOutputStream();
        String[] names = {"distance", "phase"};
        byte[][] data = {distance, phase};
        String[] types = {"Float32", type};
        for (int a = 0; a < 2; a++) {
            String head = "        <DataArray type=\"" + types[a] + "\" Name=\"" + names[a] + "\" format=\"";
            switch (how) {
                case ASCII -> {
                    xml.append(head).append("ascii\">\n");
                    int[] shown = a == 0 ? new int[values.length] : values;
                    for (int v = 0; v < shown.length; v++) {
                        xml.append(shown[v]).append(v % 7 == 6 ? "\n" : " ");
                    }
                    xml.append("\n        </DataArray>\n");
                }
                case INLINE_BASE64 -> xml.append(head).append("binary\">\n          ")
                        .append(base64(data[a], blockBytes, w, order)).append("\n        </DataArray>\n");
                case APPENDED_RAW, APPENDED_BASE64 -> {
                    xml.append(head).append("appended\" offset=\"").append(appended.size()).append("\"/>\n");
                    appended.write(how == Vtk.APPENDED_RAW ? encoded(data[a], blockBytes, w, order)
                            : base64(data[a], blockBytes, w, order).getBytes(StandardCharsets.US_ASCII));
                }
            }
        }
        xml.append("      </").append(cells ? "CellData" : "PointData").append(">\n    </Piece>\n  </ImageData>\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(xml.toString().getBytes(StandardCharsets.US_ASCII));
        if (how == Vtk.APPENDED_RAW || how == Vtk.APPENDED_BASE64) {
            out.write(("  <AppendedData encoding=\"" + (how == Vtk.APPENDED_RAW ? "raw" : "base64") + "\">\n   _")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(appended.toByteArray());
            out.write("\n  </AppendedData>\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("</VTKFile>\n".getBytes(StandardCharsets.US_ASCII));
        return Files.write(file, out.toByteArray());
    }

    /** @return header and data as VTK writes them in binary: [byte count] data, or the zlib header and blocks */
    static byte[] encoded(byte[] data, int blockBytes, int w, ByteOrder order) {
        byte[][] parts = blockBytes > 0 ? zlib(data, blockBytes, w, order) : new byte[][] {word(new long[] {data.length}, w, order), data};
        byte[] out = new byte[parts[0].length + parts[1].length];
        System.arraycopy(parts[0], 0, out, 0, parts[0].length);
        System.arraycopy(parts[1], 0, out, parts[0].length, parts[1].length);
        return out;
    }

    /** Base64 as VTK writes it: a compression header encoded on its own, an uncompressed header with its data. */
    static String base64(byte[] data, int blockBytes, int w, ByteOrder order) {
        if (blockBytes == 0) {
            return Base64.getEncoder().encodeToString(encoded(data, 0, w, order));
        }
        byte[][] parts = zlib(data, blockBytes, w, order);
        return Base64.getEncoder().encodeToString(parts[0]) + Base64.getEncoder().encodeToString(parts[1]);
    }

    /** @return the vtkZLibDataCompressor header [blocks, block size, last block size or 0, sizes...] and blocks */
    static byte[][] zlib(byte[] data, int blockBytes, int w, ByteOrder order) {
        int blocks = (data.length + blockBytes - 1) / blockBytes;
        long[] header = new long[3 + blocks];
        header[0] = blocks;
        header[1] = blockBytes;
        header[2] = data.length % blockBytes;
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        byte[] buffer = new byte[2 * blockBytes + 64];
        for (int b = 0; b < blocks; b++) {
            Deflater deflater = new Deflater();
            deflater.setInput(data, b * blockBytes, Math.min(blockBytes, data.length - b * blockBytes));
            deflater.finish();
            int n = deflater.deflate(buffer);
            deflater.end();
            header[3 + b] = n;
            packed.write(buffer, 0, n);
        }
        return new byte[][] {word(header, w, order), packed.toByteArray()};
    }

    private static byte[] word(long[] words, int w, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(words.length * w).order(order);
        for (long v : words) {
            if (w == 8) {
                b.putLong(v);
            } else {
                b.putInt((int) v);
            }
        }
        return b.array();
    }
}
