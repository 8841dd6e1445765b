package org.calsim.cfd.lattice;

/**
 * The D3Q19 velocity set: the rest velocity, the 6 face and the 12 edge neighbours of a cubic lattice, with
 * weights 1/3, 1/18 and 1/36 and sound speed c_s² = 1/3 (lattice units).
 */
final class D3Q19 {
    static final int Q = 19;
    static final int[] CX = {0, 1, -1, 0, 0, 0, 0, 1, -1, 1, -1, 1, -1, 1, -1, 0, 0, 0, 0};
    static final int[] CY = {0, 0, 0, 1, -1, 0, 0, 1, -1, -1, 1, 0, 0, 0, 0, 1, -1, 1, -1};
    static final int[] CZ = {0, 0, 0, 0, 0, 1, -1, 0, 0, 0, 0, 1, -1, -1, 1, 1, -1, -1, 1};
    static final double[] W = new double[Q];
    /** The opposite direction of each. */
    static final int[] OPPOSITE = new int[Q];

    static {
        for (int q = 0; q < Q; q++) {
            int norm = Math.abs(CX[q]) + Math.abs(CY[q]) + Math.abs(CZ[q]);
            W[q] = norm == 0 ? 1.0 / 3 : norm == 1 ? 1.0 / 18 : 1.0 / 36;
            for (int p = 0; p < Q; p++) {
                if (CX[p] == -CX[q] && CY[p] == -CY[q] && CZ[p] == -CZ[q]) {
                    OPPOSITE[q] = p;
                }
            }
        }
    }

    private D3Q19() {
    }
}
