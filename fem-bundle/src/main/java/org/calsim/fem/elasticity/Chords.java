package org.calsim.fem.elasticity;

/**
 * Chord lengths of one phase of a voxel image along the grid axes: a chord is a run of consecutive voxels of the
 * phase on a grid line. The mean chord length is the phase's voxels on the lines divided by the number of runs;
 * for a sphere of radius R it is 4R/3 (Cauchy: 4V/S), so for a packing of spheres that touch at small contacts
 * it measures how many voxels resolve a particle, R ≈ ¾ of the mean chord.
 */
final class Chords {
    private Chords() {
    }

    /**
     * @param n        voxels along x, y, z
     * @param phase    phase label per voxel (x fastest)
     * @param label    the phase measured
     * @param axis     direction of the grid lines (0, 1, 2)
     * @param periodic whether the lines wrap around (a run that crosses the end continues at the start); a line
     *                 entirely of the phase is then a chord without end and is left out of the mean
     * @return mean chord length in voxels; +∞ when every line with the phase is such an endless chord; NaN when
     *         the phase is absent
     */
    static double mean(int[] n, byte[] phase, int label, int axis, boolean periodic) {
        int length = n[axis];
        int b = (axis + 1) % 3;
        int c = (axis + 2) % 3;
        int[] stride = {1, n[0], n[0] * n[1]};
        long voxels = 0;
        long runs = 0;
        boolean endless = false;
        for (int jc = 0; jc < n[c]; jc++) {
            for (int jb = 0; jb < n[b]; jb++) {
                int start = jb * stride[b] + jc * stride[c];
                int inLine = 0;
                int starts = 0;
                for (int t = 0; t < length; t++) {
                    boolean in = phase[start + t * stride[axis]] == label;
                    if (in) {
                        inLine++;
                        int before = t > 0 ? t - 1 : periodic ? length - 1 : -1;
                        if (before < 0 || phase[start + before * stride[axis]] != label) {
                            starts++;
                        }
                    }
                }
                if (starts > 0) {
                    voxels += inLine;
                    runs += starts;
                } else if (inLine > 0) {
                    endless = true;
                }
            }
        }
        return runs > 0 ? (double) voxels / runs : endless ? Double.POSITIVE_INFINITY : Double.NaN;
    }
}
