package org.calsim.fem.elasticity;

import java.util.Arrays;
import org.calsim.parallel.WorkerTeam;

/**
 * The stiffness matrix of a voxel mesh, applied element by element without assembling it: y = K x.
 *
 * <p><b>Degrees of freedom.</b> Voxel (i, j, k) is a trilinear hexahedron ({@link HexElement}) scaled by its
 * Young's modulus. Nodes are numbered {@code i + qx (j + qy k)}, three displacement components each (DOF
 * 3·node + component). Without periodicity qx = nx + 1, qy = ny + 1. With periodic x and y the nodes at i = nx
 * and j = ny are the images of those at 0 (qx = nx, qy = ny), and six more DOFs follow the nodal ones: the jumps
 * of the displacement across the periodic cell, J_x = u(x + L_x) − u(x) (three components) and J_y likewise.
 * The displacement is then u = H·x + w with w periodic and H the average displacement gradient (columns
 * J_x / L_x, J_y / L_y): an element corner that lies on the image side of the cell takes the nodal value of its
 * periodic twin plus the jump (the average strain as unknowns beside the periodic displacements, as in Garboczi's voxel
 * elasticity programs, NISTIR 6269, 1998). K is then TᵀK_eT with T this map, symmetric; the row of a jump DOF is the
 * total force transmitted across that face of the cell, i.e. the average stress times the face area.
 *
 * <p><b>Threads.</b> Elements are coloured so that two elements of one colour share no node: by parity along
 * each axis, with a third class for the last element of a periodic axis of odd length (it touches node 0 through
 * the wrap). The workers take the k-planes of a colour in turn. Every node receives its element contributions
 * in colour order, and the jump forces are collected per k-plane and summed in plane order, so y does not
 * depend on the number of threads, bit for bit. Nothing is allocated per application.
 */
final class ElementOperator implements AutoCloseable {
    final int nx;
    final int ny;
    final int nz;
    final boolean periodic;
    /** Nodes along x and y. */
    final int qx;
    final int qy;
    /** Index of the first jump DOF (J_x, then J_y); the number of nodal DOFs. */
    final int jumps;
    /** Total DOFs: nodal, plus 6 jumps when periodic. */
    final int size;
    private final byte[] phase;
    private final double[] modulus;
    private final double[][] unit;
    private final int[][] classX;
    private final int[][] classY;
    private final WorkerTeam team;
    private final WorkerTeam.Task task = this::colour;
    private final int[][] node;
    private final int[][] wrap;
    private final double[][] xe;
    /** Jump forces per k-plane, 6 per plane. */
    private final double[] planeJumps;
    private double[] x;
    private double[] y;
    private int cx;
    private int cy;
    private int cz;

    /**
     * @param n        elements (voxels) along x, y, z
     * @param periodic whether x and y are periodic
     * @param phase    phase label per voxel, x fastest
     * @param modulus  Young's modulus per voxel
     * @param unit     element stiffness for E = 1 per phase label ({@link HexElement#stiffness})
     * @param threads  worker threads
     */
    ElementOperator(int[] n, boolean periodic, byte[] phase, double[] modulus, double[][] unit, int threads) {
        this.nx = n[0];
        this.ny = n[1];
        this.nz = n[2];
        this.periodic = periodic;
        this.qx = periodic ? nx : nx + 1;
        this.qy = periodic ? ny : ny + 1;
        this.jumps = 3 * qx * qy * (nz + 1);
        this.size = jumps + (periodic ? 6 : 0);
        this.phase = phase;
        this.modulus = modulus;
        this.unit = unit;
        this.classX = classes(nx, periodic);
        this.classY = classes(ny, periodic);
        this.team = new WorkerTeam(threads, "calsim-elasticity");
        this.node = new int[threads][8];
        this.wrap = new int[threads][8];
        this.xe = new double[threads][24];
        this.planeJumps = new double[6 * nz];
    }

    /** @return the node index of grid point (i, j, k), i &lt; qx, j &lt; qy, k ≤ nz */
    int node(int i, int j, int k) {
        return i + qx * (j + qy * k);
    }

    /** @return the DOF of component {@code component} of the jump across the cell along {@code axis} (0 or 1) */
    int jump(int axis, int component) {
        return jumps + 3 * axis + component;
    }

    /** y = K x (x and y of length {@link #size}). */
    void apply(double[] in, double[] out) {
        Arrays.fill(out, 0);
        Arrays.fill(planeJumps, 0);
        x = in;
        y = out;
        for (int a = 0; a < classX.length; a++) {
            for (int b = 0; b < classY.length; b++) {
                for (int c = 0; c < 2 && c < nz; c++) {
                    cx = a;
                    cy = b;
                    cz = c;
                    team.run(task);
                }
            }
        }
        if (periodic) {
            for (int m = 0; m < 6; m++) {
                double sum = 0;
                for (int k = 0; k < nz; k++) {
                    sum += planeJumps[6 * k + m];
                }
                out[jumps + m] = sum;
            }
        }
    }

