package org.calsim.fem.conduction;

import org.calsim.parallel.WorkerTeam;

/**
 * Preconditioned conjugate gradients for the conduction system, matrix-free on its stencil, on a fixed
 * partition of the unknowns ({@link Chunks}) that the workers share; every dot product is summed per chunk and
 * then over the chunks in order, so the iterates do not depend on the number of threads. Stops when the residual
 * is below {@code tolerance} times the right-hand side and the currents through the two faces agree to
 * {@code fluxTolerance} (convergence on the flux: at the solution they are equal, and τ follows from the
 * current). It starts from x = 0 (r = b). Holds five vectors of the unknowns (x, r, z, p, q: 40 bytes per
 * unknown) and allocates nothing while it iterates.
 */
final class ConjugateGradients {
    /** Vectors of doubles per unknown held here. */
    static final int VECTORS = 5;

    private final ConductanceSystem system;
    private final Stencil a;
    private final Preconditioner preconditioner;
    private final WorkerTeam team;
    private final Chunks chunks;
    private final Stencil.Row[] rows;
    private final double[] x;
    private final double[] r;
    private final double[] z;
    private final double[] p;
    private final double[] q;
    private final double[] partialA;
    private final double[] partialB;
    private double alpha;
    private double beta;
    private final WorkerTeam.Task applyTask = this::applyAndDot;
    private final WorkerTeam.Task updateTask = this::update;
    private final WorkerTeam.Task directionTask = this::direction;
    private final WorkerTeam.Task residualTask = this::residual;

    /** @param x the solution, filled in by {@link #solve} */
    ConjugateGradients(ConductanceSystem system, Chunks chunks, Preconditioner preconditioner, WorkerTeam team,
                       double[] x) {
        this.system = system;
        this.a = system.stencil;
        this.preconditioner = preconditioner;
        this.team = team;
        this.chunks = chunks;
        this.rows = new Stencil.Row[team.size()];
        for (int w = 0; w < rows.length; w++) {
            rows[w] = new Stencil.Row(a.cells.nx);
        }
        this.x = x;
        this.r = new double[a.m];
        this.z = new double[a.m];
        this.p = new double[a.m];
        this.q = new double[a.m];
        this.partialA = new double[chunks.count];
        this.partialB = new double[chunks.count];
    }

    // q = A p; partialA = p·q per chunk
    private void applyAndDot(int worker, int workers) {
        for (int c = worker; c < chunks.count; c += workers) {
            partialA[c] = a.multiply(rows[worker], chunks, c, p, q);
        }
    }

    // x += αp, r −= αq; partialB = r·r per chunk
    private void update(int worker, int workers) {
        for (int c = worker; c < chunks.count; c += workers) {
            double rr = 0;
            for (int s = chunks.from(c), end = chunks.from(c + 1); s < end; s++) {
                x[s] += alpha * p[s];
                r[s] -= alpha * q[s];
                rr += r[s] * r[s];
            }
            partialB[c] = rr;
        }
    }

    // p = z + βp
    private void direction(int worker, int workers) {
        for (int c = worker; c < chunks.count; c += workers) {
            for (int s = chunks.from(c), end = chunks.from(c + 1); s < end; s++) {
                p[s] = z[s] + beta * p[s];
            }
        }
    }

    // q = A x (r is the right-hand side again afterwards, see trueResidual)
    private void residual(int worker, int workers) {
        for (int c = worker; c < chunks.count; c += workers) {
            a.multiply(rows[worker], chunks, c, x, q);
        }
    }

    /**
     * Iterates from x = 0 (the x given to the constructor, zero-filled) until the stopping rule holds.
     *
     * @param monitor told after every iteration of the relative residual ‖r‖/‖b‖; it stops the solve by throwing
     * @return the iterations done
     */
    int solve(double tolerance, double fluxTolerance, int maxIterations, SteadyConduction.Monitor monitor) {
        system.rightHandSide(r);
        double bb = 0;
        for (double v : r) {
            bb += v * v;
        }
        if (bb == 0) {
            return 0;
        }
        double rr = bb;
        double rz = preconditioner.apply(r, z);
        beta = 0;
        team.run(directionTask);
        int k = 0;
        while (k < maxIterations && rz != 0) { // rz = r·M⁻¹r is 0 only when r = 0: x is exact
            if (rr <= tolerance * tolerance * bb) {
                double in = system.inletCurrent(x);
                double out = system.outletCurrent(x);
                if (Math.abs(in - out) <= fluxTolerance * Math.abs(in)) {
                    break;
                }
            }
            team.run(applyTask);
            alpha = rz / Chunks.sum(partialA, chunks.count);
            team.run(updateTask);
            rr = Chunks.sum(partialB, chunks.count);
            double rzNew = preconditioner.apply(r, z);
            beta = rzNew / rz;
            rz = rzNew;
            team.run(directionTask);
            k++;
            monitor.iteration(k, Math.sqrt(rr / bb));
        }
        return k;
    }

    /** @return ‖b − A x‖/‖b‖ of the solution, recomputed from x (not the recursively updated residual) */
    double trueResidual() {
        team.run(residualTask);
        system.rightHandSide(r);
        double rr = 0;
        double bb = 0;
        for (int s = 0; s < a.m; s++) {
            double d = r[s] - q[s];
            rr += d * d;
            bb += r[s] * r[s];
        }
        return Math.sqrt(rr / bb);
    }
}
