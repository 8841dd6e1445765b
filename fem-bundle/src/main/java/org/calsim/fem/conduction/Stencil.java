package org.calsim.fem.conduction;

import java.util.Arrays;
import org.calsim.parallel.WorkerTeam;

/**
 * A symmetric 7-point operator on the occupied cells of a structured grid ({@link Occupancy}):
 * (A x)_s = Σ_t g_st (x_s − x_t) + h_s x_s over the occupied neighbours t of s (across a periodic face the cell
 * on the opposite face), with conductances g ≥ 0 and a sink h ≥ 0 (the conductance to the Dirichlet faces). It
 * is the finite-volume conduction matrix on the voxel grid and its Galerkin coarsenings on the coarser grids.
 *
 * <p>Every grid keeps per unknown its ±y and ±z neighbours (16 bytes); the ±x ones are the next and previous
 * unknown when the bit beside is set. On the voxel grid no conductance is stored: they come from the phase of each
 * voxel and a table of conductances per phase pair, exactly as the system defines them (2σ₁σ₂/(σ₁ + σ₂) between
 * two voxels, 2σ to a Dirichlet face); when all conducting phases have the same σ (the pores alone) the kernels
 * use that one number directly. On a coarse grid the conductances to the +x, +y, +z neighbours and the sink are
 * stored (4 doubles per unknown; the −x conductance of s is the +x one of its −x neighbour).
 *
 * <p>The kernels walk whole rows of a {@link Chunks} chunk. On a coarse grid and on the voxel grid with one
 * conductance they read the neighbours straight from the bits and the ±y/±z table, a missing neighbour being the
 * unknown itself with no conductance, so they do not branch on the structure; on a voxel grid with several
 * conductivities a {@link Row} first gathers one row's neighbours and conductances for one worker.
 *
 * <p>One file, and long kernels ({@code load} among them), on purpose: the kernels are unrolled per grid kind and
 * axis and read the private layout arrays directly in their innermost loops; split into classes they would reach
 * those arrays through accessors or copies, which the solver's speed (bench/fem) does not afford.
 */
final class Stencil {
    final Occupancy cells;
    /** Number of unknowns. */
    final int m;
    /** Per axis: whether the grid wraps along it. */
    final boolean[] periodic;
    // the voxel grid: phase per voxel, conductance per phase pair and to a Dirichlet face
    private final byte[] phase;
    private final int phases;
    private final double[] pair;
    private final double[] face;
    /** The conductance between any two conducting voxels when all conducting phases have the same σ, else ≤ 0. */
    private final double uniform;
    /** With one conductance σ: 1/(σ w) for the ℓ1 diagonal σ w of the smoother (w = links + links outside the
     *  chunk + 2 per Dirichlet face, at most 16), a multiplication instead of a division in the sweeps. */
    private final double[] inverse;
    /** Axis normal to the Dirichlet faces (voxel grid only). */
    private final int axis;
    // a coarse grid: conductances to the +x, +y, +z neighbours, sink
    private final double[] gx;
    private final double[] gy;
    private final double[] gz;
    private final double[] sink;
    /** Per unknown its −y, +y, −z, +z neighbours (the unknown itself where there is none): the ±x ones are found
     *  from the bits. */
    private final int[] far;

    /**
     * One worker's view of one row: its unknowns with their six neighbours (−x, +x, −y, +y, −z, +z): the
     * neighbour's unknown (the unknown itself where there is none), its conductance split into the part inside
     * the chunk being worked on and the part outside, the diagonal h + Σg and the ℓ1 diagonal (plus the
     * conductances outside the chunk). Filled by {@link Stencil#load}; the kernels then run on flat arrays.
     */
    static final class Row {
        final int[] neighbour;
        final double[] gIn;
        final double[] gOut;
        final double[] diagonal;
        final double[] l1;
        final double[] sink;
        final int[] column;
        /** A value per unknown of the row ({@link Stencil#residuals}). */
        final double[] value;
        int row;
        int j;
        int k;
        /** Voxel index of column 0 of the row. */
        int voxel;
        /** First unknown of the row, and the number of unknowns in it. */
        int start;
        int count;
        int yMinus;
        int yPlus;
        int zMinus;
        int zPlus;

        /** @param columns the longest row (the x size of the finest grid) */
        Row(int columns) {
            neighbour = new int[6 * columns];
            gIn = new double[6 * columns];
            gOut = new double[6 * columns];
            diagonal = new double[columns];
            l1 = new double[columns];
            sink = new double[columns];
            column = new int[columns];
            value = new double[columns];
        }
    }

    /**
     * The finite-volume operator of the voxel grid.
     *
     * @param cells        the unknowns: the voxels that carry current
     * @param periodic     per axis whether the image wraps along it
     * @param phase        phase of every voxel (unsigned), an index into {@code conductivity}
     * @param conductivity σ per phase
     * @param axis         axis normal to the Dirichlet faces
     * @param team         the workers that build the neighbour table
     */
    Stencil(Occupancy cells, boolean[] periodic, byte[] phase, double[] conductivity, int axis, WorkerTeam team) {
        this.cells = cells;
        this.m = cells.count;
        this.periodic = periodic.clone();
        this.phase = phase;
        this.phases = conductivity.length;
        this.pair = new double[phases * phases];
        this.face = new double[phases];
        for (int a = 0; a < phases; a++) {
            double sa = conductivity[a];
            face[a] = 2 * sa;
            for (int b = 0; b < phases; b++) {
                double sb = conductivity[b];
                pair[a * phases + b] = sa > 0 && sb > 0 ? 2 * sa * sb / (sa + sb) : 0;
            }
        }
        this.axis = axis;
        double common = 0;
        for (double g : pair) {
            common = g == 0 ? common : common == 0 || common == g ? g : -1;
        }
        this.uniform = common;
        this.inverse = new double[17];
        for (int w = 1; w < inverse.length; w++) {
            inverse[w] = 1 / (common * w);
        }
        this.gx = null;
        this.gy = null;
        this.gz = null;
        this.sink = null;
        this.far = farNeighbours(cells, this.periodic, team);
    }

