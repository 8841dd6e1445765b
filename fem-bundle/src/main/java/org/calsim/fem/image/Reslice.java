package org.calsim.fem.image;

/**
 * Turns the axes of an image file into calsim's: the through-plane axis of the file becomes z, with k = 0 at the
 * current collector, and the two others x and y in cyclic order (through-plane x: the file's y and z become x and
 * y; through-plane y: z and x; through-plane z: unchanged), so that the frame stays right-handed unless the
 * collector sits at the high end of the through-plane axis (then z is mirrored). Then crops a box of the turned
 * image, voxels {@code from} (inclusive) to {@code to} (exclusive) along each of x, y, z, and groups the crop into
 * blocks of f × f × f voxels, the voxels of the down-sampled image (f = 1: no down-sampling); voxels beyond the
 * last whole block along an axis are left out.
 *
 * <p>It tells where each value of the file goes as a sum over the file's axes ({@link #offsets}), so that the
 * file's values can be placed in one pass in whatever order the file holds them.
 */
final class Reslice {
    private final int[] fileSize;
    private final int through;
    private final boolean collectorHigh;
    private final int[] from;
    private final int[] to;
    private final int factor;

    /**
     * @param fileSize      size along the file's x, y, z [voxels]
     * @param through       the file axis through the coating: 0 x, 1 y, 2 z
     * @param collectorHigh whether the collector is at the last index of that axis (else at index 0)
     * @param from          first voxel of the crop along calsim's x, y, z
     * @param to            voxel after the last one of the crop along calsim's x, y, z
     * @param factor        down-sampling factor f ≥ 1, at most the smallest edge of the crop
     */
    Reslice(int[] fileSize, int through, boolean collectorHigh, int[] from, int[] to, int factor) {
        this.fileSize = fileSize.clone();
        this.through = through;
        this.collectorHigh = collectorHigh;
        this.from = from.clone();
        this.to = to.clone();
        this.factor = factor;
    }

    /** @return calsim's axis (0 x, 1 y, 2 z) of file axis {@code a} */
    static int axisOf(int a, int through) {
        return ((a - through - 1) % 3 + 3) % 3;
    }

    /** @return the size of the turned image along calsim's x, y, z, before cropping [voxels] */
    static int[] turnedSize(int[] fileSize, int through) {
        int[] size = new int[3];
        for (int a = 0; a < 3; a++) {
            size[axisOf(a, through)] = fileSize[a];
        }
        return size;
    }

    /** @return the size of the crop along calsim's x, y, z [voxels of the file] */
    int[] cropSize() {
        return new int[] {to[0] - from[0], to[1] - from[1], to[2] - from[2]};
    }

    /** @return the size of the image this gives, cropped and down-sampled, along calsim's x, y, z [voxels] */
    int[] size() {
        int[] crop = cropSize();
        return new int[] {crop[0] / factor, crop[1] / factor, crop[2] / factor};
    }

    /**
     * @return for each file axis a and index c along it, what voxel (.., c, ..) adds to the index of its voxel in
     *         the image this gives (x fastest), or -1 if it lies outside the crop or its whole blocks
     */
    long[][] offsets() {
        int[] size = size();
        long[] stride = {1, size[0], (long) size[0] * size[1]};
        long[][] offsets = new long[3][];
        for (int a = 0; a < 3; a++) {
            int axis = axisOf(a, through);
            offsets[a] = new long[fileSize[a]];
            for (int c = 0; c < fileSize[a]; c++) {
                int turned = axis == 2 && collectorHigh ? fileSize[a] - 1 - c : c;
                int block = Math.floorDiv(turned - from[axis], factor);
                boolean inside = turned >= from[axis] && turned < to[axis] && block < size[axis];
                offsets[a][c] = inside ? block * stride[axis] : -1;
            }
        }
        return offsets;
    }
}
