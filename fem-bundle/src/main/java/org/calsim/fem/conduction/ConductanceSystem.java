package org.calsim.fem.conduction;

/**
 * The finite-volume conductance system of the percolating voxels: a symmetric, weakly diagonally dominant
 * M-matrix A = D − G stored as a 7-point {@link Stencil}, with the inlet (φ = 1) and outlet (φ = 0) face conductances that make the
 * right-hand side and measure the currents. Every unknown belongs to a cluster touching the inlet, so A is
 * positive definite.
 */
final class ConductanceSystem {
    /** The operator; its diagonal includes the conductances to the Dirichlet faces. */
    final Stencil stencil;
    /** Right-hand side: the conductance to the inlet face (φ = 1 there). */
    final double[] rhs;
    /** Unknowns on the inlet face and their conductances to it. */
    final int[] inletUnknowns;
    final double[] inletConductance;
    /** Unknowns on the outlet face and their conductances to it. */
    final int[] outletUnknowns;
    final double[] outletConductance;

    /**
     * Assembles the system on the voxels marked {@code active}: two neighbours are joined by the conductance of
     * their half-voxels in series, 2σ₁σ₂/(σ₁ + σ₂), a voxel on a Dirichlet face by 2σ; across the border of a
     * {@code periodic} axis a voxel is joined to the one on the opposite border, else that face has no flux.
     */
    ConductanceSystem(int[] n, double[] conductivity, boolean[] active, int axis, boolean[] periodic) {
        SteadyConduction.checkPeriodic(axis, periodic);
        int nx = n[0];
        int ny = n[1];
        int total = nx * ny * n[2];
        int[] stride = {1, nx, nx * ny};
        int count = 0;
        for (boolean a : active) {
            count += a ? 1 : 0;
        }
        int m = count;
        int[] cell = new int[m];
        int[] slot = new int[total];
        int inlets = 0;
        int outlets = 0;
        for (int v = 0, s = 0; v < total; v++) {
            slot[v] = active[v] ? s : -1;
            if (active[v]) {
                cell[s++] = v;
                int along = (v / stride[axis]) % n[axis];
                inlets += along == 0 ? 1 : 0;
                outlets += along == n[axis] - 1 ? 1 : 0;
            }
        }
        int[] neighbour = new int[6 * m];
        double[] g = new double[6 * m];
        double[] diagonal = new double[m];
        rhs = new double[m];
        inletUnknowns = new int[inlets];
        inletConductance = new double[inlets];
        outletUnknowns = new int[outlets];
        outletConductance = new double[outlets];
        int in = 0;
        int out = 0;
        int[] ijk = new int[3];
        for (int s = 0; s < m; s++) {
            int v = cell[s];
            ijk[0] = v % nx;
            ijk[1] = (v / nx) % ny;
            ijk[2] = v / (nx * ny);
            double sv = conductivity[v];
            for (int a = 0; a < 3; a++) {
                for (int side = 0; side < 2; side++) {
                    int e = 6 * s + 2 * a + side;
                    neighbour[e] = -1;
                    int coordinate = ijk[a] + (side == 0 ? -1 : 1);
                    int u;
                    if (coordinate < 0 || coordinate >= n[a]) {
                        if (a == axis) { // a Dirichlet face: half a voxel to it
                            double gb = 2 * sv;
                            diagonal[s] += gb;
                            if (coordinate < 0) {
                                rhs[s] += gb;
                                inletUnknowns[in] = s;
                                inletConductance[in++] = gb;
                            } else {
                                outletUnknowns[out] = s;
                                outletConductance[out++] = gb;
                            }
                            continue;
                        }
                        if (!periodic[a]) {
                            continue;
                        }
                        u = v + (coordinate < 0 ? (n[a] - 1) : -(n[a] - 1)) * stride[a];
                    } else {
                        u = v + (side == 0 ? -1 : 1) * stride[a];
                    }
                    if (!active[u]) {
                        continue;
                    }
                    double su = conductivity[u];
                    double gf = 2 * sv * su / (sv + su);
                    neighbour[e] = slot[u];
                    g[e] = gf;
                    diagonal[s] += gf;
                }
            }
        }
        stencil = new Stencil(cell, n.clone(), neighbour, g, diagonal);
    }

    /** @return current entering through the inlet face, Σ g_b (1 − φ) [σ·voxel] */
    double inletCurrent(double[] phi) {
        double current = 0;
        for (int k = 0; k < inletUnknowns.length; k++) {
            current += inletConductance[k] * (1 - phi[inletUnknowns[k]]);
        }
        return current;
    }

    /** @return current leaving through the outlet face, Σ g_b φ [σ·voxel] */
    double outletCurrent(double[] phi) {
        double current = 0;
        for (int k = 0; k < outletUnknowns.length; k++) {
            current += outletConductance[k] * phi[outletUnknowns[k]];
        }
        return current;
    }
}