    private Stencil(Occupancy cells, boolean[] periodic, double[] gx, double[] gy, double[] gz, double[] sink,
                    WorkerTeam team) {
        this.cells = cells;
        this.m = cells.count;
        this.periodic = periodic;
        this.phase = null;
        this.phases = 0;
        this.pair = null;
        this.face = null;
        this.axis = -1;
        this.uniform = 0;
        this.inverse = null;
        this.gx = gx;
        this.gy = gy;
        this.gz = gz;
        this.sink = sink;
        this.far = farNeighbours(cells, periodic, team);
    }

    /** Bytes per unknown of the ±y, ±z neighbour table every grid holds. */
    static final int FAR_BYTES = 16;

    /** @return t, or s when t &lt; 0 (no neighbour) */
    private static int self(int t, int s) {
        return t < 0 ? s : t;
    }

    /** @return per unknown its −y, +y, −z, +z neighbours, the unknown itself where there is none (a periodic axis
     *          one cell long joins a cell to itself, which adds nothing to A: the same) */
    private static int[] farNeighbours(Occupancy cells, boolean[] periodic, WorkerTeam team) {
        int[] far = new int[Math.multiplyExact(4, cells.count)];
        team.run((worker, workers) -> farNeighbours(cells, periodic, far, share(cells.rows, worker, workers),
                share(cells.rows, worker + 1, workers)));
        return far;
    }

    /** Fills the ±y, ±z neighbours of the unknowns of rows [from, to). */
    private static void farNeighbours(Occupancy cells, boolean[] periodic, int[] far, int from, int to) {
        int words = cells.rowWords;
        for (int row = from; row < to; row++) {
            int yMinus = cells.neighbourRow(row, 1, -1, periodic[1]);
            int yPlus = cells.neighbourRow(row, 1, 1, periodic[1]);
            int zMinus = cells.neighbourRow(row, 2, -1, periodic[2]);
            int zPlus = cells.neighbourRow(row, 2, 1, periodic[2]);
            int s = cells.rowStart(row);
            for (int w = 0; w < words; w++) {
                long b = cells.bits[row * words + w];
                while (b != 0) {
                    int i = (w << 6) + Long.numberOfTrailingZeros(b);
                    b &= b - 1;
                    far[4 * s] = yMinus < 0 ? s : self(cells.slot(i, yMinus), s);
                    far[4 * s + 1] = yPlus < 0 ? s : self(cells.slot(i, yPlus), s);
                    far[4 * s + 2] = zMinus < 0 ? s : self(cells.slot(i, zMinus), s);
                    far[4 * s + 3] = zPlus < 0 ? s : self(cells.slot(i, zPlus), s);
                    s++;
                }
            }
        }
    }

    /** @return bytes a coarse grid of {@code unknowns} stores (conductances and sink) */
    static long coarseBytes(long unknowns) {
        return (32 + FAR_BYTES) * unknowns;
    }

    /**
     * Fills r with row {@code row}: its unknowns, their neighbours and conductances, the conductances to
     * neighbours outside [from, end) counted apart.
     */
    void load(Row r, int row, int from, int end) {
        r.row = row;
        r.j = row % cells.ny;
        r.k = row / cells.ny;
        r.voxel = cells.nx * row;
        r.start = cells.rowStart(row);
        r.count = cells.rowStart(row + 1) - r.start;
        r.yMinus = cells.neighbourRow(row, 1, -1, periodic[1]);
        r.yPlus = cells.neighbourRow(row, 1, 1, periodic[1]);
        r.zMinus = cells.neighbourRow(row, 2, -1, periodic[2]);
        r.zPlus = cells.neighbourRow(row, 2, 1, periodic[2]);
        int nx = cells.nx;
        int words = cells.rowWords;
        long[] bits = cells.bits;
        boolean voxels = phase != null;
        int s = r.start;
        int q = 0;
        for (int w = 0; w < words; w++) {
            long b = bits[row * words + w];
            while (b != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(b);
                b &= b - 1;
                r.column[q] = i;
                int v = r.voxel + i;
                int e = 6 * q;
                // −x, +x
                int t = -1;
                int u = 0;
                if (i > 0) {
                    if (occupied(i - 1, row)) {
                        t = s - 1;
                        u = v - 1;
                    }
                } else if (periodic[0]) {
                    t = cells.slot(nx - 1, row);
                    u = r.voxel + nx - 1;
                }
                double in = 0;
                double all = 0;
                double g = t < 0 ? 0 : voxels ? conductance(u, v) : gx[t];
                in += put(r, e, s, t, g, from, end);
                all += g;
                t = -1;
                if (i < nx - 1) {
                    if (occupied(i + 1, row)) {
                        t = s + 1;
                        u = v + 1;
                    }
                } else if (periodic[0]) {
                    t = cells.slot(0, row);
                    u = r.voxel;
                }
                g = t < 0 ? 0 : voxels ? conductance(u, v) : gx[s];
                in += put(r, e + 1, s, t, g, from, end);
                all += g;
                // −y, +y, −z, +z
                t = far[4 * s];
                t = t == s ? -1 : t;
                g = t < 0 ? 0 : voxels ? conductance(i + nx * r.yMinus, v) : gy[t];
                in += put(r, e + 2, s, t, g, from, end);
                all += g;
                t = far[4 * s + 1];
                t = t == s ? -1 : t;
                g = t < 0 ? 0 : voxels ? conductance(i + nx * r.yPlus, v) : gy[s];
                in += put(r, e + 3, s, t, g, from, end);
                all += g;
                t = far[4 * s + 2];
                t = t == s ? -1 : t;
                g = t < 0 ? 0 : voxels ? conductance(i + nx * r.zMinus, v) : gz[t];
                in += put(r, e + 4, s, t, g, from, end);
                all += g;
                t = far[4 * s + 3];
                t = t == s ? -1 : t;
                g = t < 0 ? 0 : voxels ? conductance(i + nx * r.zPlus, v) : gz[s];
                in += put(r, e + 5, s, t, g, from, end);
                all += g;
                double h = voxels ? boundary(r, i, v) : sink[s];
                r.sink[q] = h;
                r.diagonal[q] = h + all;
                r.l1[q] = h + 2 * all - in;
                q++;
                s++;
            }
        }
    }

