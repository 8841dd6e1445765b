package org.calsim.fem.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.calsim.api.structure.VoxelImage;
import org.calsim.api.testing.TestStageContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each reader on small files written here as NumPy, VTK/ParaView and raw writers write them. */
class ImageReadersTest {
    static final int[] SIZE = {5, 4, 3};

    @TempDir
    Path dir;

    /** @return file values 0..max at random, x fastest, for an image of {@link #SIZE} */
    static int[] values(int max, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] v = new int[SIZE[0] * SIZE[1] * SIZE[2]];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(max + 1);
        }
        return v;
    }

    static byte[] asLabels(int[] values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** Loads {@code file} with the default label map (0 pore, 1 AM, 2 CBD) and {@code more} job fields. */
    static VoxelImage load(Path file, Map<String, Object> more) throws Exception {
        Map<String, Object> with = new HashMap<>(Map.of("file", file, "voxel_size_um", 0.5));
        with.putAll(more);
        return new TestStageContext().run(new ImageLoadStage(), with).given(VoxelImage.KEY);
    }

    @Test
    void npyOfEveryElementTypeAndByteOrder() throws Exception {
        int[] v = values(2, 1);
        int[] shape = {SIZE[2], SIZE[1], SIZE[0]};
        Map<String, Integer> widths = Map.of("|u1", 1, "|i1", 1, "|b1", 1, "<u2", 2, "<i2", 2, "<i4", 4, ">u2", 2,
                ">i2", 2, ">i4", 4);
        for (Map.Entry<String, Integer> type : widths.entrySet()) {
            int[] data = type.getKey().equals("|b1") ? java.util.Arrays.stream(v).map(x -> x == 0 ? 0 : 1).toArray() : v;
            ByteOrder order = type.getKey().startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            Path file = ImageFiles.npy(dir.resolve("a.npy"), type.getKey(), false, shape,
                    ImageFiles.bytes(data, type.getValue(), order));
            VoxelImage image = load(file, Map.of());
            assertEquals(List.of(SIZE[0], SIZE[1], SIZE[2]), List.of(image.nx(), image.ny(), image.nz()), type.getKey());
            assertArrayEquals(asLabels(data), image.labels(), type.getKey());
            assertEquals(0.5e-6, image.voxelSize(), 1e-18);
        }
    }

    /** A Fortran-order file of the same array a[z, y, x] holds z fastest and gives the same image. */
    @Test
    void npyFortranOrderKeepsTheAxes() throws Exception {
        int[] v = values(2, 2);
        int[] shape = {SIZE[2], SIZE[1], SIZE[0]};
        Path c = ImageFiles.npy(dir.resolve("c.npy"), "<i2", false, shape, ImageFiles.bytes(v, 2, ByteOrder.LITTLE_ENDIAN));
        Path f = ImageFiles.npy(dir.resolve("f.npy"), "<i2", true, shape,
                ImageFiles.bytes(ImageFiles.fortran(v, SIZE[0], SIZE[1], SIZE[2]), 2, ByteOrder.LITTLE_ENDIAN));
        assertArrayEquals(load(c, Map.of()).labels(), load(f, Map.of()).labels());
        assertArrayEquals(asLabels(v), load(f, Map.of()).labels());
    }

    @Test
    void rawWithHeaderTypeAndByteOrderFromTheJob() throws Exception {
        int[] v = values(2, 3);
        byte[] data = ImageFiles.bytes(v, 2, ByteOrder.BIG_ENDIAN);
        byte[] file = new byte[16 + data.length];
        System.arraycopy(data, 0, file, 16, data.length);
        Path raw = java.nio.file.Files.write(dir.resolve("a.raw"), file);
        VoxelImage image = load(raw, Map.of("raw_shape", List.of(5, 4, 3), "raw_type", "uint16",
                "raw_byte_order", "big", "raw_header_bytes", 16));
        assertArrayEquals(asLabels(v), image.labels());
    }

    /** Every encoding VTK writes, compressed or not, both header types and byte orders, cell or point data. */
    @Test
    void vtiInEveryEncoding() throws Exception {
        int[] v = values(2, 4);
        String[] types = {"UInt8", "Int8", "UInt16", "Int16", "Int32"};
        int t = 0;
        for (ImageFiles.Vtk how : ImageFiles.Vtk.values()) {
            for (int block : how == ImageFiles.Vtk.ASCII ? new int[] {0} : new int[] {0, 16, 20}) {
                for (boolean header64 : new boolean[] {false, true}) {
                    ByteOrder order = t % 2 == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                    String type = types[t++ % types.length];
                    boolean cells = t % 3 != 0;
                    Path file = ImageFiles.vti(dir.resolve("a.vti"), SIZE, v, type, how, block, header64, order, cells);
                    String what = how + " block " + block + " header64 " + header64 + " " + type + " " + order
                            + (cells ? " cells" : " points");
                    VoxelImage image = load(file, Map.of());
                    assertEquals(List.of(SIZE[0], SIZE[1], SIZE[2]), List.of(image.nx(), image.ny(), image.nz()), what);
                    assertArrayEquals(asLabels(v), image.labels(), what);
                }
            }
        }
    }

    /** ParaView's own layout: zlib blocks of 32 KiB, a partial last block, the phase array after another array. */
    @Test
    void paraViewZlibAppendedWithSeveralBlocks() throws Exception {
        int n = 40;
        int[] size = {n, n, n};
        int[] v = new int[n * n * n];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(3);
        }
        Path file = ImageFiles.vti(dir.resolve("pv.vti"), size, v, "UInt8", ImageFiles.Vtk.APPENDED_RAW, 32768, false,
                ByteOrder.LITTLE_ENDIAN, true);
        assertArrayEquals(asLabels(v), load(file, Map.of()).labels());
        assertArrayEquals(asLabels(v), load(file, Map.of("vti_array", "phase")).labels());
    }

    /**
     * Files written by VTK 9.7's own vtkXMLImageDataWriter (Python wheel, 5 x 4 x 3 values (7 v + v / 5) mod 3 in
     * the array {@code labels} after a Float32 array; block sizes of 32 to 64 bytes so that the compressed arrays have
     * several blocks): zlib appended raw (cell data, UInt32 header; point data, Int16, UInt64 header), appended
     * base64, inline binary with and without zlib, ascii.
     */
    @Test
    void filesWrittenByVtkItself() throws Exception {
        int[] v = new int[60];
        for (int i = 0; i < v.length; i++) {
            v[i] = (7 * i + i / 5) % 3;
        }
        for (String name : List.of("vtk-zlib-appended-raw-cells.vti", "vtk-zlib-appended-raw-points-int16.vti",
                "vtk-appended-base64-uint16.vti", "vtk-inline-binary-zlib-int32.vti", "vtk-inline-binary-uint8.vti",
                "vtk-ascii-int8.vti")) {
            Path file = dir.resolve(name);
            try (java.io.InputStream in = getClass().getResourceAsStream(name)) {
                java.nio.file.Files.copy(in, file);
            }
            VoxelImage image = load(file, Map.of("vti_array", "labels"));
            assertEquals(List.of(5, 4, 3), List.of(image.nx(), image.ny(), image.nz()), name);
            assertArrayEquals(asLabels(v), image.labels(), name);
        }
    }

    /**
     * Damaged files (cut short, or with bytes overwritten in the header or anywhere) are either still read or refused
     * with an {@link org.calsim.api.stage.InvalidInputException} naming the file's field (or the array's, when its
     * name was hit), never with another exception.
     */
    @Test
    void damagedFilesAreRefusedCleanly() throws Exception {
        List<byte[]> files = new java.util.ArrayList<>();
        for (String name : List.of("vtk-zlib-appended-raw-cells.vti", "vtk-inline-binary-zlib-int32.vti",
                "vtk-appended-base64-uint16.vti", "vtk-ascii-int8.vti")) {
            try (java.io.InputStream in = getClass().getResourceAsStream(name)) {
                files.add(in.readAllBytes());
            }
        }
        files.add(java.nio.file.Files.readAllBytes(ImageFiles.npy(dir.resolve("n.npy"), "<i2", true,
                new int[] {SIZE[2], SIZE[1], SIZE[0]}, ImageFiles.bytes(values(2, 6), 2, ByteOrder.LITTLE_ENDIAN))));
        SplittableRandom random = new SplittableRandom(11);
        for (int f = 0; f < files.size(); f++) {
            byte[] original = files.get(f);
            Path file = dir.resolve(f == files.size() - 1 ? "damaged.npy" : "damaged.vti");
            for (int t = 0; t < 36; t++) {
                byte[] b = t % 3 == 0 ? java.util.Arrays.copyOf(original, random.nextInt(original.length))
                        : original.clone();
                if (t % 3 != 0) {
                    int within = t % 3 == 1 ? b.length : Math.min(b.length, 400);
                    b[random.nextInt(within)] = (byte) random.nextInt(256);
                }
                java.nio.file.Files.write(file, b);
                try {
                    load(file, f == files.size() - 1 ? Map.of() : Map.of("vti_array", "labels"));
                } catch (org.calsim.api.stage.InvalidInputException e) {
                    assertTrue(List.of("stages[0].with.file", "stages[0].with.vti_array").contains(e.field()),
                            e.getMessage());
                }
            }
        }
    }
}
