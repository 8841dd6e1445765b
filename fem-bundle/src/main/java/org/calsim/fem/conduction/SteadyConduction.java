package org.calsim.fem.conduction;

import org.calsim.parallel.WorkerTeam;

/**
 * Steady conduction (or diffusion) through a voxel image, finite volumes on the voxel grid: ∇·(σ∇φ) = 0 with
 * φ = 1 on the inlet face and φ = 0 on the outlet face normal to the chosen axis; each of the two other axes is
 * either periodic (the image wraps: a periodic DEM packing in x and y) or closed by no-flux faces (a sample cut
 * from a larger body, as TauFactor's {@code Solver} assumes; the collector and the top of an electrode for
 * in-plane transport). Each voxel has a conductivity σ ≥ 0; two neighbouring voxels are joined by the
 * conductance of their two half-voxels in series, 2σ₁σ₂/(σ₁ + σ₂) (per unit voxel edge), a voxel on a
 * Dirichlet face is joined to the face by 2σ. This makes layered (laminate) media exact.
 *
 * <p>Only voxels connected to both faces (the percolating part, by 6-connectivity) carry current and are
 * solved for; isolated clusters and a phase that connects neither face are left out. When nothing percolates
 * the result says so (infinite tortuosity) instead of giving a number.
 *
 * <p>The system is symmetric positive definite; it is solved by conjugate gradients on its 7-point stencil,
 * preconditioned by an aggregation multigrid V-cycle (or, for comparison, by its diagonal). It stops when the
 * residual is below {@code tolerance} times the right-hand side and the currents through the two faces agree to
 * {@code fluxTolerance} (convergence on the flux: at the solution they are equal, and τ follows from the
 * current); the result reports the iterations, the residual and the balance.
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

    /** How the conjugate gradients are preconditioned. */
    public enum Preconditioning {
        /** An aggregation multigrid V-cycle ({@link AggregationMultigrid}): iterations nearly independent of size. */
        MULTIGRID,
        /** The diagonal: cheap per iteration, but the iterations grow with the image size. */
        JACOBI
    }

    /**
     * @param tolerance      relative residual to stop at, e.g. 1e-6
     * @param fluxTolerance  largest relative difference of the inlet and outlet currents to stop at, e.g. 1e-5
     * @param maxIterations  iteration limit
     * @param threads        worker threads (≥ 1); the result does not depend on it
     * @param preconditioning the preconditioner
     */
    public record Settings(double tolerance, double fluxTolerance, int maxIterations, int threads,
                           Preconditioning preconditioning) {
        /** Multigrid preconditioning. */
        public Settings(double tolerance, double fluxTolerance, int maxIterations, int threads) {
            this(tolerance, fluxTolerance, maxIterations, threads, Preconditioning.MULTIGRID);
        }
    }

    /**
     * @param n             voxels along x, y, z
     * @param conductivity  σ per voxel (x fastest), ≥ 0
     * @param axis          0, 1 or 2: the direction of transport (2 = through-plane)
     * @param periodic      per axis x, y, z: whether the image wraps along it (else its two faces are no-flux);
     *                      {@code periodic[axis]} must be false (those faces hold the potentials)
     * @param settings      tolerances, iteration limit, threads and preconditioner
     */
    public static Result solve(int[] n, double[] conductivity, int axis, boolean[] periodic, Settings settings) {
        boolean[] active = percolating(n, conductivity, axis, periodic);
        ConductanceSystem system = new ConductanceSystem(n, conductivity, active, axis, periodic);
        int m = system.stencil.m;
        if (m == 0) {
            return new Result(false, 0, 0, 0, 0, 0, 0);
        }
        double[] phi = new double[m];
        int iterations;
        try (WorkerTeam team = new WorkerTeam(settings.threads(), "calsim-conduction")) {
            Preconditioner preconditioner = settings.preconditioning() == Preconditioning.MULTIGRID
                    ? new AggregationMultigrid(system.stencil, team)
                    : new JacobiPreconditioner(system.stencil, team);
            iterations = new ConjugateGradients(system, preconditioner, team, phi)
                    .solve(settings.tolerance(), settings.fluxTolerance(), settings.maxIterations());
        }
        double rr = 0;
        double bb = 0;
        for (int s = 0; s < m; s++) {
            double d = system.rhs[s] - system.stencil.row(s, phi);
            rr += d * d;
            bb += system.rhs[s] * system.rhs[s];
        }
        double in = system.inletCurrent(phi);
        double out = system.outletCurrent(phi);
        int na = n[(axis + 1) % 3];
        int nb = n[(axis + 2) % 3];
        double effective = out * n[axis] / ((double) na * nb);
        return new Result(true, effective, in, out, iterations, Math.sqrt(rr / bb), m);
    }

    /**
     * @param periodic per axis: whether the image wraps along it ({@code periodic[axis]} must be false)
     * @return the number of voxels with σ &gt; 0 connected (6-connectivity) to both faces normal to {@code axis}
     *         (the percolating part of a phase)
     */
    public static int percolatingCount(int[] n, double[] conductivity, int axis, boolean[] periodic) {
        int count = 0;
        for (boolean b : percolating(n, conductivity, axis, periodic)) {
            count += b ? 1 : 0;
        }
        return count;
    }

    /** @return voxels with σ &gt; 0 connected (6-connectivity) to both faces normal to {@code axis} */
    static boolean[] percolating(int[] n, double[] conductivity, int axis, boolean[] periodic) {
        checkPeriodic(axis, periodic);
        boolean[] fromInlet = flood(n, conductivity, axis, 0, periodic);
        boolean[] fromOutlet = flood(n, conductivity, axis, n[axis] - 1, periodic);
        for (int v = 0; v < fromInlet.length; v++) {
            fromInlet[v] &= fromOutlet[v];
        }
        return fromInlet;
    }

    /** @throws IllegalArgumentException unless {@code periodic} names three axes and leaves {@code axis} closed */
    static void checkPeriodic(int axis, boolean[] periodic) {
        if (periodic.length != 3) {
            throw new IllegalArgumentException("periodicity is given per axis x, y, z: 3 flags, not "
                    + periodic.length);
        }
        if (periodic[axis]) {
            throw new IllegalArgumentException("axis " + axis + " carries the Dirichlet faces: it cannot be periodic");
        }
    }

    private static boolean[] flood(int[] n, double[] conductivity, int axis, int face, boolean[] periodic) {
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
                        if (!periodic[a]) {
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
