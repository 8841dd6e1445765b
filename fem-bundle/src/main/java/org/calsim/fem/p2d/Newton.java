package org.calsim.fem.p2d;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.data.IGrowArray;
import org.ejml.ops.DConvertMatrixStruct;

/**
 * Newton's method for one implicit time step of {@link DfnEquations}. The Jacobian is analytic
 * ({@link DfnJacobian}); finite differences with column grouping (Curtis, Powell, Reid 1974, IMA J. Appl. Math.
 * 13, 117: unknowns whose residual rows cannot overlap are perturbed together) remain as its test reference and
 * as a fallback (system property {@code calsim.p2d.fdJacobian}). The linear systems are solved by
 * {@link CondensedLu}: particle shells eliminated cell by cell, EJML's sparse LU with partial pivoting on the rest.
 * The Jacobian is kept while Newton contracts well, and rebuilt when it does not, when the step size changes by
 * more than {@link #REUSE} or when the mode changes (a chord iteration).
 */
final class Newton {
    /** Result of a solve. */
    enum Outcome { CONVERGED, DIVERGED }

    private final DfnEquations equations;
    private final CellGrid grid;
    private final int n;
    /** Per group: its columns, and per column the first and last+1 rows it can reach. */
    private final int[][] groupColumns;
    private final int[][][] groupRows;
    private final double[] typical;
    /**
     * Relative change of the time step up to which a factored Jacobian is kept for the next step (a chord
     * iteration; the contraction test below still rebuilds it when it converges slowly): the time step enters
     * only the storage terms, and with the adaptive step changing a little at every step this saves about half
     * of the factorisations at no change of the solution (to the Newton tolerance).
     */
    static final double REUSE = 0.5;
    /** Largest change of ln c_e per iteration. */
    static final double MAX_LOG_STEP = 1;
    /** Largest change of a potential per iteration [V]. */
    static final double MAX_POTENTIAL_STEP = 0.2;
    /** Largest change per iteration of each unknown (0: none). */
    private final double[] limit;
    /** Unknowns that must stay positive: the particle concentrations. */
    private final boolean[] positive;
    private final double[] r;
    private final double[] rp;
    private final double[] up;
    private final DMatrixSparseTriplet triplet;
    private final DMatrixSparseCSC jacobian;
    private final IGrowArray work = new IGrowArray();
    private final DMatrixRMaj step;
    private boolean factored;
    /** Analytic Jacobian ({@link DfnJacobian}); false: finite differences (system property calsim.p2d.fdJacobian). */
    private final boolean analytic = !Boolean.getBoolean("calsim.p2d.fdJacobian");
    private final DfnJacobian jacobianAnalytic;
    private final SparseAssembly assembly;
    /** The Newton system with the particle shells condensed out. */
    private final CondensedLu condensed;
    private double factoredDt = Double.NaN;
    private int factoredMode = -1;