    /**
     * Element indices along one axis in colour classes whose elements share no node: even and odd indices; on a
     * periodic axis of odd length n ≥ 3 the last element (it touches node 0 through the wrap) forms a third class.
     */
    static int[][] classes(int n, boolean periodic) {
        if (n == 1) {
            return new int[][] {{0}};
        }
        boolean third = periodic && n % 2 == 1;
        int evens = (n + 1) / 2 - (third ? 1 : 0);
        int[] even = new int[evens];
        int[] odd = new int[n / 2];
        for (int i = 0; i < evens; i++) {
            even[i] = 2 * i;
        }
        for (int i = 0; i < odd.length; i++) {
            odd[i] = 2 * i + 1;
        }
        return third ? new int[][] {even, odd, {n - 1}} : new int[][] {even, odd};
    }

    /** The elements of the current colour in the k-planes of one worker. */
    private void colour(int worker, int workers) {
        int[] g = node[worker];
        int[] w = wrap[worker];
        double[] e = xe[worker];
        int[] is = classX[cx];
        int[] js = classY[cy];
        int plane = 0;
        for (int k = cz; k < nz; k += 2, plane++) {
            if (plane % workers != worker) {
                continue;
            }
            for (int j : js) {
                for (int i : is) {
                    int v = i + nx * (j + ny * k);
                    gather(i, j, k, g, w, e);
                    double scale = modulus[v];
                    double[] ke = unit[phase[v]];
                    for (int r = 0; r < 24; r++) {
                        double sum = 0;
                        int row = 24 * r;
                        for (int t = 0; t < 24; t++) {
                            sum += ke[row + t] * e[t];
                        }
                        double f = scale * sum;
                        int corner = r / 3;
                        int comp = r - 3 * corner;
                        y[3 * g[corner] + comp] += f;
                        if ((w[corner] & 1) != 0) {
                            planeJumps[6 * k + comp] += f;
                        }
                        if ((w[corner] & 2) != 0) {
                            planeJumps[6 * k + 3 + comp] += f;
                        }
                    }
                }
            }
        }
    }

    /**
     * The nodes of element (i, j, k) and whether each corner wraps across x (bit 1) or y (bit 2), and, when
     * {@code e} is given, the element's displacements (nodal value plus the jumps it wraps across).
     */
    private void gather(int i, int j, int k, int[] g, int[] w, double[] e) {
        for (int corner = 0; corner < 8; corner++) {
            int gi = i + (corner & 1);
            int gj = j + ((corner >> 1) & 1);
            int flags = 0;
            if (gi == qx) {
                gi = 0;
                flags = 1;
            }
            if (gj == qy) {
                gj = 0;
                flags |= 2;
            }
            int id = gi + qx * (gj + qy * (k + ((corner >> 2) & 1)));
            g[corner] = id;
            w[corner] = flags;
            if (e != null) {
                for (int comp = 0; comp < 3; comp++) {
                    double value = x[3 * id + comp];
                    if ((flags & 1) != 0) {
                        value += x[jumps + comp];
                    }
                    if ((flags & 2) != 0) {
                        value += x[jumps + 3 + comp];
                    }
                    e[3 * corner + comp] = value;
                }
            }
        }
    }

    /**
     * @return the diagonal of K (of TᵀK_eT, exactly: corners of one element that are the same node, on a periodic
     *         axis one element long, and the jump DOFs collect the cross terms of the corners they move)
     */
    double[] diagonal() {
        double[] diag = new double[size];
        int[] g = new int[8];
        int[] w = new int[8];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int v = i + nx * (j + ny * k);
                    double[] ke = unit[phase[v]];
                    gather(i, j, k, g, w, null);
                    for (int a = 0; a < 8; a++) {
                        for (int b = 0; b < 8; b++) {
                            for (int comp = 0; comp < 3; comp++) {
                                double kab = modulus[v] * ke[24 * (3 * a + comp) + 3 * b + comp];
                                if (g[a] == g[b]) {
                                    diag[3 * g[a] + comp] += kab;
                                }
                                if ((w[a] & w[b] & 1) != 0) {
                                    diag[jumps + comp] += kab;
                                }
                                if ((w[a] & w[b] & 2) != 0) {
                                    diag[jumps + 3 + comp] += kab;
                                }
                            }
                        }
                    }
                }
            }
        }
        return diag;
    }

    @Override
    public void close() {
        team.close();
    }
}
