package org.calsim.cfd.permeability;

/**
 * Resolution check of a pore space: the lengths of the straight pore runs (chords) along the three axes. A pore
 * throat narrower than about four voxels is under-resolved by halfway bounce-back (the permeability error grows
 * like 1/n² of the voxels across it), so the narrow tail of the chord distribution is what to watch.
 */
final class PoreChords {
    private PoreChords() {
    }

    /**
     * @param fraction e.g. 0.1 for the 10th percentile
     * @return the chord length [voxels] below which that fraction of the pore voxels lie (each voxel counted in the
     *         chords through it along x, y and z)
     */
    static double percentile(int[] n, boolean[] solid, double fraction) {
        int[] histogram = new int[Math.max(n[0], Math.max(n[1], n[2])) + 1];
        long voxels = 0;
        int[] stride = {1, n[0], n[0] * n[1]};
        for (int a = 0; a < 3; a++) {
            int b = (a + 1) % 3;
            int c = (a + 2) % 3;
            for (int j = 0; j < n[b]; j++) {
                for (int k = 0; k < n[c]; k++) {
                    int base = j * stride[b] + k * stride[c];
                    int run = 0;
                    for (int i = 0; i <= n[a]; i++) {
                        boolean open = i < n[a] && !solid[base + i * stride[a]];
                        if (open) {
                            run++;
                        } else if (run > 0) {
                            histogram[run] += run;
                            voxels += run;
                            run = 0;
                        }
                    }
                }
            }
        }
        if (voxels == 0) {
            return 0;
        }
        long target = (long) Math.ceil(fraction * voxels);
        long seen = 0;
        for (int len = 1; len < histogram.length; len++) {
            seen += histogram[len];
            if (seen >= target) {
                return len;
            }
        }
        return histogram.length - 1;
    }
}