    /** Sets neighbour e of unknown s to t (s itself when t &lt; 0) with conductance g, inside or outside [from, end).
     *  @return the conductance inside */
    private static double put(Row r, int e, int s, int t, double g, int from, int end) {
        double in = t >= from && t < end ? g : 0;
        r.neighbour[e] = t < 0 ? s : t;
        r.gIn[e] = in;
        r.gOut[e] = g - in;
        return in;
    }

    /** @return the conductance between neighbouring conducting voxels v and u of the voxel grid */
    private double conductance(int v, int u) {
        return uniform > 0 ? uniform : pair(v, u);
    }

    private boolean occupied(int i, int row) {
        return (cells.bits[Occupancy.word(i, row, cells.rowWords)] & (1L << i)) != 0;
    }

    private double pair(int v, int u) {
        return pair[(phase[v] & 0xFF) * phases + (phase[u] & 0xFF)];
    }

    /** @return the conductance of voxel v (column i of r's row) to the Dirichlet faces it lies on */
    private double boundary(Row r, int i, int v) {
        int c = axis == 0 ? i : axis == 1 ? r.j : r.k;
        int n = axis == 0 ? cells.nx : axis == 1 ? cells.ny : cells.nz;
        double f = face[phase[v] & 0xFF];
        return (c == 0 ? f : 0) + (c == n - 1 ? f : 0);
    }

    /** @return the conductance of voxel v to a Dirichlet face it lies on (2σ of its phase); voxel grid only */
    double faceConductance(int v) {
        return face[phase[v] & 0xFF];
    }

    /**
     * y = A x on the rows of chunk c.
     *
     * @return Σ x_s y_s over the chunk
     */
    double multiply(Row r, Chunks chunks, int c, double[] x, double[] y) {
        if (uniform > 0) {
            return uniformMultiply(chunks, c, x, y);
        }
        if (phase == null) {
            return storedSweep(Kernel.MULTIPLY, chunks, c, x, y, null, null);
        }
        double xy = 0;
        for (int row = chunks.rowFrom(c), last = chunks.rowFrom(c + 1); row < last; row++) {
            load(r, row, 0, m);
            int[] t = r.neighbour;
            double[] g = r.gIn;
            for (int q = 0, s = r.start; q < r.count; q++, s++) {
                int e = 6 * q;
                double value = r.diagonal[q] * x[s] - g[e] * x[t[e]] - g[e + 1] * x[t[e + 1]]
                        - g[e + 2] * x[t[e + 2]] - g[e + 3] * x[t[e + 3]] - g[e + 4] * x[t[e + 4]]
                        - g[e + 5] * x[t[e + 5]];
                y[s] = value;
                xy += x[s] * value;
            }
        }
        return xy;
    }

    /** Sets r.start, r.count and, per unknown q of row {@code row}, r.column[q] and r.value[q] = (b − A x)_s,
     *  s = r.start + q. */
    void residuals(Row r, int row, double[] b, double[] x) {
        if (uniform > 0) {
            uniformResiduals(r, row, b, x);
            return;
        }
        if (phase == null) {
            storedResiduals(r, row, b, x);
            return;
        }
        load(r, row, 0, m);
        int[] t = r.neighbour;
        double[] g = r.gIn;
        for (int q = 0, s = r.start; q < r.count; q++, s++) {
            int e = 6 * q;
            r.value[q] = b[s] - r.diagonal[q] * x[s] + g[e] * x[t[e]] + g[e + 1] * x[t[e + 1]]
                    + g[e + 2] * x[t[e + 2]] + g[e + 3] * x[t[e + 3]] + g[e + 4] * x[t[e + 4]]
                    + g[e + 5] * x[t[e + 5]];
        }
    }

    /** What {@link #storedSweep} does. */
    private enum Kernel { MULTIPLY, FORWARD, BACKWARD }

