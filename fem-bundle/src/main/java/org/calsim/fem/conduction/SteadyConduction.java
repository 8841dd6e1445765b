package org.calsim.fem.conduction;

import java.util.LinkedHashMap;
import java.util.Map;
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
 * preconditioned by an aggregation multigrid V-cycle (or, for comparison, by its diagonal), starting from φ = 0.
 * It stops when the residual is below {@code tolerance} times the right-hand side and the currents through the two faces
 * agree to {@code fluxTolerance} (convergence on the flux: at the solution they are equal, and τ follows from the
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
     * Told after every conjugate-gradient iteration of the relative residual ‖r‖/‖b‖ (progress, cancellation); it
     * stops the solve by throwing an unchecked exception, which closes the solve's worker threads on its way out.
     */
    @FunctionalInterface
    public interface Monitor {
        /** No progress, no cancellation. */
        Monitor NONE = (iteration, residual) -> { };

        /** @param iteration the iterations done @param residual the relative residual after them */
        void iteration(int iteration, double residual);
    }

    /**
     * Solves on a field of conductivities per voxel: the distinct values become phases (at most 256).
     *
     * @param n             voxels along x, y, z
     * @param conductivity  σ per voxel (x fastest), ≥ 0, at most 256 distinct values
     * @param axis          0, 1 or 2: the direction of transport (2 = through-plane)
     * @param periodic      per axis x, y, z: whether the image wraps along it (else its two faces are no-flux);
     *                      {@code periodic[axis]} must be false (those faces hold the potentials)
     * @param settings      tolerances, iteration limit, threads and preconditioner
     */
    public static Result solve(int[] n, double[] conductivity, int axis, boolean[] periodic, Settings settings) {
        Map<Double, Integer> index = new LinkedHashMap<>();
        byte[] phase = new byte[conductivity.length];
        for (int v = 0; v < conductivity.length; v++) {
            int p = index.computeIfAbsent(conductivity[v], value -> index.size());
            if (p > 255) {
                throw new IllegalArgumentException("more than 256 distinct conductivities: give phases and a "
                        + "conductivity per phase");
            }
            phase[v] = (byte) p;
        }
        double[] table = new double[index.size()];
        index.forEach((value, p) -> table[p] = value);
        return solve(n, phase, table, axis, periodic, settings);
    }

    /**
     * Solves on an image of phases with a conductivity per phase: nothing per voxel is allocated beyond bit sets,
     * and per unknown (percolating voxel) the vectors of the solver ({@link #memoryNeeded}).
     *
     * @param n             voxels along x, y, z
     * @param phase         phase of every voxel (x fastest; read as unsigned), an index into {@code conductivity}
     * @param conductivity  σ ≥ 0 per phase
     * @param axis          0, 1 or 2: the direction of transport (2 = through-plane)
     * @param periodic      per axis x, y, z: whether the image wraps along it (else its two faces are no-flux);
     *                      {@code periodic[axis]} must be false (those faces hold the potentials)
     * @param settings      tolerances, iteration limit, threads and preconditioner
     */
    public static Result solve(int[] n, byte[] phase, double[] conductivity, int axis, boolean[] periodic,
                               Settings settings) {
        return solve(n, phase, conductivity, axis, periodic, settings, Monitor.NONE);
    }

    /**
     * Solves as {@link #solve(int[], byte[], double[], int, boolean[], Settings)}, telling {@code monitor} of every
     * iteration.
     */
    public static Result solve(int[] n, byte[] phase, double[] conductivity, int axis, boolean[] periodic,
                               Settings settings, Monitor monitor) {
        Occupancy active = percolating(n, phase, conductivity, axis, periodic);
        int m = active.count;
        if (m == 0) {
            return new Result(false, 0, 0, 0, 0, 0, 0);
        }
        ConductanceSystem system;
        double[] phi = new double[m];
        int iterations;
        double residual;
        try (WorkerTeam team = new WorkerTeam(settings.threads(), "calsim-conduction")) {
            system = new ConductanceSystem(active, phase, conductivity, axis, periodic, team);
            Chunks chunks = new Chunks(active);
            Preconditioner preconditioner = settings.preconditioning() == Preconditioning.MULTIGRID
                    ? new AggregationMultigrid(system.stencil, team)
                    : new JacobiPreconditioner(system.stencil, chunks, team);
            ConjugateGradients cg = new ConjugateGradients(system, chunks, preconditioner, team, phi);
            iterations = cg.solve(settings.tolerance(), settings.fluxTolerance(), settings.maxIterations(), monitor);
            residual = cg.trueResidual();
        }
        double in = system.inletCurrent(phi);
        double out = system.outletCurrent(phi);
        int na = n[(axis + 1) % 3];
        int nb = n[(axis + 2) % 3];
        double effective = out * n[axis] / ((double) na * nb);
        return new Result(true, effective, in, out, iterations, residual, m);
    }

    /**
     * Heap a solve needs beyond its input image, an upper bound: the percolation search ({@link Percolation}: three
     * bit sets of the voxels and a queue of rows), the occupancy of the unknowns and their ±y, ±z neighbours (16
     * bytes per unknown), the conjugate-gradient vectors (40 bytes per unknown), the face tables, and the
     * preconditioner: the multigrid's {@value AggregationMultigrid#FINE_BYTES} bytes per unknown plus
     * {@value AggregationMultigrid#COARSE_BYTES} bytes per unknown of each coarse grid, taken as the fewer of the
     * unknowns and the grid's cells; Jacobi's diagonal 8 bytes per unknown.
     *
     * @param n           voxels along x, y, z
     * @param conducting  voxels with σ &gt; 0 (the unknowns are the percolating ones among them)
     * @return bytes
     */
    public static long memoryNeeded(int[] n, long conducting, Preconditioning preconditioning) {
        long percolation = Percolation.bytes(n);
        long faces = 12L * ((long) n[0] * n[1] + (long) n[1] * n[2] + (long) n[0] * n[2]) * 2;
        long bytes = percolation + Occupancy.bytes(n[0], n[1], n[2]) + faces
                + ((long) ConjugateGradients.VECTORS * Double.BYTES + Stencil.FAR_BYTES) * conducting;
        if (preconditioning == Preconditioning.JACOBI) {
            return bytes + 8 * conducting;
        }
        bytes += AggregationMultigrid.FINE_BYTES * conducting;
        long[] dims = {n[0], n[1], n[2]};
        long unknowns = conducting;
        while (unknowns > AggregationMultigrid.COARSEST) {
            for (int a = 0; a < 3; a++) {
                dims[a] = (dims[a] + 1) / 2;
            }
            unknowns = Math.min(unknowns, dims[0] * dims[1] * dims[2]);
            bytes += unknowns * AggregationMultigrid.COARSE_BYTES + Occupancy.bytes((int) dims[0], (int) dims[1],
                    (int) dims[2]);
            if (dims[0] * dims[1] * dims[2] == 1) {
                break;
            }
        }
        return bytes;
    }

    /**
     * @param periodic per axis: whether the image wraps along it ({@code periodic[axis]} must be false)
     * @return the number of voxels with σ &gt; 0 connected (6-connectivity) to both faces normal to {@code axis}
     *         (the percolating part of a phase)
     */
    public static int percolatingCount(int[] n, byte[] phase, double[] conductivity, int axis, boolean[] periodic) {
        return percolating(n, phase, conductivity, axis, periodic).count;
    }

    /** @return the voxels with σ &gt; 0 connected (6-connectivity) to both faces normal to {@code axis} */
    static Occupancy percolating(int[] n, byte[] phase, double[] conductivity, int axis, boolean[] periodic) {
        checkPeriodic(axis, periodic);
        int nx = n[0];
        int ny = n[1];
        int nz = n[2];
        if ((long) nx * ny * nz != phase.length) {
            throw new IllegalArgumentException(phase.length + " phases for " + nx + " x " + ny + " x " + nz
                    + " voxels");
        }
        boolean[] conducts = new boolean[256];
        for (int p = 0; p < conductivity.length; p++) {
            if (!(conductivity[p] >= 0) || Double.isInfinite(conductivity[p])) {
                throw new IllegalArgumentException("conductivity of phase " + p + " is " + conductivity[p]
                        + ": it must be finite and >= 0");
            }
            conducts[p] = conductivity[p] > 0;
        }
        long[] bits = Occupancy.empty(nx, ny, nz);
        int words = Occupancy.rowWords(nx);
        for (int row = 0, v = 0; row < ny * nz; row++) {
            for (int i = 0; i < nx; i++, v++) {
                int p = phase[v] & 0xFF;
                if (p >= conductivity.length) {
                    throw new IllegalArgumentException("phase " + p + " has no conductivity (" + conductivity.length
                            + " given)");
                }
                if (conducts[p]) {
                    bits[Occupancy.word(i, row, words)] |= 1L << i;
                }
            }
        }
        return new Occupancy(nx, ny, nz, Percolation.connectingFaces(n, bits, axis, periodic));
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
}
