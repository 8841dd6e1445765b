package org.calsim.fem.image;

/**
 * Coarsens a labelled image by a whole factor f: each block of f × f × f voxels becomes one voxel of edge f·h
 * holding the block's most frequent phase (ties go to the lower label: pore before AM before CBD). Voxels beyond
 * the last whole block along an axis are dropped.
 */
final class Downsample {
    private Downsample() {
    }

    /** @return the size after coarsening by {@code factor} [voxels] */
    static int[] size(int[] size, int factor) {
        return new int[] {size[0] / factor, size[1] / factor, size[2] / factor};
    }

    /**
     * @param labels phase labels 0, 1, 2, x fastest
     * @param size   nx, ny, nz of {@code labels}
     * @param factor f ≥ 1
     * @return the labels of the coarse image, x fastest ({@code labels} itself when f = 1)
     */
    static byte[] of(byte[] labels, int[] size, int factor) {
        if (factor == 1) {
            return labels;
        }
        int[] coarse = size(size, factor);
        byte[] out = new byte[coarse[0] * coarse[1] * coarse[2]];
        int[] count = new int[3];
        int o = 0;
        for (int k = 0; k < coarse[2]; k++) {
            for (int j = 0; j < coarse[1]; j++) {
                for (int i = 0; i < coarse[0]; i++) {
                    count[0] = 0;
                    count[1] = 0;
                    count[2] = 0;
                    for (int c = 0; c < factor; c++) {
                        for (int b = 0; b < factor; b++) {
                            int row = i * factor + size[0] * (j * factor + b + size[1] * (k * factor + c));
                            for (int a = 0; a < factor; a++) {
                                count[labels[row + a]]++;
                            }
                        }
                    }
                    int best = 0;
                    for (int phase = 1; phase < 3; phase++) {
                        best = count[phase] > count[best] ? phase : best;
                    }
                    out[o++] = (byte) best;
                }
            }
        }
        return out;
    }
}
