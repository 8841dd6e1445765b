package org.calsim.fem.p2d;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calsim.api.electrochem.CellParameters;
import org.calsim.materials.Chen2020;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

/**
 * The analytic Jacobian ({@link DfnJacobian}) against finite differences of the residual ({@link Newton}'s
 * column-grouped differences), entry by entry, in states where every term matters: part-way through a 3C discharge
 * (salt gradients, non-uniform reaction, particle gradients), for the full cell and the half cell, in the
 * constant-current and the constant-voltage mode; and {@link CondensedLu} (shells condensed, bordered band LU)
 * solves the system that Jacobian makes.
 */
class DfnJacobianTest {
    static final CellParameters CHEN = new Chen2020().cell();

    @Test
    void fullCellMatchesFiniteDifferences() throws Exception {
        double oneC = CHEN.nominalCapacity() / 3600 / CHEN.electrodeArea();
        compare(CHEN, oneC);
    }

    /**
     * Away from the reference temperature (45 °C), so that temperature-dependent parameters (Arrhenius factors)
     * enter the residual with factors other than 1 and the Jacobian must carry them too.
     */
    @Test
    void warmFullCellMatchesFiniteDifferences() throws Exception {
        CellParameters warm = new CellParameters(CHEN.name(), CHEN.source(), CHEN.negative(),
                CHEN.foilExchangeCurrent(), CHEN.separator(), CHEN.positive(), CHEN.electrolyte(), 318.15,
                CHEN.electrodeArea(), CHEN.nominalCapacity(), CHEN.lowerCutoff(), CHEN.upperCutoff());
        compare(warm, CHEN.nominalCapacity() / 3600 / CHEN.electrodeArea());
    }

    @Test
    void halfCellMatchesFiniteDifferences() throws Exception {
        CellParameters half = CellBuilder.halfCell(CHEN, P2dStage.XU2019_FOIL);
        compare(half, CellBuilder.oneC(half));
    }

    private static void compare(CellParameters cell, double oneC) throws Exception {
        CellSimulator sim = new CellSimulator(cell, new CellSimulator.Settings(8, 4, 8, 6, 10, 0.005, 0.02), oneC);
        sim.charged();
        sim.constantCurrent(3 * oneC, cell.lowerCutoff(), 200, () -> { });
        double[] u = sim.state.clone();
        double[] previous = u.clone();
        // the previous state a little behind, so that storage terms are not trivially zero
        int n = u.length;
        Newton newton = new Newton(sim.equations, oneC);
        double[] r = new double[n];
        for (int mode : new int[] {DfnEquations.CURRENT, DfnEquations.VOLTAGE}) {
            double setpoint = mode == DfnEquations.CURRENT ? 3 * oneC : sim.equations.voltage(u);
            double dt = 5;
            sim.equations.residual(u, previous, dt, mode, setpoint, r);
            DMatrixSparseCSC fd = new DMatrixSparseCSC(n, n, 0);
            DMatrixSparseCSC an = new DMatrixSparseCSC(n, n, 0);
            newton.finiteDifferences(u, previous, dt, mode, setpoint, r, fd);
            newton.analytic(u, dt, mode, an);
            double worst = 0;
            String where = "";
            for (int i = 0; i < n; i++) {
                double rowScale = 0;
                for (int j = 0; j < n; j++) {
                    rowScale = Math.max(rowScale, Math.abs(fd.get(i, j)) * scale(sim, j));
                }
                for (int j = 0; j < n; j++) {
                    double d = Math.abs(fd.get(i, j) - an.get(i, j)) * scale(sim, j) / Math.max(rowScale, 1e-300);
                    if (d > worst) {
                        worst = d;
                        where = String.format("row %d col %d: fd %.6g analytic %.6g", i, j, fd.get(i, j), an.get(i, j));
                    }
                }
            }
            assertTrue(worst < 1e-5, "mode " + mode + ": largest relative difference " + worst + " at " + where);
            // the condensed solve (shells eliminated, bordered band LU) solves J δ = b to round-off: the misfit of
            // each row against the size of its terms at the typical size of each unknown (1.7e-11 at most here, as for
            // EJML's sparse LU of the whole matrix: the Butler-Volmer rows are stiff; Newton's tolerance is 1e-9)
            CondensedLu solver = new CondensedLu(sim.grid);
            assertTrue(solver.factor(an), "factored");
            // a right-hand side of the size a Newton step meets: J x for x of the typical size of each unknown
            double[] rhs = new double[n];
            for (int col = 0; col < n; col++) {
                for (int p = an.col_idx[col]; p < an.col_idx[col + 1]; p++) {
                    rhs[an.nz_rows[p]] += an.nz_values[p] * scale(sim, col) * Math.sin(col + 1);
                }
            }
            double[] delta = new double[n];
            solver.solve(rhs, delta);
            double[] product = new double[n];
            double[] size = new double[n];
            for (int col = 0; col < n; col++) {
                for (int p = an.col_idx[col]; p < an.col_idx[col + 1]; p++) {
                    product[an.nz_rows[p]] += an.nz_values[p] * delta[col];
                    size[an.nz_rows[p]] += Math.abs(an.nz_values[p]) * scale(sim, col);
                }
            }
            double backward = 0;
            String row = "";
            for (int i = 0; i < n; i++) {
                double scale = size[i];
                if (scale > 0 && Math.abs(product[i] - rhs[i]) / scale > backward) {
                    backward = Math.abs(product[i] - rhs[i]) / scale;
                    row = String.format("row %d: J delta %.6g, rhs %.6g, row size %.6g", i, product[i], rhs[i], size[i]);
                }
            }
            assertTrue(backward < 1e-9, "mode " + mode + ": backward error of the condensed solve " + backward
                    + " at " + row);
        }
    }

    /** Typical size of unknown j, so that entries are compared by their effect on the residual. */
    private static double scale(CellSimulator sim, int j) {
        CellGrid g = sim.grid;
        if (j == g.current) {
            return 50;
        }
        int c = 0;
        while (g.offset[c + 1] <= j) {
            c++;
        }
        int local = j - g.offset[c];
        if (local >= CellGrid.SHELL) {
            return g.electrode[c].maxConcentration();
        }
        if (local == CellGrid.FLUX) {
            return 10;
        }
        return 1;
    }
}