    /**
     * The kernels of a coarse grid, straight from its stored conductances (a missing neighbour is s itself with
     * conductance 0): y = A x (returns Σ x_s y_s), or the forward or backward ℓ1 sweep on b with {@code old}.
     */
    private double storedSweep(Kernel kernel, Chunks chunks, int c, double[] x, double[] y, double[] b,
                               double[] old) {
        boolean backward = kernel == Kernel.BACKWARD;
        boolean forward = kernel == Kernel.FORWARD;
        double xy = 0;
        int words = cells.rowWords;
        int firstRow = chunks.rowFrom(c);
        int lastRow = chunks.rowFrom(c + 1) - 1;
        for (int n = 0, rows = lastRow - firstRow + 1; n < rows; n++) {
            int row = backward ? lastRow - n : firstRow + n;
            // per ±y, ±z neighbour row: whether it is outside the chunk (its conductances join the ℓ1 diagonal),
            // whether the forward sweep has been there (x is 0 ahead and outside), the values the backward sweep
            // reads there (x before the sweep in other chunks); the ±x neighbours are in the row, so in the chunk
            int yMinus = cells.neighbourRow(row, 1, -1, periodic[1]);
            int yPlus = cells.neighbourRow(row, 1, 1, periodic[1]);
            int zMinus = cells.neighbourRow(row, 2, -1, periodic[2]);
            int zPlus = cells.neighbourRow(row, 2, 1, periodic[2]);
            double o2 = outsideRow(yMinus, firstRow, lastRow);
            double o3 = outsideRow(yPlus, firstRow, lastRow);
            double o4 = outsideRow(zMinus, firstRow, lastRow);
            double o5 = outsideRow(zPlus, firstRow, lastRow);
            boolean b2 = behind(yMinus, firstRow, row);
            boolean b3 = behind(yPlus, firstRow, row);
            boolean b4 = behind(zMinus, firstRow, row);
            boolean b5 = behind(zPlus, firstRow, row);
            double[] a2 = across(yMinus, firstRow, lastRow, x, old);
            double[] a3 = across(yPlus, firstRow, lastRow, x, old);
            double[] a4 = across(zMinus, firstRow, lastRow, x, old);
            double[] a5 = across(zPlus, firstRow, lastRow, x, old);
            int s = backward ? cells.rowStart(row + 1) - 1 : cells.rowStart(row);
            for (int v = 0; v < words; v++) {
                int w = backward ? words - 1 - v : v;
                long word = cells.bits[row * words + w];
                long bits = word;
                while (bits != 0) {
                    int bit = backward ? 63 - Long.numberOfLeadingZeros(bits) : Long.numberOfTrailingZeros(bits);
                    bits &= ~(1L << bit);
                    int i = (w << 6) + bit;
                    int f = 4 * s;
                    int t0 = minusX(word, bit, s, i, row);
                    int t1 = plusX(word, bit, s, i, row);
                    int t2 = far[f];
                    int t3 = far[f + 1];
                    int t4 = far[f + 2];
                    int t5 = far[f + 3];
                    double g0 = t0 == s ? 0 : gx[t0];
                    double g1 = gx[s];
                    double g2 = t2 == s ? 0 : gy[t2];
                    double g3 = gy[s];
                    double g4 = t4 == s ? 0 : gz[t4];
                    double g5 = gz[s];
                    double diagonal = sink[s] + g0 + g1 + g2 + g3 + g4 + g5;
                    if (kernel == Kernel.MULTIPLY) {
                        double value = diagonal * x[s] - g0 * x[t0] - g1 * x[t1] - g2 * x[t2] - g3 * x[t3]
                                - g4 * x[t4] - g5 * x[t5];
                        y[s] = value;
                        xy += x[s] * value;
                    } else {
                        double l1 = diagonal + g2 * o2 + g3 * o3 + g4 * o4 + g5 * o5;
                        if (forward) {
                            double sum = g0 * x[t0] + g1 * x[t1] + (b2 ? g2 * x[t2] : 0) + (b3 ? g3 * x[t3] : 0)
                                    + (b4 ? g4 * x[t4] : 0) + (b5 ? g5 * x[t5] : 0);
                            x[s] = (b[s] + sum) / l1;
                        } else {
                            double sum = g0 * x[t0] + g1 * x[t1] + g2 * a2[t2] + g3 * a3[t3] + g4 * a4[t4]
                                    + g5 * a5[t5];
                            x[s] += (b[s] - diagonal * x[s] + sum) / l1;
                        }
                    }
                    s += backward ? -1 : 1;
                }
            }
        }
        return xy;
    }

    /** @return 1 when {@code neighbour} (a row, or −1 for none) lies outside [first, last], else 0 */
    private static double outsideRow(int neighbour, int first, int last) {
        return neighbour >= 0 && (neighbour < first || neighbour > last) ? 1 : 0;
    }


    // The voxel grid with one conductance σ between any two conducting voxels (all conducting phases alike, as
    // for the pores alone): (A x)_s = σ (n_s x_s − Σ_t x_t) + h_s x_s, the neighbours read straight from the bits
    // and the ±y, ±z table, nothing loaded into a Row.

    /**
     * @return the −x neighbour of unknown s at bit {@code bit} of word {@code word} of {@code row} (column i), or s
     *         itself when there is none: inside the word from the bit beside it, without a branch on the structure
     *         (which a porous image makes unpredictable)
     */
    private int minusX(long word, int bit, int s, int i, int row) {
        return bit > 0 ? s - (int) ((word >>> (bit - 1)) & 1) : minusX(s, i, row);
    }

    /** @return the +x neighbour, as {@link #minusX(long, int, int, int, int)} */
    private int plusX(long word, int bit, int s, int i, int row) {
        return bit < 63 && i < cells.nx - 1 ? s + (int) ((word >>> (bit + 1)) & 1) : plusX(s, i, row);
    }