    /**
     * @param currentScale typical current density [A/m²] (the 1C current), for perturbation sizes and tolerances
     */
    Newton(DfnEquations equations, double currentScale) {
        this.equations = equations;
        this.grid = equations.grid;
        this.n = grid.size;
        this.typical = new double[n];
        this.positive = new boolean[n];
        this.limit = new double[n];
        for (int c = 0; c < grid.cells; c++) {
            int o = grid.offset[c];
            typical[o] = 1; // ln c_e
            limit[o] = MAX_LOG_STEP;
            limit[o + CellGrid.PHI_E] = MAX_POTENTIAL_STEP;
            typical[o + CellGrid.PHI_E] = 1;
            if (grid.isElectrode(c)) {
                typical[o + CellGrid.PHI_S] = 1;
                limit[o + CellGrid.PHI_S] = MAX_POTENTIAL_STEP;
                typical[o + CellGrid.FLUX] = currentScale / (equations.area[c] * grid.electrode[c].thickness());
                for (int k = 0; k < grid.shells; k++) {
                    typical[o + CellGrid.SHELL + k] = grid.electrode[c].maxConcentration();
                    positive[o + CellGrid.SHELL + k] = true;
                }
            }
        }
        typical[grid.current] = currentScale;
        List<int[]> columns = new ArrayList<>();
        List<int[][]> rows = new ArrayList<>();
        for (int local = 0; local <= CellGrid.PHI_S; local++) {
            for (int m = 0; m < 3; m++) {
                List<Integer> cols = new ArrayList<>();
                List<int[]> reach = new ArrayList<>();
                for (int c = m; c < grid.cells; c += 3) {
                    if (local < grid.unknowns(c)) {
                        cols.add(grid.offset[c] + local);
                        reach.add(new int[] {grid.offset[Math.max(c - 1, 0)], grid.offset[Math.min(c + 2, grid.cells)]});
                    }
                }
                add(columns, rows, cols, reach);
            }
        }
        for (int local = CellGrid.FLUX; local < CellGrid.SHELL + grid.shells; local++) {
            List<Integer> cols = new ArrayList<>();
            List<int[]> reach = new ArrayList<>();
            for (int c = 0; c < grid.cells; c++) {
                if (grid.isElectrode(c)) {
                    cols.add(grid.offset[c] + local);
                    reach.add(new int[] {grid.offset[c], grid.offset[c + 1]});
                }
            }
            add(columns, rows, cols, reach);
        }
        groupColumns = columns.toArray(new int[0][]);
        groupRows = rows.toArray(new int[0][][]);
        r = new double[n];
        rp = new double[n];
        up = new double[n];
        triplet = new DMatrixSparseTriplet(n, n, n * 16);
        jacobian = new DMatrixSparseCSC(n, n, n * 16);
        jacobianAnalytic = new DfnJacobian(equations);
        condensed = new CondensedLu(grid);
        assembly = new SparseAssembly(n);
        step = new DMatrixRMaj(n, 1);
    }

    private static void add(List<int[]> columns, List<int[][]> rows, List<Integer> cols, List<int[]> reach) {
        if (cols.isEmpty()) {
            return;
        }
        columns.add(cols.stream().mapToInt(Integer::intValue).toArray());
        rows.add(reach.toArray(new int[0][]));
    }

    /** Forgets the factored Jacobian (after a jump in the state). */
    void invalidate() {
        factored = false;
    }

