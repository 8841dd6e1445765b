package org.calsim.cfd.lattice;

/**
 * Darcy permeability of a voxel image by lattice Boltzmann Stokes flow ({@link TrtSolver}): a uniform body force
 * g drives the flow along one axis (periodic along it); at steady state the superficial velocity U (the mean over
 * all voxels, solid included) gives k = ν U / g in voxel units, k·Δx² in m². The hydraulic tortuosity is
 * ⟨|u|⟩/⟨u_axis⟩ over the fluid.
 */
public final class Permeability {
    /**
     * Body force per unit mass driving the flow [lattice units]. The equilibrium is linear (Stokes), so the
     * result does not depend on it; it is small so that density variations stay negligible.
     */
    public static final double FORCE = 1e-5;
    /** Consecutive checks whose estimated remaining change must be below the tolerance. */
    static final int CALM_CHECKS = 3;

    private Permeability() {
    }

    /**
     * @param permeability        k [voxel²]; 0 when no fluid path winds through the periodic axis
     * @param hydraulicTortuosity ⟨|u|⟩/⟨u_axis⟩ [1]
     * @param steps               time steps taken
     * @param converged           whether the relative change of U per check fell below the tolerance
     * @param change              estimated relative change of U still to come at the last check
     * @param velocity            velocity (3 per voxel, x fastest, zero in the solid) [lattice units]
     */
    public record Result(double permeability, double hydraulicTortuosity, int steps, boolean converged,
                         double change, double[] velocity) {
    }

    /**
     * Progress and cancellation, called at every convergence check; a monitor stops the solve by throwing (a cancelled
     * stage's unchecked exception), which closes the solver's threads on its way out.
     */
    @FunctionalInterface
    public interface Monitor {
        /** @param fraction of the step limit used @param change estimated relative change of U still to come */
        void check(double fraction, double change);
    }

    /**
     * @param dims      voxels along x, y, z
     * @param solid     per voxel (x fastest)
     * @param axis      direction of the flow (0, 1, 2); that axis is periodic
     * @param periodic  whether each of the other axes is periodic (else walled); the entry of {@code axis} is ignored
     * @param tauPlus   symmetric relaxation time (&gt; ½); the result does not depend on it (TRT, Λ = 3/16)
     * @param tolerance estimated relative change of U still to come at which to stop, in {@value #CALM_CHECKS}
     *                  consecutive checks every {@code interval} steps (see {@link #remainingChange})
     * @param interval  steps between checks
     * @param maxSteps  step limit
     * @param threads   worker threads
     */
    public static Result solve(int[] dims, boolean[] solid, int axis, boolean[] periodic, double tauPlus,
                               double tolerance, int interval, int maxSteps, int threads, Monitor monitor) {
        boolean[] wrap = periodic.clone();
        wrap[axis] = true;
        FluidLattice lattice = new FluidLattice(dims, solid, wrap);
        int total = dims[0] * dims[1] * dims[2];
        double[] velocityField = new double[3 * total];
        if (!lattice.percolates(axis)) {
            return new Result(0, Double.NaN, 0, true, 0, velocityField);
        }
        double g = FORCE;
        double[] force = new double[3];
        force[axis] = g;
        try (TrtSolver solver = new TrtSolver(lattice, tauPlus, force, threads)) {
            double previous = Double.NaN;
            double lastChange = Double.NaN;
            double remaining = Double.POSITIVE_INFINITY;
            int steps = 0;
            int calm = 0;
            boolean converged = false;
            while (steps < maxSteps) {
                solver.advance();
                steps++;
                if (steps % interval == 0) {
                    double u = solver.flowSum();
                    double change = Math.abs(u - previous) / Math.abs(u);
                    remaining = remainingChange(change, lastChange);
                    previous = u;
                    lastChange = change;
                    monitor.check((double) steps / maxSteps, remaining);
                    calm = remaining < tolerance ? calm + 1 : 0;
                    if (calm == CALM_CHECKS) {
                        converged = true;
                        break;
                    }
                }
            }
            double flow = solver.flowSum();
            double superficial = flow / total;
            double[] u = new double[3 * lattice.size];
            solver.velocity(u);
            for (int i = 0; i < lattice.size; i++) {
                System.arraycopy(u, 3 * i, velocityField, 3 * lattice.voxel[i], 3);
            }
            double k = Math.max(0, solver.viscosity() * superficial / g);
            double tortuosity = flow > 0 ? solver.speedSum() / flow : Double.NaN;
            return new Result(k, tortuosity, steps, converged, remaining, velocityField);
        }
    }

    /**
     * The slowest relaxation mode decays geometrically, so the changes between checks form a geometric series:
     * with ratio r = change/lastChange the change still to come is change·r/(1 − r). The flow counts as
     * steady when that estimate is below the tolerance (not merely the last change, which can be small on a
     * slow mode long before the end). Changes that do not shrink give an infinite estimate.
     *
     * @return estimated relative change of U still to come
     */
    static double remainingChange(double change, double lastChange) {
        if (change == 0) {
            return 0;
        }
        if (!(change < lastChange)) {
            return Double.POSITIVE_INFINITY;
        }
        double ratio = change / lastChange;
        return change * ratio / (1 - ratio);
    }
}