    /** @return the −x neighbour of unknown s at column i of {@code row}, or s itself when there is none */
    private int minusX(int s, int i, int row) {
        return i > 0 ? occupied(i - 1, row) ? s - 1 : s : periodic[0] ? self(cells.slot(cells.nx - 1, row), s) : s;
    }

    /** @return the +x neighbour of unknown s at column i of {@code row}, or s itself when there is none */
    private int plusX(int s, int i, int row) {
        return i < cells.nx - 1 ? occupied(i + 1, row) ? s + 1 : s : periodic[0] ? self(cells.slot(0, row), s) : s;
    }



    /** @return 1 when t is a neighbour (not s itself), else 0 */
    private static int link(int t, int s) {
        return t != s ? 1 : 0;
    }

    /** @return 1 when t is outside [from, end), else 0 */
    private static int outside(int t, int from, int end) {
        return t < from || t >= end ? 1 : 0;
    }

    /** @return the Dirichlet faces (0, 1 or 2) a row at y = j, z = k lies on when they are normal to y or z; 0 when
     *          they are normal to x ({@link #columnFaces}) */
    private int rowFaces(int j, int k) {
        return axis == 1 ? (j == 0 ? 1 : 0) + (j == cells.ny - 1 ? 1 : 0)
                : axis == 2 ? (k == 0 ? 1 : 0) + (k == cells.nz - 1 ? 1 : 0) : 0;
    }

    /** @return the Dirichlet faces (0, 1 or 2) a voxel at column i lies on when they are normal to x, else 0 */
    private int columnFaces(int i) {
        return axis != 0 ? 0 : (i == 0 ? 1 : 0) + (i == cells.nx - 1 ? 1 : 0);
    }

    /** @return h of a voxel at column i of a row on {@code rowFaces} faces, one conductance σ: 2σ per Dirichlet
     *          face */
    private double uniformSink(int i, int rowFaces) {
        return 2 * uniform * (rowFaces + columnFaces(i));
    }

    private double uniformMultiply(Chunks chunks, int c, double[] x, double[] y) {
        double g = uniform;
        double xy = 0;
        int words = cells.rowWords;
        for (int row = chunks.rowFrom(c), last = chunks.rowFrom(c + 1); row < last; row++) {
            int faces = rowFaces(row % cells.ny, row / cells.ny);
            int s = cells.rowStart(row);
            for (int w = 0; w < words; w++) {
                long word = cells.bits[row * words + w];
                long bits = word;
                while (bits != 0) {
                    int bit = Long.numberOfTrailingZeros(bits);
                    int i = (w << 6) + bit;
                    bits &= bits - 1;
                    int f = 4 * s;
                    // a missing neighbour is s itself: it adds σ (x_s − x_s) = 0
                    double sum = x[minusX(word, bit, s, i, row)] + x[plusX(word, bit, s, i, row)] + x[far[f]] + x[far[f + 1]]
                            + x[far[f + 2]] + x[far[f + 3]];
                    double value = (6 * g + uniformSink(i, faces)) * x[s] - g * sum;
                    y[s] = value;
                    xy += x[s] * value;
                    s++;
                }
            }
        }
        return xy;
    }

    private void storedResiduals(Row r, int row, double[] b, double[] x) {
        int words = cells.rowWords;
        r.start = cells.rowStart(row);
        int s = r.start;
        int q = 0;
        for (int w = 0; w < words; w++) {
            long word = cells.bits[row * words + w];
            long bits = word;
            while (bits != 0) {
                int bit = Long.numberOfTrailingZeros(bits);
                int i = (w << 6) + bit;
                bits &= bits - 1;
                int f = 4 * s;
                int t0 = minusX(word, bit, s, i, row);
                int t2 = far[f];
                int t4 = far[f + 2];
                double g0 = t0 == s ? 0 : gx[t0];
                double g2 = t2 == s ? 0 : gy[t2];
                double g4 = t4 == s ? 0 : gz[t4];
                double diagonal = sink[s] + g0 + gx[s] + g2 + gy[s] + g4 + gz[s];
                r.column[q] = i;
                r.value[q++] = b[s] - diagonal * x[s] + g0 * x[t0] + gx[s] * x[plusX(word, bit, s, i, row)] + g2 * x[t2]
                        + gy[s] * x[far[f + 1]] + g4 * x[t4] + gz[s] * x[far[f + 3]];
                s++;
            }
        }
        r.count = q;
    }

    private void uniformResiduals(Row r, int row, double[] b, double[] x) {
        r.start = cells.rowStart(row);
        r.count = uniformResiduals(row, b, x, r.column, r.value, 0);
    }

    /**
     * Writes (b − A x)_s of the unknowns of {@code row}, one conductance σ, to value[offset + q] for the q-th unknown
     * of the row, and its column to column[q] unless column is null.
     *
     * @return the unknowns of the row
     */
    private int uniformResiduals(int row, double[] b, double[] x, int[] column, double[] value, int offset) {
        double g = uniform;
        int faces = rowFaces(row % cells.ny, row / cells.ny);
        int words = cells.rowWords;
        int s = cells.rowStart(row);
        int q = 0;
        for (int w = 0; w < words; w++) {
            long word = cells.bits[row * words + w];
            long bits = word;
            while (bits != 0) {
                int bit = Long.numberOfTrailingZeros(bits);
                int i = (w << 6) + bit;
                bits &= bits - 1;
                int f = 4 * s;
                double sum = x[minusX(word, bit, s, i, row)] + x[plusX(word, bit, s, i, row)] + x[far[f]] + x[far[f + 1]]
                        + x[far[f + 2]] + x[far[f + 3]];
                if (column != null) {
                    column[q] = i;
                }
                value[offset + q++] = b[s] - (6 * g + uniformSink(i, faces)) * x[s] + g * sum;
                s++;
            }
        }
        return q;
    }