    /**
     * Solves R(u) = 0 for one step, starting from {@code u} (overwritten with the solution).
     *
     * @return whether Newton converged: scaled update below {@code tolerance} within {@code maxIterations}
     */
    Outcome solve(double[] u, double[] previous, double dt, int mode, double setpoint, double tolerance,
                  int maxIterations) {
        if (factored && (Math.abs(dt / factoredDt - 1) > REUSE || mode != factoredMode)) {
            factored = false;
        }
        double lastNorm = Double.POSITIVE_INFINITY;
        boolean fresh = false;
        for (int it = 0; it < maxIterations; it++) {
            equations.residual(u, previous, dt, mode, setpoint, r);
            if (!finite(r)) {
                return Outcome.DIVERGED;
            }
            if (!factored) {
                if (!factor(u, previous, dt, mode, setpoint)) {
                    return Outcome.DIVERGED;
                }
                fresh = true;
            }
            condensed.solve(r, step.data);
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double d = step.data[i];
                if (!Double.isFinite(d)) {
                    return Outcome.DIVERGED;
                }
                norm = Math.max(norm, Math.abs(d) / typical[i]);
            }
            if (!fresh && norm > 0.5 * lastNorm) {
                factored = false; // the chord step would not contract: rebuild the Jacobian here instead
                continue;
            }
            // damping: particle concentrations may fall by at most 90 % of their value in one iteration, and
            // ln c_e and the potentials change by at most MAX_LOG_STEP and MAX_POTENTIAL_STEP
            double lambda = 1;
            for (int i = 0; i < n; i++) {
                double d = step.data[i];
                if (positive[i] && d > 0.9 * u[i]) {
                    lambda = Math.min(lambda, 0.9 * u[i] / d);
                }
                if (limit[i] > 0 && Math.abs(d) > limit[i]) {
                    lambda = Math.min(lambda, limit[i] / Math.abs(d));
                }
            }
            for (int i = 0; i < n; i++) {
                u[i] -= lambda * step.data[i];
            }
            if (lambda == 1 && norm < tolerance) {
                return Outcome.CONVERGED;
            }
            if (!fresh && norm > 0.1 * lastNorm) {
                factored = false; // slow contraction: a fresh Jacobian for the next iteration
            }
            fresh = false;
            lastNorm = norm;
        }
        return Outcome.DIVERGED;
    }

    private boolean factor(double[] u, double[] previous, double dt, int mode, double setpoint) {
        if (analytic) {
            assembly.clear();
            jacobianAnalytic.assemble(u, dt, mode, assembly);
            assembly.toCsc(jacobian);
        } else {
            finiteDifferences(u, previous, dt, mode, setpoint, r, jacobian);
        }
        if (!condensed.factor(jacobian)) {
            return false;
        }
        factored = true;
        factoredDt = dt;
        factoredMode = mode;
        return true;
    }

    /**
     * The Jacobian by finite differences with column grouping, at u whose residual is r: the reference that
     * {@link DfnJacobian} is tested against.
     */
    void finiteDifferences(double[] u, double[] previous, double dt, int mode, double setpoint, double[] r,
                           DMatrixSparseCSC out) {
        triplet.reshape(n, n);
        int currentRow = grid.current;
        for (int g = 0; g < groupColumns.length; g++) {
            int[] cols = groupColumns[g];
            System.arraycopy(u, 0, up, 0, n);
            for (int col : cols) {
                up[col] += perturbation(u, col);
            }
            equations.residual(up, previous, dt, mode, setpoint, rp);
            for (int k = 0; k < cols.length; k++) {
                int col = cols[k];
                double h = up[col] - u[col];
                for (int row = groupRows[g][k][0]; row < groupRows[g][k][1]; row++) {
                    double d = (rp[row] - r[row]) / h;
                    if (d != 0) {
                        triplet.addItem(row, col, d);
                    }
                }
            }
        }
        // the current: it reaches the rows of the two end cells (boundary conditions)
        int current = grid.current;
        System.arraycopy(u, 0, up, 0, n);
        up[current] += perturbation(u, current);
        double h = up[current] - u[current];
        equations.residual(up, previous, dt, mode, setpoint, rp);
        for (int row = 0; row < currentRow; row++) {
            double d = (rp[row] - r[row]) / h;
            if (d != 0) {
                triplet.addItem(row, current, d);
            }
        }
        // the last row is linear: I − I_set, or V(φ_s,first, φ_s,last, I) − V_set
        if (mode == DfnEquations.CURRENT) {
            triplet.addItem(currentRow, current, 1);
        } else {
            double[] dv = equations.voltageDerivatives();
            if (dv[0] != 0) {
                triplet.addItem(currentRow, grid.offset[0] + CellGrid.PHI_S, dv[0]);
            }
            triplet.addItem(currentRow, grid.offset[grid.cells - 1] + CellGrid.PHI_S, dv[1]);
            triplet.addItem(currentRow, current, dv[2]);
        }
        DConvertMatrixStruct.convert(triplet, out, work);
    }

    /** The analytic Jacobian at u (for the test against {@link #finiteDifferences}). */
    void analytic(double[] u, double dt, int mode, DMatrixSparseCSC out) {
        assembly.clear();
        jacobianAnalytic.assemble(u, dt, mode, assembly);
        assembly.toCsc(out);
    }

    private double perturbation(double[] u, int i) {
        return 1.5e-8 * Math.max(Math.abs(u[i]), typical[i]);
    }

    private static boolean finite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }
}
