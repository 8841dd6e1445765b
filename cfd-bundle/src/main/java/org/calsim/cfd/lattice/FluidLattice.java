package org.calsim.cfd.lattice;

/**
 * The fluid voxels of an image as a sparse list, with, for each fluid node and direction q, the fluid node the
 * population streams in from (at x − c_q), or −1 where that is solid or outside a walled face, so that halfway
 * bounce-back applies. Each axis is periodic or walled. Nodes are numbered in voxel order (x fastest).
 */
final class FluidLattice {
    final int[] dims;
    /** Number of fluid nodes. */
    final int size;
    /** Voxel index of each fluid node. */
    final int[] voxel;
    /** Source node of direction q for node i at {@code source[q * size + i]}; −1: bounce back. */
    final int[] source;

    /**
     * @param dims     voxels along x, y, z
     * @param solid    per voxel (x fastest)
     * @param periodic per axis: periodic, or walled at both ends
     */
    FluidLattice(int[] dims, boolean[] solid, boolean[] periodic) {
        this.dims = dims.clone();
        int nx = dims[0];
        int ny = dims[1];
        int nz = dims[2];
        int total = nx * ny * nz;
        int[] index = new int[total];
        int count = 0;
        for (int v = 0; v < total; v++) {
            index[v] = solid[v] ? -1 : count++;
        }
        size = count;
        voxel = new int[size];
        for (int v = 0; v < total; v++) {
            if (index[v] >= 0) {
                voxel[index[v]] = v;
            }
        }
        source = new int[D3Q19.Q * size];
        for (int i = 0; i < size; i++) {
            int v = voxel[i];
            int x = v % nx;
            int y = (v / nx) % ny;
            int z = v / (nx * ny);
            for (int q = 0; q < D3Q19.Q; q++) {
                int sx = x - D3Q19.CX[q];
                int sy = y - D3Q19.CY[q];
                int sz = z - D3Q19.CZ[q];
                int from = -1;
                if (inside(sx, nx, periodic[0]) && inside(sy, ny, periodic[1]) && inside(sz, nz, periodic[2])) {
                    int u = wrap(sx, nx) + nx * (wrap(sy, ny) + ny * wrap(sz, nz));
                    from = index[u];
                }
                source[q * size + i] = from;
            }
        }
    }

    /**
     * Whether fluid can flow along {@code axis} (periodic): some fluid path, over any of the 18 lattice links,
     * closes on itself only after crossing the periodic boundary (it winds around the axis). Found by a search
     * that tracks each node's unwrapped coordinate along the axis: meeting a node again at a coordinate that
     * differs by the period closes such a loop.
     */
    boolean percolates(int axis) {
        int[] unwrapped = new int[size];
        boolean[] seen = new boolean[size];
        int[] queue = new int[size];
        int[] stride = {1, dims[0], dims[0] * dims[1]};
        int[] c = axis == 0 ? D3Q19.CX : axis == 1 ? D3Q19.CY : D3Q19.CZ;
        for (int start = 0; start < size; start++) {
            if (seen[start]) {
                continue;
            }
            seen[start] = true;
            unwrapped[start] = (voxel[start] / stride[axis]) % dims[axis];
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            while (head < tail) {
                int i = queue[head++];
                for (int q = 1; q < D3Q19.Q; q++) {
                    int s = source[q * size + i];
                    if (s < 0) {
                        continue;
                    }
                    int expected = unwrapped[i] - c[q];
                    if (!seen[s]) {
                        seen[s] = true;
                        unwrapped[s] = expected;
                        queue[tail++] = s;
                    } else if (unwrapped[s] != expected) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean inside(int c, int n, boolean periodic) {
        return periodic || c >= 0 && c < n;
    }

    private static int wrap(int c, int n) {
        return c < 0 ? c + n : c >= n ? c - n : c;
    }
}