    /**
     * The rows whose residuals {@link #forwardSweep} gives when handed a residual vector: on a voxel grid of one
     * conductance, the rows whose ±y and ±z neighbour rows all lie in the row's chunk, so that their residual after
     * the sweep depends on that chunk alone and can be formed while its rows are still in the cache.
     *
     * @return per row whether the forward sweep on {@code chunks} gives its residuals, or null when it gives none
     */
    boolean[] sweptRows(Chunks chunks) {
        if (uniform <= 0) {
            return null;
        }
        boolean[] swept = new boolean[cells.rows];
        for (int c = 0; c < chunks.count; c++) {
            int first = chunks.rowFrom(c);
            int last = chunks.rowFrom(c + 1) - 1;
            for (int row = first; row <= last; row++) {
                boolean within = true;
                for (int axis = 1; axis <= 2; axis++) {
                    for (int step = -1; step <= 1; step += 2) {
                        int t = cells.neighbourRow(row, axis, step, periodic[axis]);
                        within &= t < 0 || t >= first && t <= last;
                    }
                }
                swept[row] = within;
            }
        }
        return swept;
    }

    /** @return the last row the residuals of {@code row} depend on: the row itself or one of its ±y, ±z neighbours */
    private int readyAt(int row) {
        int ready = row;
        for (int axis = 1; axis <= 2; axis++) {
            for (int step = -1; step <= 1; step += 2) {
                ready = Math.max(ready, cells.neighbourRow(row, axis, step, periodic[axis]));
            }
        }
        return ready;
    }

    /**
     * Writes the residuals of the swept rows from {@code pending} on whose neighbours have all been swept when the
     * sweep has reached row {@code done}.
     *
     * @return the first row whose residuals are still to be written
     */
    private int sweptResiduals(int pending, int done, boolean[] swept, double[] b, double[] x, double[] residual) {
        while (pending <= done && (!swept[pending] || readyAt(pending) <= done)) {
            if (swept[pending]) {
                uniformResiduals(pending, b, x, null, residual, cells.rowStart(pending));
            }
            pending++;
        }
        return pending;
    }

    /** Sets r.start, r.count and, per unknown q of row {@code row}, r.column[q] and r.value[q] = residual[s],
     *  s = r.start + q: the residuals a forward sweep wrote ({@link #sweptRows}). */
    void sweptResiduals(Row r, int row, double[] residual) {
        int words = cells.rowWords;
        r.start = cells.rowStart(row);
        int s = r.start;
        int q = 0;
        for (int w = 0; w < words; w++) {
            long bits = cells.bits[row * words + w];
            while (bits != 0) {
                r.column[q] = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                r.value[q++] = residual[s++];
            }
        }
        r.count = q;
    }

    /**
     * The ℓ1 weights of the smoother on one conductance σ: per unknown w = links + links to other chunks + 2 per
     * Dirichlet face (at most 16), its ℓ1 diagonal being σ w. They depend on the chunks, so the sweeps take them
     * from here instead of counting them again at every sweep (1 byte per unknown).
     *
     * @return the weights for the sweeps on {@code chunks}, or null unless this is a voxel grid of one conductance
     */
    byte[] smootherWeights(Chunks chunks, WorkerTeam team) {
        if (uniform <= 0) {
            return null;
        }
        byte[] weights = new byte[m];
        team.run((worker, workers) -> {
            for (int c = worker; c < chunks.count; c += workers) {
                smootherWeights(chunks, c, weights);
            }
        });
        return weights;
    }

    /** Fills the smoother's weights of chunk c. */
    private void smootherWeights(Chunks chunks, int c, byte[] weights) {
        int words = cells.rowWords;
        int from = chunks.from(c);
        int end = chunks.from(c + 1);
        for (int row = chunks.rowFrom(c), last = chunks.rowFrom(c + 1); row < last; row++) {
            int faces = rowFaces(row % cells.ny, row / cells.ny);
            int s = cells.rowStart(row);
            for (int w = 0; w < words; w++) {
                long word = cells.bits[row * words + w];
                long bits = word;
                while (bits != 0) {
                    int bit = Long.numberOfTrailingZeros(bits);
                    int i = (w << 6) + bit;
                    bits &= bits - 1;
                    int t0 = minusX(word, bit, s, i, row);
                    int t1 = plusX(word, bit, s, i, row);
                    int f = 4 * s;
                    weights[s] = (byte) (2 * (faces + columnFaces(i)) + link(t0, s) + link(t1, s)
                            + link(far[f], s) + link(far[f + 1], s) + link(far[f + 2], s) + link(far[f + 3], s)
                            + outside(far[f], from, end) + outside(far[f + 1], from, end)
                            + outside(far[f + 2], from, end) + outside(far[f + 3], from, end));
                    s++;
                }
            }
        }
    }

