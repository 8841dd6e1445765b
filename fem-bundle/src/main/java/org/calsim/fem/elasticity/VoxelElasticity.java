package org.calsim.fem.elasticity;

import java.util.Arrays;

/**
 * Linear-elastic voxel finite elements: every voxel an 8-node trilinear hexahedron ({@link HexElement}) with
 * its phase's E and ν; a pore voxel gets a small "ersatz" modulus (a fraction of the largest one) so that no
 * node floats. Uniaxial loading along an axis: the face at 0 is held at u_axis = 0, the opposite face is moved
 * by −δ; the two side faces at coordinate 0 are symmetry planes (zero normal displacement), the others are
 * free, so the body contracts or expands freely across the load. Effective Young's modulus E_eff = (F/A)/(δ/L)
 * from the reaction force F on the moved face.
 *
 * <p>Solved matrix-free (element by element, on threads by element colour) by Jacobi-preconditioned conjugate
 * gradients.
 */
public final class VoxelElasticity {
    private VoxelElasticity() {
    }

    /**
     * Result.
     *
     * @param modulus    effective Young's modulus along the axis, in the units of the given moduli
     * @param iterations conjugate-gradient iterations
     * @param residual   final relative residual
     */
    public record Result(double modulus, int iterations, double residual) {
    }

    /**
     * @param n         voxels along x, y, z
     * @param phase     phase label per voxel (x fastest)
     * @param youngs    Young's modulus per phase label (0 for pores: they get {@code ersatz} × the largest)
     * @param poisson   Poisson's ratio per phase label
     * @param axis      load axis 0, 1, 2
     * @param ersatz    modulus of empty voxels relative to the largest, e.g. 1e-6
     * @param tolerance relative residual to stop at
     * @param threads   worker threads (≥ 1); the result does not depend on it
     */
    public static Result solve(int[] n, byte[] phase, double[] youngs, double[] poisson, int axis, double ersatz,
                               double tolerance, int maxIterations, int threads) {
        int nx = n[0];
        int ny = n[1];
        int nz = n[2];
        int px = nx + 1;
        int py = ny + 1;
        int pz = nz + 1;
        int nodes = px * py * pz;
        int dofs = 3 * nodes;
        double eMax = 0;
        for (double e : youngs) {
            eMax = Math.max(eMax, e);
        }
        double[] modulus = new double[phase.length];
        double[][] unit = new double[youngs.length][];
        for (int p = 0; p < youngs.length; p++) {
            unit[p] = HexElement.stiffness(poisson[p]);
        }
        for (int v = 0; v < phase.length; v++) {
            double e = youngs[phase[v]];
            modulus[v] = e > 0 ? e : ersatz * eMax;
        }
        // prescribed DOFs: 0 free, 1 fixed at 0, 2 moved by −δ
        byte[] fixed = new byte[dofs];
        int[] size = {px, py, pz};
        int b = (axis + 1) % 3;
        int c = (axis + 2) % 3;
        for (int node = 0; node < nodes; node++) {
            int[] ijk = {node % px, (node / px) % py, node / (px * py)};
            if (ijk[axis] == 0) {
                fixed[3 * node + axis] = 1;
            } else if (ijk[axis] == size[axis] - 1) {
                fixed[3 * node + axis] = 2;
            }
            if (ijk[b] == 0) {
                fixed[3 * node + b] = 1;
            }
            if (ijk[c] == 0) {
                fixed[3 * node + c] = 1;
            }
        }
        double delta = 1e-3 * n[axis]; // strain 1e-3
        double[] u = new double[dofs];
        for (int d = 0; d < dofs; d++) {
            if (fixed[d] == 2) {
                u[d] = -delta;
            }
        }
        Operator op = new Operator(nx, ny, nz, phase, modulus, unit, threads);
        try {
            return solve(op, n, axis, fixed, u, delta, tolerance, maxIterations, dofs, b, c);
        } finally {
            op.team.close();
        }
    }

    private static Result solve(Operator op, int[] n, int axis, byte[] fixed, double[] u, double delta,
                                double tolerance, int maxIterations, int dofs, int b, int c) {
        // right-hand side: −K u_prescribed on the free DOFs
        double[] ku = new double[dofs];
        apply(op, u, ku);
        double[] rhs = new double[dofs];
        for (int d = 0; d < dofs; d++) {
            rhs[d] = fixed[d] == 0 ? -ku[d] : 0;
        }
        double[] diagonal = diagonal(op.nx, op.ny, op.nz, op.phase, op.modulus, op.unit);
        double[] x = new double[dofs];
        int[] its = {0};
        double residual = cg(op, fixed, diagonal, rhs, x, tolerance, maxIterations, its);
        for (int d = 0; d < dofs; d++) {
            if (fixed[d] != 0) {
                x[d] = u[d];
            }
        }
        apply(op, x, ku);
        double force = 0;
        for (int d = 0; d < dofs; d++) {
            if (fixed[d] == 2) {
                force += ku[d];
            }
        }
        double area = (double) n[b] * n[c];
        double stress = -force / area;
        double strain = delta / n[axis];
        return new Result(stress / strain, its[0], residual);
    }

