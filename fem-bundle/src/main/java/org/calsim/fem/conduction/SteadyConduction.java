package org.calsim.fem.conduction;

import java.util.Arrays;
import org.calsim.parallel.WorkerTeam;

/**
 * Steady conduction (or diffusion) through a voxel image, finite volumes on the voxel grid: ∇·(σ∇φ) = 0 with
 * φ = 1 on the inlet face and φ = 0 on the outlet face normal to the chosen axis, and no flux (or periodicity)
 * on the four side faces. Each voxel has a conductivity σ ≥ 0; two neighbouring voxels are joined by the
 * conductance of their two half-voxels in series, 2σ₁σ₂/(σ₁ + σ₂) (per unit voxel edge), a voxel on a
 * Dirichlet face is joined to the face by 2σ. This makes layered (laminate) media exact.
 *
 * <p>Only voxels connected to both faces (the percolating part, by 6-connectivity) carry current and are
 * solved for; isolated clusters and a phase that connects neither face are left out. When nothing percolates
 * the result says so (infinite tortuosity) instead of giving a number.
 *
 * <p>The system is symmetric positive definite; it is solved matrix-free by conjugate gradients with a Jacobi
 * preconditioner. It stops when the residual is below {@code tolerance} times the right-hand side and the
 * currents through the two faces agree to {@code fluxTolerance} (convergence on the flux: at the solution they
 * are equal, and τ follows from the current); the result reports the iterations, the residual and the balance.
 *
 * <p>Effective conductivity: σ_eff = I·n_axis/(n_a·n_b) in the units of σ (I the current through the outlet in
 * voxel units; the voxel size cancels).
 */
public final class SteadyConduction {
    private SteadyConduction() {
    }

    /**
     * Result of one solve.
     *
     * @param percolates    whether any voxel connects the two faces
     * @param effective     σ_eff in the units of the given conductivities; 0 when nothing percolates
     * @param inletCurrent  current through the inlet face [voxel units]
     * @param outletCurrent current through the outlet face [voxel units]
     * @param iterations    conjugate-gradient iterations
     * @param residual      final ‖r‖/‖b‖
     * @param activeVoxels  voxels solved for (the percolating part)
     */
    public record Result(boolean percolates, double effective, double inletCurrent, double outletCurrent,
                         int iterations, double residual, int activeVoxels) {
        /** @return |I_in − I_out| / I_in, the flux balance [1] */
        public double fluxImbalance() {
            return percolates ? Math.abs(inletCurrent - outletCurrent) / Math.abs(inletCurrent) : 0;
        }
    }