    private void uniformForwardSweep(Chunks chunks, int c, double[] b, double[] x, byte[] weights, boolean[] swept,
                                     double[] residual) {
        double g = uniform;
        int words = cells.rowWords;
        int first = chunks.rowFrom(c);
        int last = chunks.rowFrom(c + 1) - 1;
        int pending = first;
        for (int row = first; row <= last; row++) {
            // x is 0 in the chunk ahead of s (s itself included, a missing neighbour) and counts as 0 outside the
            // chunk: of the ±y, ±z neighbours only those in the chunk's rows before this one add to the sum
            boolean yMinus = behind(cells.neighbourRow(row, 1, -1, periodic[1]), first, row);
            boolean yPlus = behind(cells.neighbourRow(row, 1, 1, periodic[1]), first, row);
            boolean zMinus = behind(cells.neighbourRow(row, 2, -1, periodic[2]), first, row);
            boolean zPlus = behind(cells.neighbourRow(row, 2, 1, periodic[2]), first, row);
            int s = cells.rowStart(row);
            for (int w = 0; w < words; w++) {
                long word = cells.bits[row * words + w];
                long bits = word;
                while (bits != 0) {
                    int bit = Long.numberOfTrailingZeros(bits);
                    int i = (w << 6) + bit;
                    bits &= bits - 1;
                    int f = 4 * s;
                    // the ±x neighbours are in the row, so in the chunk
                    double sum = x[minusX(word, bit, s, i, row)] + x[plusX(word, bit, s, i, row)] + (yMinus ? x[far[f]] : 0)
                            + (yPlus ? x[far[f + 1]] : 0) + (zMinus ? x[far[f + 2]] : 0)
                            + (zPlus ? x[far[f + 3]] : 0);
                    x[s] = (b[s] + g * sum) * inverse[weights[s]];
                    s++;
                }
            }
            if (residual != null) {
                pending = sweptResiduals(pending, row, swept, b, x, residual);
            }
        }
        if (residual != null) {
            sweptResiduals(pending, last, swept, b, x, residual);
        }
    }

    /** @return whether {@code neighbour} (a row, or −1 for none) lies in [first, row): swept before {@code row} */
    private static boolean behind(int neighbour, int first, int row) {
        return neighbour >= first && neighbour < row;
    }

    /** @return x when {@code neighbour} (a row, or −1 for none) lies in [first, last], else old: the values a
     *          backward sweep reads of that row (a missing neighbour is s itself, not yet changed, where x and old
     *          agree) */
    private static double[] across(int neighbour, int first, int last, double[] x, double[] old) {
        return neighbour < 0 || neighbour >= first && neighbour <= last ? x : old;
    }

    private void uniformBackwardSweep(Chunks chunks, int c, double[] b, double[] x, double[] old, byte[] weights) {
        double g = uniform;
        int words = cells.rowWords;
        int first = chunks.rowFrom(c);
        int last = chunks.rowFrom(c + 1) - 1;
        for (int row = last; row >= first; row--) {
            // rows of other chunks are read as they were before the sweep
            double[] yMinus = across(cells.neighbourRow(row, 1, -1, periodic[1]), first, last, x, old);
            double[] yPlus = across(cells.neighbourRow(row, 1, 1, periodic[1]), first, last, x, old);
            double[] zMinus = across(cells.neighbourRow(row, 2, -1, periodic[2]), first, last, x, old);
            double[] zPlus = across(cells.neighbourRow(row, 2, 1, periodic[2]), first, last, x, old);
            int faces = rowFaces(row % cells.ny, row / cells.ny);
            int s = cells.rowStart(row + 1) - 1;
            for (int w = words - 1; w >= 0; w--) {
                long word = cells.bits[row * words + w];
                long bits = word;
                while (bits != 0) {
                    int bit = 63 - Long.numberOfLeadingZeros(bits);
                    bits &= ~(1L << bit);
                    int i = (w << 6) + bit;
                    int f = 4 * s;
                    double sum = x[minusX(word, bit, s, i, row)] + x[plusX(word, bit, s, i, row)] + yMinus[far[f]] + yPlus[far[f + 1]]
                            + zMinus[far[f + 2]] + zPlus[far[f + 3]];
                    // a missing neighbour is s itself: g x_s in the sum and g in the diagonal cancel
                    double diagonal = g * (6 + 2 * (faces + columnFaces(i)));
                    x[s] += (b[s] - diagonal * x[s] + g * sum) * inverse[weights[s]];
                    s--;
                }
            }
        }
    }

    /**
     * x = M⁻¹ b on chunk c, from x = 0, for the ℓ1 hybrid Gauss–Seidel smoother: a forward sweep inside the
     * chunk, the other chunks' x counting as 0, on the diagonal plus the conductances to other chunks.
     *
     * @param weights  {@link #smootherWeights} for {@code chunks}
     * @param swept    {@link #sweptRows} for {@code chunks}, or null
     * @param residual where the sweep writes b − A x of the rows {@code swept} marks, or null for none
     */
    void forwardSweep(Row r, Chunks chunks, int c, double[] b, double[] x, byte[] weights, boolean[] swept,
                      double[] residual) {
        int from = chunks.from(c);
        int end = chunks.from(c + 1);
        Arrays.fill(x, from, end, 0);
        if (uniform > 0) {
            uniformForwardSweep(chunks, c, b, x, weights, swept, residual);
            return;
        }
        if (phase == null) {
            storedSweep(Kernel.FORWARD, chunks, c, x, null, b, null);
            return;
        }
        for (int row = chunks.rowFrom(c), last = chunks.rowFrom(c + 1); row < last; row++) {
            load(r, row, from, end);
            int[] t = r.neighbour;
            double[] g = r.gIn;
            for (int q = 0, s = r.start; q < r.count; q++, s++) {
                int e = 6 * q;
                x[s] = (b[s] + g[e] * x[t[e]] + g[e + 1] * x[t[e + 1]] + g[e + 2] * x[t[e + 2]]
                        + g[e + 3] * x[t[e + 3]] + g[e + 4] * x[t[e + 4]] + g[e + 5] * x[t[e + 5]]) / r.l1[q];
            }
        }
    }

