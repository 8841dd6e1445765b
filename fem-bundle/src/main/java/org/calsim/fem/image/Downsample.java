package org.calsim.fem.image;

/**
 * Coarsens a labelled image by a whole factor f while the file is read: each block of f × f × f voxels becomes one
 * voxel of edge f·h holding the block's most frequent phase (ties go to the lower label: pore before AM before
 * CBD). It counts the pore and active-material voxels of each block (the CBD voxels are the rest), one byte each
 * for f ≤ 6, four bytes each above, so the full-resolution image is never held.
 */
final class Downsample {
    private static final int BYTE_COUNTS = 6;

    private final int cells;
    private final byte[] pore8;
    private final byte[] am8;
    private final int[] pore32;
    private final int[] am32;

    /**
     * @param voxels voxels of the coarse image
     * @param factor f ≥ 2
     */
    Downsample(int voxels, int factor) {
        cells = factor * factor * factor;
        boolean small = factor <= BYTE_COUNTS;
        pore8 = small ? new byte[voxels] : null;
        am8 = small ? new byte[voxels] : null;
        pore32 = small ? null : new int[voxels];
        am32 = small ? null : new int[voxels];
    }

    /** @return the bytes of the counts for {@code voxels} coarse voxels at factor f, beside the coarse labels */
    static long bytes(long voxels, int factor) {
        return voxels * (factor <= BYTE_COUNTS ? 2 : 2 * Integer.BYTES);
    }

    /** Counts one fine voxel of phase {@code label} in coarse voxel {@code index}. */
    void add(int index, int label) {
        if (label == 2) {
            return;
        }
        if (pore8 != null) {
            (label == 0 ? pore8 : am8)[index]++;
        } else {
            (label == 0 ? pore32 : am32)[index]++;
        }
    }

    /** @return the coarse labels, x fastest, once every fine voxel was counted */
    byte[] labels() {
        int n = pore8 != null ? pore8.length : pore32.length;
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            int pore = pore8 != null ? pore8[i] & 0xff : pore32[i];
            int am = pore8 != null ? am8[i] & 0xff : am32[i];
            int cbd = cells - pore - am;
            out[i] = (byte) (pore >= am && pore >= cbd ? 0 : am >= cbd ? 1 : 2);
        }
        return out;
    }
}
