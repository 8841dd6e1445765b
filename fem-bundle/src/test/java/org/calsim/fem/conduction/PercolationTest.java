package org.calsim.fem.conduction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PercolationTest {

    /**
     * The row flood finds exactly the voxels a breadth-first search over single voxels finds (conducting and
     * connected to both faces, 6-connectivity): random images near the percolation threshold, so that clusters
     * wind, rows of 1 to 130 voxels (runs across word boundaries and across a periodic x wrap), every axis and every
     * periodicity of the other two.
     */
    @Test
    void theRowFloodFindsWhatAVoxelSearchFinds() {
        SplittableRandom random = new SplittableRandom(7);
        int[][] sizes = {{1, 5, 6}, {7, 1, 9}, {64, 6, 5}, {65, 4, 7}, {130, 5, 4}, {9, 11, 13}};
        int checked = 0;
        long voxelsFound = 0;
        for (int[] n : sizes) {
            for (double fraction : new double[] {0.3, 0.55, 0.75}) {
                boolean[] conducts = new boolean[n[0] * n[1] * n[2]];
                for (int v = 0; v < conducts.length; v++) {
                    conducts[v] = random.nextDouble() < fraction;
                }
                for (int axis = 0; axis < 3; axis++) {
                    for (int wraps = 0; wraps < 4; wraps++) {
                        boolean[] periodic = new boolean[3];
                        periodic[(axis + 1) % 3] = (wraps & 1) != 0;
                        periodic[(axis + 2) % 3] = (wraps & 2) != 0;
                        long[] expected = bySearch(n, conducts, axis, periodic);
                        long[] bits = Occupancy.empty(n[0], n[1], n[2]);
                        int words = Occupancy.rowWords(n[0]);
                        for (int v = 0; v < conducts.length; v++) {
                            if (conducts[v]) {
                                bits[Occupancy.word(v % n[0], v / n[0], words)] |= 1L << (v % n[0]);
                            }
                        }
                        long[] found = Percolation.connectingFaces(n, bits, axis, periodic);
                        assertArrayEquals(expected, found, java.util.Arrays.toString(n) + " fraction " + fraction
                                + " axis " + axis + " periodic " + java.util.Arrays.toString(periodic));
                        for (long w : found) {
                            voxelsFound += Long.bitCount(w);
                        }
                        checked++;
                    }
                }
            }
        }
        assertTrue(voxelsFound > 1000, "the images percolate often enough to test something: " + voxelsFound);
        assertTrue(checked == sizes.length * 3 * 3 * 4);
    }

    /** @return the conducting voxels connected to both faces by a breadth-first search, in the Occupancy layout */
    private static long[] bySearch(int[] n, boolean[] conducts, int axis, boolean[] periodic) {
        boolean[] fromInlet = search(n, conducts, axis, 0, periodic);
        boolean[] fromOutlet = search(n, conducts, axis, n[axis] - 1, periodic);
        long[] bits = Occupancy.empty(n[0], n[1], n[2]);
        int words = Occupancy.rowWords(n[0]);
        for (int v = 0; v < conducts.length; v++) {
            if (fromInlet[v] && fromOutlet[v]) {
                bits[Occupancy.word(v % n[0], v / n[0], words)] |= 1L << (v % n[0]);
            }
        }
        return bits;
    }

    private static boolean[] search(int[] n, boolean[] conducts, int axis, int layer, boolean[] periodic) {
        boolean[] seen = new boolean[conducts.length];
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        for (int k = 0; k < n[2]; k++) {
            for (int j = 0; j < n[1]; j++) {
                for (int i = 0; i < n[0]; i++) {
                    int[] c = {i, j, k};
                    int v = i + n[0] * (j + n[1] * k);
                    if (c[axis] == layer && conducts[v]) {
                        seen[v] = true;
                        queue.add(c);
                    }
                }
            }
        }
        while (!queue.isEmpty()) {
            int[] c = queue.poll();
            for (int a = 0; a < 3; a++) {
                for (int step = -1; step <= 1; step += 2) {
                    int[] d = c.clone();
                    d[a] += step;
                    if (d[a] < 0 || d[a] >= n[a]) {
                        if (!periodic[a]) {
                            continue;
                        }
                        d[a] = Math.floorMod(d[a], n[a]);
                    }
                    int u = d[0] + n[0] * (d[1] + n[1] * d[2]);
                    if (conducts[u] && !seen[u]) {
                        seen[u] = true;
                        queue.add(d);
                    }
                }
            }
        }
        return seen;
    }
}