    /**
     * x += (ℓ1 diagonal + strictly upper part in the chunk)⁻¹ (b − A x) on chunk c: the backward sweep, the
     * adjoint of {@link #forwardSweep}; x of other chunks is read from {@code old} (x before the sweep).
     *
     * @param weights {@link #smootherWeights} for {@code chunks}
     */
    void backwardSweep(Row r, Chunks chunks, int c, double[] b, double[] x, double[] old, byte[] weights) {
        if (uniform > 0) {
            uniformBackwardSweep(chunks, c, b, x, old, weights);
            return;
        }
        if (phase == null) {
            storedSweep(Kernel.BACKWARD, chunks, c, x, null, b, old);
            return;
        }
        int from = chunks.from(c);
        int end = chunks.from(c + 1);
        for (int row = chunks.rowFrom(c + 1) - 1, first = chunks.rowFrom(c); row >= first; row--) {
            load(r, row, from, end);
            int[] t = r.neighbour;
            double[] g = r.gIn;
            double[] h = r.gOut;
            for (int q = r.count - 1; q >= 0; q--) {
                int s = r.start + q;
                int e = 6 * q;
                double sum = b[s] - r.diagonal[q] * x[s]
                        + g[e] * x[t[e]] + g[e + 1] * x[t[e + 1]] + g[e + 2] * x[t[e + 2]]
                        + g[e + 3] * x[t[e + 3]] + g[e + 4] * x[t[e + 4]] + g[e + 5] * x[t[e + 5]]
                        + h[e] * old[t[e]] + h[e + 1] * old[t[e + 1]] + h[e + 2] * old[t[e + 2]]
                        + h[e + 3] * old[t[e + 3]] + h[e + 4] * old[t[e + 4]] + h[e + 5] * old[t[e + 5]];
                x[s] += sum / r.l1[q];
            }
        }
    }

    /**
     * The Galerkin operator Pᵀ A P of the aggregation of 2 × 2 × 2 blocks (P piecewise constant: a fine unknown
     * takes its block's value) on the occupied blocks: the conductance between two blocks is the sum of the fine
     * conductances between them, the sink the sum of the fine sinks; conductances inside a block drop out
     * (Braess 1995, Numer. Math. 70, 1; Notay 2010, Electron. Trans. Numer. Anal. 37, 123). A periodic axis stays
     * periodic: a fine conductance across the wrap joins the last block to the first.
     */
    Stencil coarsen(WorkerTeam team, Row[] rows) {
        Occupancy coarse = cells.coarsen(team);
        int mc = coarse.count;
        double[] cx = new double[mc];
        double[] cy = new double[mc];
        double[] cz = new double[mc];
        double[] ch = new double[mc];
        // a block's sums take only the fine rows inside it, in the order of a serial pass over the fine rows, so
        // the workers share the coarse rows and every sum is the same on any number of them
        team.run((worker, workers) -> {
            Row r = rows[worker];
            for (int coarseRow = share(coarse.rows, worker, workers), last = share(coarse.rows, worker + 1, workers);
                 coarseRow < last; coarseRow++) {
                int j0 = 2 * (coarseRow % coarse.ny);
                int k0 = 2 * (coarseRow / coarse.ny);
                for (int k = k0; k < Math.min(k0 + 2, cells.nz); k++) {
                    for (int j = j0; j < Math.min(j0 + 2, cells.ny); j++) {
                        addToBlocks(r, j + cells.ny * k, coarse, coarseRow, cx, cy, cz, ch);
                    }
                }
            }
        });
        return new Stencil(coarse, periodic, cx, cy, cz, ch, team);
    }

    /** @return the first of {@code count} items worker {@code worker} of {@code workers} takes (contiguous shares) */
    static int share(int count, int worker, int workers) {
        return (int) ((long) count * worker / workers);
    }

    /** Adds the sinks and the conductances to the +x, +y, +z neighbour blocks of fine row {@code row} to the blocks
     *  of {@code coarseRow}. */
    private void addToBlocks(Row r, int row, Occupancy coarse, int coarseRow, double[] cx, double[] cy, double[] cz,
                             double[] ch) {
        load(r, row, 0, m);
        int coarseYPlus = r.yPlus < 0 ? -1 : (r.yPlus % cells.ny) / 2 + coarse.ny * (r.k / 2);
        int coarseZPlus = r.zPlus < 0 ? -1 : r.j / 2 + coarse.ny * ((r.zPlus / cells.ny) / 2);
        for (int q = 0; q < r.count; q++) {
            int i = r.column[q];
            int a = coarse.slot(i / 2, coarseRow);
            int e = 6 * q;
            ch[a] += r.sink[q];
            if (r.gIn[e + 1] > 0) {
                int ip = i + 1 < cells.nx ? i + 1 : 0;
                addCoarse(cx, a, coarse.slot(ip / 2, coarseRow), r.gIn[e + 1]);
            }
            if (r.gIn[e + 3] > 0) {
                addCoarse(cy, a, coarse.slot(i / 2, coarseYPlus), r.gIn[e + 3]);
            }
            if (r.gIn[e + 5] > 0) {
                addCoarse(cz, a, coarse.slot(i / 2, coarseZPlus), r.gIn[e + 5]);
            }
        }
    }

    /** Adds the conductance g between blocks a and b (the +axis neighbour of a) unless they are one block. */
    private static void addCoarse(double[] g, int a, int b, double value) {
        if (a != b) {
            g[a] += value;
        }
    }

}