    /**
     * @param n             voxels along x, y, z
     * @param conductivity  σ per voxel (x fastest), ≥ 0
     * @param axis          0, 1 or 2: the direction of transport (2 = through-plane)
     * @param periodicSides whether the side faces are periodic (else no flux)
     * @param tolerance     relative residual to stop at, e.g. 1e-8
     * @param fluxTolerance largest relative difference of the inlet and outlet currents to stop at, e.g. 1e-4
     * @param maxIterations iteration limit
     * @param threads       worker threads (≥ 1); the result does not depend on it
     */
    public static Result solve(int[] n, double[] conductivity, int axis, boolean periodicSides, double tolerance,
                               double fluxTolerance, int maxIterations, int threads) {
        int nx = n[0];
        int ny = n[1];
        int nz = n[2];
        int total = nx * ny * nz;
        int[] stride = {1, nx, nx * ny};
        boolean[] active = percolating(n, conductivity, axis, periodicSides);
        int count = 0;
        for (boolean a : active) {
            if (a) {
                count++;
            }
        }
        if (count == 0) {
            return new Result(false, 0, 0, 0, 0, 0, 0);
        }
        int[] voxels = new int[count];
        int[] slot = new int[total];
        Arrays.fill(slot, -1);
        int c = 0;
        for (int v = 0; v < total; v++) {
            if (active[v]) {
                slot[v] = c;
                voxels[c++] = v;
            }
        }
        // neighbour conductances per active voxel and direction (−x, +x, −y, +y, −z, +z); −1: none
        int[] neighbour = new int[6 * count];
        double[] g = new double[6 * count];
        double[] diagonal = new double[count];
        double[] rhs = new double[count];
        double[] boundary = new double[count]; // conductance to the outlet face (for the current)
        int[] size = {nx, ny, nz};
        for (int s = 0; s < count; s++) {
            int v = voxels[s];
            int[] ijk = {v % nx, (v / nx) % ny, v / (nx * ny)};
            double sv = conductivity[v];
            for (int a = 0; a < 3; a++) {
                for (int side = 0; side < 2; side++) {
                    int e = 6 * s + 2 * a + side;
                    neighbour[e] = -1;
                    int step = side == 0 ? -1 : 1;
                    int coordinate = ijk[a] + step;
                    int u;
                    if (coordinate < 0 || coordinate >= size[a]) {
                        if (a == axis) { // a Dirichlet face: half a voxel to it
                            double gb = 2 * sv;
                            diagonal[s] += gb;
                            if (coordinate < 0) {
                                rhs[s] += gb; // φ = 1 at the inlet
                            } else {
                                boundary[s] = gb;
                            }
                            continue;
                        }
                        if (!periodicSides) {
                            continue;
                        }
                        u = v + (coordinate < 0 ? (size[a] - 1) : -(size[a] - 1)) * stride[a];
                    } else {
                        u = v + step * stride[a];
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
        double[] phi = new double[count];
        double[] inlet = new double[count]; // conductance to the inlet face
        for (int s = 0; s < count; s++) {
            int v = voxels[s];
            int along = axis == 0 ? v % nx : axis == 1 ? (v / nx) % ny : v / (nx * ny);
            inlet[s] = along == 0 ? 2 * conductivity[v] : 0;
        }
        int iterations;
        try (Cg cg = new Cg(neighbour, g, diagonal, rhs, phi, threads)) {
            iterations = cg.solve(tolerance, fluxTolerance, inlet, boundary, maxIterations);
        }
        double[] r = new double[count];
        apply(neighbour, g, diagonal, phi, r);
        double rr = 0;
        double bb = 0;
        for (int s = 0; s < count; s++) {
            double d = rhs[s] - r[s];
            rr += d * d;
            bb += rhs[s] * rhs[s];
        }
        double in = inletCurrent(inlet, phi);
        double out = outletCurrent(boundary, phi);
        int na = size[(axis + 1) % 3];
        int nb = size[(axis + 2) % 3];
        double effective = out * size[axis] / ((double) na * nb);
        return new Result(true, effective, in, out, iterations, Math.sqrt(rr / bb), count);
    }

    /**
     * Jacobi-preconditioned conjugate gradients on a fixed partition of the unknowns into {@value #CHUNKS}
     * chunks, which the workers share; every dot product is summed per chunk and then over the chunks in order,
     * so the iterates do not depend on the number of threads. Stops on the residual and the flux balance
     * (checked every 10 iterations once the residual is met).
     */
    private static final class Cg implements AutoCloseable {
        static final int CHUNKS = 64;
        final int[] neighbour;
        final double[] g;
        final double[] diagonal;
        final double[] x;
        final double[] r;
        final double[] z;
        final double[] p;
        final double[] q;
        final int m;
        final int chunks;
        final double[] partialA;
        final double[] partialB;
        final WorkerTeam team;
        double alpha;
        double beta;
        final WorkerTeam.Task applyTask = this::applyAndDot;
        final WorkerTeam.Task updateTask = this::update;
        final WorkerTeam.Task directionTask = this::direction;

        Cg(int[] neighbour, double[] g, double[] diagonal, double[] b, double[] x, int threads) {
            this.neighbour = neighbour;
            this.g = g;
            this.diagonal = diagonal;
            this.x = x;
            this.m = x.length;
            this.r = b.clone();
            this.z = new double[m];
            this.p = new double[m];
            this.q = new double[m];
            this.chunks = Math.max(1, Math.min(CHUNKS, m));
            this.partialA = new double[chunks];
            this.partialB = new double[chunks];
            this.team = new WorkerTeam(threads, "calsim-conduction");
        }

        private int from(int chunk) {
            return (int) ((long) m * chunk / chunks);
        }

        // q = A p; partialA = p·q per chunk
        private void applyAndDot(int worker, int workers) {
            for (int c = worker; c < chunks; c += workers) {
                double pq = 0;
                for (int s = from(c), end = from(c + 1); s < end; s++) {
                    double sum = diagonal[s] * p[s];
                    for (int e = 6 * s; e < 6 * s + 6; e++) {
                        int t = neighbour[e];
                        if (t >= 0) {
                            sum -= g[e] * p[t];
                        }
                    }
                    q[s] = sum;
                    pq += p[s] * sum;
                }
                partialA[c] = pq;
            }
        }

        // x += αp, r −= αq, z = r/D; partialA = r·z, partialB = r·r per chunk
        private void update(int worker, int workers) {
            for (int c = worker; c < chunks; c += workers) {
                double rz = 0;
                double rr = 0;
                for (int s = from(c), end = from(c + 1); s < end; s++) {
                    x[s] += alpha * p[s];
                    r[s] -= alpha * q[s];
                    z[s] = r[s] / diagonal[s];
                    rz += r[s] * z[s];
                    rr += r[s] * r[s];
                }
                partialA[c] = rz;
                partialB[c] = rr;
            }
        }

        // p = z + βp
        private void direction(int worker, int workers) {
            for (int c = worker; c < chunks; c += workers) {
                for (int s = from(c), end = from(c + 1); s < end; s++) {
                    p[s] = z[s] + beta * p[s];
                }
            }
        }

        private static double sum(double[] partial) {
            double total = 0;
            for (double v : partial) {
                total += v;
            }
            return total;
        }

        int solve(double tolerance, double fluxTolerance, double[] inlet, double[] outlet, int maxIterations) {
            double bb = 0;
            for (double v : r) {
                bb += v * v;
            }
            if (bb == 0) {
                return 0;
            }
            double rz = 0;
            for (int s = 0; s < m; s++) {
                z[s] = r[s] / diagonal[s];
                p[s] = z[s];
                rz += r[s] * z[s];
            }
            double rr = bb;
            int k = 0;
            while (k < maxIterations) {
                if (rr <= tolerance * tolerance * bb && k % 10 == 0) {
                    double in = inletCurrent(inlet, x);
                    double out = outletCurrent(outlet, x);
                    if (Math.abs(in - out) <= fluxTolerance * Math.abs(in)) {
                        break;
                    }
                }
                team.run(applyTask);
                alpha = rz / sum(partialA);
                team.run(updateTask);
                double rzNew = sum(partialA);
                rr = sum(partialB);
                beta = rzNew / rz;
                rz = rzNew;
                team.run(directionTask);
                k++;
            }
            return k;
        }

        @Override
        public void close() {
            team.close();
        }
    }

    /** y = A x for the conductance system. */
    private static void apply(int[] neighbour, double[] g, double[] diagonal, double[] x, double[] y) {
        for (int s = 0; s < x.length; s++) {
            double sum = diagonal[s] * x[s];
            for (int e = 6 * s; e < 6 * s + 6; e++) {
                int t = neighbour[e];
                if (t >= 0) {
                    sum -= g[e] * x[t];
                }
            }
            y[s] = sum;
        }
    }

    private static double inletCurrent(double[] inlet, double[] phi) {
        double in = 0;
        for (int s = 0; s < phi.length; s++) {
            in += inlet[s] * (1 - phi[s]);
        }
        return in;
    }

    private static double outletCurrent(double[] outlet, double[] phi) {
        double out = 0;
        for (int s = 0; s < phi.length; s++) {
            out += outlet[s] * phi[s];
        }
        return out;
    }

    /**
     * @return the number of voxels with σ &gt; 0 connected (6-connectivity) to both faces normal to {@code axis}
     *         (the percolating part of a phase)
     */
    public static int percolatingCount(int[] n, double[] conductivity, int axis, boolean periodicSides) {
        int count = 0;
        for (boolean b : percolating(n, conductivity, axis, periodicSides)) {
            count += b ? 1 : 0;
        }
        return count;
    }

    /** @return voxels with σ &gt; 0 connected (6-connectivity) to both faces normal to {@code axis} */
    static boolean[] percolating(int[] n, double[] conductivity, int axis, boolean periodicSides) {
        boolean[] fromInlet = flood(n, conductivity, axis, 0, periodicSides);
        boolean[] fromOutlet = flood(n, conductivity, axis, n[axis] - 1, periodicSides);
        for (int v = 0; v < fromInlet.length; v++) {
            fromInlet[v] &= fromOutlet[v];
        }
        return fromInlet;
    }

    private static boolean[] flood(int[] n, double[] conductivity, int axis, int face, boolean periodicSides) {
        int nx = n[0];
        int ny = n[1];
        int nz = n[2];
        int total = nx * ny * nz;
        int[] stride = {1, nx, nx * ny};
        boolean[] seen = new boolean[total];
        int[] queue = new int[total];
        int head = 0;
        int tail = 0;
        for (int v = 0; v < total; v++) {
            int[] ijk = {v % nx, (v / nx) % ny, v / (nx * ny)};
            if (ijk[axis] == face && conductivity[v] > 0) {
                seen[v] = true;
                queue[tail++] = v;
            }
        }
        while (head < tail) {
            int v = queue[head++];
            int[] ijk = {v % nx, (v / nx) % ny, v / (nx * ny)};
            for (int a = 0; a < 3; a++) {
                for (int step = -1; step <= 1; step += 2) {
                    int coordinate = ijk[a] + step;
                    int u;
                    if (coordinate < 0 || coordinate >= n[a]) {
                        if (a == axis || !periodicSides) {
                            continue;
                        }
                        u = v + (coordinate < 0 ? (n[a] - 1) : -(n[a] - 1)) * stride[a];
                    } else {
                        u = v + step * stride[a];
                    }
                    if (!seen[u] && conductivity[u] > 0) {
                        seen[u] = true;
                        queue[tail++] = u;
                    }
                }
            }
        }
        return seen;
    }
}
