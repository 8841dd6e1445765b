package org.calsim.fem.conduction;

import java.util.Arrays;

/**
 * A symmetric 7-point operator A = D − G on a subset of the cells of a structured grid: per unknown its cell,
 * the diagonal D, and up to six neighbour conductances (directions −x, +x, −y, +y, −z, +z; neighbour −1 where
 * there is none). It is the finite-volume conduction matrix on the fine grid and its Galerkin coarsenings on the
 * coarser ones.
 */
final class Stencil {
    /** Number of unknowns. */
    final int m;
    /** Grid cell (x fastest) of each unknown, in increasing order. */
    final int[] cell;
    /** Grid dimensions. */
    final int[] dims;
    /** Neighbour unknown per unknown and direction, −1 where there is none. */
    final int[] neighbour;
    /** Conductance to that neighbour. */
    final double[] g;
    /** Diagonal of A. */
    final double[] diagonal;

    Stencil(int[] cell, int[] dims, int[] neighbour, double[] g, double[] diagonal) {
        this.m = cell.length;
        this.cell = cell;
        this.dims = dims;
        this.neighbour = neighbour;
        this.g = g;
        this.diagonal = diagonal;
    }

    /** @return (A x)_s */
    double row(int s, double[] x) {
        double sum = diagonal[s] * x[s];
        for (int e = 6 * s; e < 6 * s + 6; e++) {
            int t = neighbour[e];
            if (t >= 0) {
                sum -= g[e] * x[t];
            }
        }
        return sum;
    }

    /**
     * Aggregation of 2 × 2 × 2 blocks of cells: every occupied block of the grid of half the size (rounded up)
     * becomes one coarse unknown. With the piecewise-constant prolongation P (a fine unknown takes its block's
     * value) the Galerkin operator Pᵀ A P is again a 7-point stencil: the conductance between two blocks is the
     * sum of the fine conductances between them, and the coarse diagonal is the sum of the fine diagonals less
     * the conductances inside the block (Braess 1995; Notay 2010, Electron. Trans. Numer. Anal. 37, 123).
     *
     * @param aggregate filled with the coarse unknown of each fine unknown
     * @return the coarse operator
     */
    Stencil coarsen(int[] aggregate) {
        int[] coarseDims = {(dims[0] + 1) / 2, (dims[1] + 1) / 2, (dims[2] + 1) / 2};
        int coarseCells = coarseDims[0] * coarseDims[1] * coarseDims[2];
        int[] slot = new int[coarseCells];
        Arrays.fill(slot, -1);
        for (int s = 0; s < m; s++) {
            slot[coarseCell(cell[s], coarseDims)] = 0;
        }
        int mc = 0;
        for (int c = 0; c < coarseCells; c++) {
            if (slot[c] == 0) {
                slot[c] = mc++;
            }
        }
        int[] coarse = new int[mc];
        for (int c = 0; c < coarseCells; c++) {
            if (slot[c] >= 0) {
                coarse[slot[c]] = c;
            }
        }
        int[] coarseNeighbour = new int[6 * mc];
        Arrays.fill(coarseNeighbour, -1);
        double[] coarseG = new double[6 * mc];
        double[] coarseDiagonal = new double[mc];
        for (int s = 0; s < m; s++) {
            aggregate[s] = slot[coarseCell(cell[s], coarseDims)];
        }
        for (int s = 0; s < m; s++) {
            int a = aggregate[s];
            coarseDiagonal[a] += diagonal[s];
            for (int d = 0; d < 6; d++) {
                int t = neighbour[6 * s + d];
                if (t < 0) {
                    continue;
                }
                int b = aggregate[t];
                if (b == a) {
                    coarseDiagonal[a] -= g[6 * s + d];
                } else {
                    int e = 6 * a + d;
                    if (coarseNeighbour[e] >= 0 && coarseNeighbour[e] != b) {
                        throw new IllegalStateException("block " + a + " has two neighbours in direction " + d);
                    }
                    coarseNeighbour[e] = b;
                    coarseG[e] += g[6 * s + d];
                }
            }
        }
        return new Stencil(coarse, coarseDims, coarseNeighbour, coarseG, coarseDiagonal);
    }

    private int coarseCell(int v, int[] coarseDims) {
        int i = v % dims[0];
        int j = (v / dims[0]) % dims[1];
        int k = v / (dims[0] * dims[1]);
        return i / 2 + coarseDims[0] * (j / 2 + coarseDims[1] * (k / 2));
    }
}
