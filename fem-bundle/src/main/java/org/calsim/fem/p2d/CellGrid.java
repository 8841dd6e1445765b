package org.calsim.fem.p2d;

import org.calsim.api.electrochem.CellParameters;
import org.calsim.api.electrochem.ElectrodeParameters;

/**
 * The finite-volume mesh of a Doyle–Fuller–Newman cell and the layout of its unknowns. Along x (collector to
 * collector) the negative electrode, the separator and the positive electrode are cut into equal cells each
 * (a half cell has no negative electrode: lithium foil sits at x = 0). The unknowns are stored cell by cell:
 * a separator cell has c_e and φ_e; an electrode cell has c_e, φ_e, φ_s, the interfacial current density
 * i_n and the lithium concentrations of {@code shells} equal-width spherical shells of its particle. The last
 * unknown is the applied current density I. Numbering cell by cell keeps every residual depending only on its
 * own and its two neighbouring cells (and on I at the ends).
 */
final class CellGrid {
    /** Region of a cell. */
    static final int NEGATIVE = 0;
    static final int SEPARATOR = 1;
    static final int POSITIVE = 2;

    /** Local unknowns of a cell. */
    static final int CE = 0;
    static final int PHI_E = 1;
    static final int PHI_S = 2;
    static final int FLUX = 3;
    static final int SHELL = 4;
    /**
     * Exponent p of the shell faces r_k/R = 1 − (1 − k/m)^p (1 would be equal widths): p = 2 makes the outer shell
     * 1/m² of the radius thick instead of 1/m. At high rates the end of a discharge is set by particle surfaces that
     * saturate (θ → 1, j₀ → 0) within a diffusion layer √(D_s t) thin against the radius (0.09 R for the LG M50
     * positive electrode at 5C, which ends after 56 s): equal shells resolve it with one shell and give 8 % too
     * little capacity at 5C with 12 shells (0.3915 Ah against PyBaMM's converged 0.4250); graded ones give 0.4112
     * at the same cost and converge to it (the refinement study is in verify/pybamm/README.md).
     */
    static final double SHELL_GRADING = 2;

    final int cells;
    final int shells;
    /**
     * Shell faces as fractions of the particle radius, centre (0) to surface (1): {@code shells + 1} values, the
     * shells thinning towards the surface (see {@link #SHELL_GRADING}).
     */
    final double[] shellFace;
    /** Shell centres (midpoints of their faces) as fractions of the particle radius. */
    final double[] shellCentre;
    final int[] region;
    /** Cell width [m]. */
    final double[] dx;
    /** Cell centre [m]. */
    final double[] x;
    /** Index of the first unknown of each cell; {@code offset[cells]} is the index of I. */
    final int[] offset;
    /** Number of unknowns. */
    final int size;
    /** Index of the applied current density I. */
    final int current;
    /** The electrode of each cell ({@code null} in the separator). */
    final ElectrodeParameters[] electrode;

    CellGrid(CellParameters cell, int negativeCells, int separatorCells, int positiveCells, int shells) {
        int nNeg = cell.halfCell() ? 0 : negativeCells;
        this.cells = nNeg + separatorCells + positiveCells;
        this.shells = shells;
        this.shellFace = new double[shells + 1];
        this.shellCentre = new double[shells];
        for (int k = 0; k <= shells; k++) {
            shellFace[k] = 1 - Math.pow(1 - (double) k / shells, SHELL_GRADING);
        }
        shellFace[shells] = 1;
        for (int k = 0; k < shells; k++) {
            shellCentre[k] = 0.5 * (shellFace[k] + shellFace[k + 1]);
        }
        region = new int[cells];
        dx = new double[cells];
        x = new double[cells];
        offset = new int[cells + 1];
        electrode = new ElectrodeParameters[cells];
        double position = 0;
        int index = 0;
        for (int c = 0; c < cells; c++) {
            int r = c < nNeg ? NEGATIVE : c < nNeg + separatorCells ? SEPARATOR : POSITIVE;
            region[c] = r;
            double length = r == NEGATIVE ? cell.negative().thickness() / nNeg
                    : r == SEPARATOR ? cell.separator().thickness() / separatorCells
                    : cell.positive().thickness() / positiveCells;
            dx[c] = length;
            x[c] = position + length / 2;
            position += length;
            electrode[c] = r == NEGATIVE ? cell.negative() : r == POSITIVE ? cell.positive() : null;
            offset[c] = index;
            index += r == SEPARATOR ? 2 : SHELL + shells;
        }
        offset[cells] = index;
        this.current = index;
        this.size = index + 1;
    }

    /** @return whether cell c holds an electrode */
    boolean isElectrode(int c) {
        return region[c] != SEPARATOR;
    }

    /** @return number of unknowns of cell c */
    int unknowns(int c) {
        return offset[c + 1] - offset[c];
    }

    /** @return total thickness collector to collector (foil to collector for a half cell) [m] */
    double length() {
        return x[cells - 1] + dx[cells - 1] / 2;
    }
}
