package org.calsim.cfd.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class D3Q19Test {
    /** The unrolled collision of {@link TrtSolver} pairs direction q with q + 1 (q odd) as opposites. */
    @Test
    void oddDirectionsAndTheirSuccessorsAreOpposite() {
        for (int q = 1; q < D3Q19.Q; q += 2) {
            assertEquals(q + 1, D3Q19.OPPOSITE[q]);
        }
        double sum = 0;
        for (double w : D3Q19.W) {
            sum += w;
        }
        assertEquals(1.0, sum, 1e-15);
    }

    /** A straight channel percolates along itself and not across; a closed cavity does not percolate at all. */
    @Test
    void percolationFollowsWindingPaths() {
        int n = 6;
        boolean[] solid = new boolean[n * n * n];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    solid[x + n * (y + n * z)] = !(x == 2 && y == 3); // a channel along z
                }
            }
        }
        FluidLattice channel = new FluidLattice(new int[] {n, n, n}, solid, new boolean[] {true, true, true});
        org.junit.jupiter.api.Assertions.assertTrue(channel.percolates(2));
        org.junit.jupiter.api.Assertions.assertFalse(channel.percolates(0));
        java.util.Arrays.fill(solid, true);
        solid[2 + n * (2 + n * 2)] = false;
        FluidLattice cavity = new FluidLattice(new int[] {n, n, n}, solid, new boolean[] {true, true, true});
        org.junit.jupiter.api.Assertions.assertFalse(cavity.percolates(2));
    }
}