    /**
     * y = K x, element by element. Elements are coloured by the parity of (i, j, k): two elements of one colour
     * share no node, so the workers add the elements of one colour at once, and every node receives its element
     * contributions in colour order whatever the number of threads.
     */
    private static void apply(Operator op, double[] x, double[] y) {
        Arrays.fill(y, 0);
        op.x = x;
        op.y = y;
        for (int colour = 0; colour < 8; colour++) {
            op.colour = colour;
            op.team.run(op.task);
        }
    }

    /** The element loop of one colour, shared by the workers by k-planes. */
    private static final class Operator {
        final int nx;
        final int ny;
        final int nz;
        final byte[] phase;
        final double[] modulus;
        final double[][] unit;
        final org.calsim.parallel.WorkerTeam team;
        final int[][] dof;
        final double[][] xe;
        final org.calsim.parallel.WorkerTeam.Task task = this::colour;
        double[] x;
        double[] y;
        int colour;

        Operator(int nx, int ny, int nz, byte[] phase, double[] modulus, double[][] unit, int threads) {
            this.nx = nx;
            this.ny = ny;
            this.nz = nz;
            this.phase = phase;
            this.modulus = modulus;
            this.unit = unit;
            this.team = new org.calsim.parallel.WorkerTeam(threads, "calsim-elasticity");
            this.dof = new int[threads][24];
            this.xe = new double[threads][24];
        }

        private void colour(int worker, int workers) {
            int ci = colour & 1;
            int cj = (colour >> 1) & 1;
            int ck = (colour >> 2) & 1;
            int px = nx + 1;
            int py = ny + 1;
            int[] d = dof[worker];
            double[] e = xe[worker];
            int plane = 0;
            for (int k = ck; k < nz; k += 2, plane++) {
                if (plane % workers != worker) {
                    continue;
                }
                for (int j = cj; j < ny; j += 2) {
                    for (int i = ci; i < nx; i += 2) {
                        int v = i + nx * (j + ny * k);
                        double scale = modulus[v];
                        double[] ke = unit[phase[v]];
                        for (int node = 0; node < 8; node++) {
                            int g = (i + (node & 1)) + px * ((j + ((node >> 1) & 1)) + py * (k + ((node >> 2) & 1)));
                            for (int comp = 0; comp < 3; comp++) {
                                d[3 * node + comp] = 3 * g + comp;
                                e[3 * node + comp] = x[3 * g + comp];
                            }
                        }
                        for (int r = 0; r < 24; r++) {
                            double sum = 0;
                            for (int t = 0; t < 24; t++) {
                                sum += ke[24 * r + t] * e[t];
                            }
                            y[d[r]] += scale * sum;
                        }
                    }
                }
            }
        }
    }

    private static double[] diagonal(int nx, int ny, int nz, byte[] phase, double[] modulus, double[][] unit) {
        int px = nx + 1;
        int py = ny + 1;
        double[] diag = new double[3 * px * py * (nz + 1)];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int v = i + nx * (j + ny * k);
                    double[] ke = unit[phase[v]];
                    for (int node = 0; node < 8; node++) {
                        int g = (i + (node & 1)) + px * ((j + ((node >> 1) & 1)) + py * (k + ((node >> 2) & 1)));
                        for (int comp = 0; comp < 3; comp++) {
                            int r = 3 * node + comp;
                            diag[3 * g + comp] += modulus[v] * ke[24 * r + r];
                        }
                    }
                }
            }
        }
        return diag;
    }

    /** Jacobi-PCG on the free DOFs (fixed DOFs held at 0 in the increments); returns the relative residual. */
    private static double cg(Operator op, byte[] fixed, double[] diagonal, double[] b, double[] x, double tolerance,
                             int maxIterations, int[] iterations) {
        int m = b.length;
        double[] r = b.clone();
        double[] z = new double[m];
        double[] p = new double[m];
        double[] q = new double[m];
        double bb = 0;
        double rz = 0;
        for (int d = 0; d < m; d++) {
            bb += b[d] * b[d];
            z[d] = fixed[d] == 0 ? r[d] / diagonal[d] : 0;
            p[d] = z[d];
            rz += r[d] * z[d];
        }
        double rr = bb;
        int k = 0;
        while (k < maxIterations && rr > tolerance * tolerance * bb) {
            apply(op, p, q);
            double pq = 0;
            for (int d = 0; d < m; d++) {
                if (fixed[d] == 0) {
                    pq += p[d] * q[d];
                }
            }
            double alpha = rz / pq;
            double rzNew = 0;
            rr = 0;
            for (int d = 0; d < m; d++) {
                if (fixed[d] != 0) {
                    continue;
                }
                x[d] += alpha * p[d];
                r[d] -= alpha * q[d];
                z[d] = r[d] / diagonal[d];
                rzNew += r[d] * z[d];
                rr += r[d] * r[d];
            }
            double beta = rzNew / rz;
            rz = rzNew;
            for (int d = 0; d < m; d++) {
                p[d] = fixed[d] == 0 ? z[d] + beta * p[d] : 0;
            }
            k++;
        }
        iterations[0] = k;
        return bb == 0 ? 0 : Math.sqrt(rr / bb);
    }
}
