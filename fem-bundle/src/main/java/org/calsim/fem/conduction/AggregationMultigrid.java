package org.calsim.fem.conduction;

import java.util.ArrayList;
import java.util.List;
import org.calsim.parallel.WorkerTeam;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * One symmetric multigrid V-cycle as the conjugate-gradient preconditioner. The hierarchy is built by
 * aggregating 2 × 2 × 2 blocks of cells with Galerkin coarse operators ({@link Stencil#coarsen}) until at most
 * {@value #COARSEST} unknowns are left, which are solved directly (dense Cholesky). The coarse correction is
 * scaled by {@value #SCALING}, which compensates the energy that piecewise-constant prolongation loses (Braess
 * 1995, Numer. Math. 70, 1; Blaheta 1986); the cycle stays symmetric and positive definite for any scaling
 * in (0, 2). Restriction and prolongation find the block of a cell from the grids ({@link Occupancy}), so no
 * aggregate tables are stored. No residual vector is stored either: on the voxel grid the forward sweep forms the
 * residuals of the rows whose neighbours all lie in its chunk while they are still in the cache, and leaves them
 * in the vector the backward sweep needs only later ({@code old}); the restriction forms the others itself.
 *
 * <p>The smoother is ℓ1 hybrid Gauss–Seidel (Baker, Falgout, Kolev, Yang 2011, SIAM J. Sci. Comput. 33, 2864):
 * Gauss–Seidel inside each fixed chunk of unknowns, Jacobi across chunks, with the conductances to other chunks
 * added to the diagonal, which makes it convergent for any partition. One forward sweep before the coarse
 * correction and one backward sweep after it keep the V-cycle symmetric. The chunks depend only on the level's
 * grid, so the preconditioner, and with it every iterate, is the same on any number of threads.
 *
 * <p>Memory: one vector (8 bytes) and the smoother's weights (1 byte) per unknown of the finest grid (and a flag
 * per row of it), and per unknown of a coarse grid its stencil
 * ({@link Stencil#coarseBytes}) and three vectors (24 bytes).
 */
final class AggregationMultigrid implements Preconditioner {
    /** Most unknowns of the coarsest level, solved directly. */
    static final int COARSEST = 800;
    /** Levels with fewer unknowns run on the calling thread: there the hand-over costs more than it saves. */
    static final int SERIAL = 20_000;
    /** Scaling of the coarse-grid correction. */
    static final double SCALING = 1.6;
    /** Bytes per unknown of the finest grid held here: a vector and the smoother's weights. */
    static final int FINE_BYTES = 9;
    /** Bytes per unknown of a coarse grid held here, its stencil included. */
    static final long COARSE_BYTES = 24 + Stencil.coarseBytes(1);

    /** One grid of the hierarchy with its work vectors. */
    private static final class Level {
        final Stencil a;
        final Chunks chunks;
        /** The smoother's ℓ1 weights on the chunks ({@link Stencil#smootherWeights}), or null. */
        final byte[] weights;
        /** The rows whose residuals the forward sweep writes to {@link #old} ({@link Stencil#sweptRows}), or null. */
        final boolean[] swept;
        double[] x;
        double[] b;
        /** x as it was before the current sweep, read across chunk boundaries. */
        final double[] old;

        Level(Stencil a, boolean finest, WorkerTeam team) {
            this.a = a;
            this.chunks = new Chunks(a.cells);
            this.weights = a.smootherWeights(chunks, team);
            this.swept = a.sweptRows(chunks);
            this.x = finest ? null : new double[a.m];
            this.b = finest ? null : new double[a.m];
            this.old = new double[a.m];
        }
    }

    private final Level[] levels;
    private final WorkerTeam team;
    private final Stencil.Row[] rows;
    /** r·z per chunk of the finest grid. */
    private final double[] rz;
    private final LinearSolverDense<DMatrixRMaj> coarsest;
    private final DMatrixRMaj coarsestB;
    private final DMatrixRMaj coarsestX;
    private Level level;
    private Level coarse;
    private final WorkerTeam.Task forwardSweep = this::forwardSweep;
    private final WorkerTeam.Task restrictTask = this::restrict;
    private final WorkerTeam.Task prolongTask = this::prolong;
    private final WorkerTeam.Task backwardSweep = this::backwardSweep;

    AggregationMultigrid(Stencil fine, WorkerTeam team) {
        this.team = team;
        this.rows = new Stencil.Row[team.size()];
        for (int w = 0; w < rows.length; w++) {
            rows[w] = new Stencil.Row(fine.cells.nx);
        }
        List<Level> list = new ArrayList<>();
        Level current = new Level(fine, true, team);
        list.add(current);
        while (current.a.m > COARSEST) {
            current = new Level(current.a.coarsen(team, rows), false, team);
            list.add(current);
        }
        this.levels = list.toArray(new Level[0]);
        this.rz = new double[levels[0].chunks.count];
        Stencil last = current.a;
        DMatrixRMaj dense = new DMatrixRMaj(last.m, last.m);
        Chunks all = current.chunks;
        double[] unit = new double[last.m];
        double[] column = new double[last.m];
        for (int t = 0; t < last.m; t++) {
            unit[t] = 1;
            for (int c = 0; c < all.count; c++) {
                last.multiply(rows[0], all, c, unit, column);
            }
            for (int s = 0; s < last.m; s++) {
                dense.set(s, t, column[s]);
            }
            unit[t] = 0;
        }
        this.coarsest = LinearSolverFactory_DDRM.chol(last.m);
        if (!coarsest.setA(dense)) {
            throw new IllegalStateException("coarsest multigrid operator (" + last.m + " unknowns) is not "
                    + "positive definite");
        }
        this.coarsestB = new DMatrixRMaj(last.m, 1);
        this.coarsestX = new DMatrixRMaj(last.m, 1);
    }

    /** @return number of grids in the hierarchy, the finest included */
    int depth() {
        return levels.length;
    }

    @Override
    public double apply(double[] r, double[] z) {
        levels[0].b = r;
        levels[0].x = z;
        int last = levels.length - 1;
        for (int l = 0; l < last; l++) {
            level = levels[l];
            coarse = levels[l + 1];
            run(forwardSweep, level);
            run(restrictTask, coarse);
        }
        Level bottom = levels[last];
        System.arraycopy(bottom.b, 0, coarsestB.data, 0, bottom.a.m);
        coarsest.solve(coarsestB, coarsestX);
        System.arraycopy(coarsestX.data, 0, bottom.x, 0, bottom.a.m);
        for (int l = last - 1; l >= 0; l--) {
            level = levels[l];
            coarse = levels[l + 1];
            run(prolongTask, level);
            run(backwardSweep, level);
        }
        if (last == 0) { // the finest grid was solved directly, without a sweep to form r·z
            for (int c = 0; c < bottom.chunks.count; c++) {
                rz[c] = dot(bottom, c);
            }
        }
        return Chunks.sum(rz, levels[0].chunks.count);
    }

    private void run(WorkerTeam.Task task, Level on) {
        if (on.a.m < SERIAL) {
            task.run(0, 1);
        } else {
            team.run(task);
        }
    }

    // x = M⁻¹ b from x = 0: forward sweep inside each chunk; the other chunks' x count as 0
    private void forwardSweep(int worker, int workers) {
        Level v = level;
        for (int c = worker; c < v.chunks.count; c += workers) {
            v.a.forwardSweep(rows[worker], v.chunks, c, v.b, v.x, v.weights, v.swept, v.old);
        }
    }

    // coarse b = Pᵀ (b − A x): each block sums the residuals of its cells (those the forward sweep left in old)
    private void restrict(int worker, int workers) {
        Level v = level;
        Level w = coarse;
        Occupancy fine = v.a.cells;
        Occupancy blocks = w.a.cells;
        Stencil.Row r = rows[worker];
        for (int c = worker; c < w.chunks.count; c += workers) {
            for (int row = w.chunks.rowFrom(c), last = w.chunks.rowFrom(c + 1); row < last; row++) {
                for (int s = blocks.rowStart(row), end = blocks.rowStart(row + 1); s < end; s++) {
                    w.b[s] = 0;
                }
                int j0 = 2 * (row % blocks.ny);
                int k0 = 2 * (row / blocks.ny);
                for (int k = k0; k < Math.min(k0 + 2, fine.nz); k++) {
                    for (int j = j0; j < Math.min(j0 + 2, fine.ny); j++) {
                        int fineRow = j + fine.ny * k;
                        if (v.swept != null && v.swept[fineRow]) {
                            v.a.sweptResiduals(r, fineRow, v.old);
                        } else {
                            v.a.residuals(r, fineRow, v.b, v.x);
                        }
                        int block = -1;
                        int slot = -1;
                        for (int q = 0; q < r.count; q++) {
                            if (r.column[q] >> 1 != block) { // two cells of a row share a block
                                block = r.column[q] >> 1;
                                slot = blocks.slot(block, row);
                            }
                            w.b[slot] += r.value[q];
                        }
                    }
                }
            }
        }
    }

    // x += SCALING · P coarse x; old = x on the rows other chunks read in the backward sweep (on the finest grid the
    // rows with a neighbour row in another chunk: those the forward sweep does not give residuals of; on a coarse
    // grid all)
    private void prolong(int worker, int workers) {
        Level v = level;
        Occupancy fine = v.a.cells;
        Occupancy blocks = coarse.a.cells;
        double[] xc = coarse.x;
        for (int c = worker; c < v.chunks.count; c += workers) {
            for (int row = v.chunks.rowFrom(c), last = v.chunks.rowFrom(c + 1); row < last; row++) {
                int blockRow = (row % fine.ny) / 2 + blocks.ny * ((row / fine.ny) / 2);
                boolean read = v.swept == null || !v.swept[row];
                int s = fine.rowStart(row);
                int block = -1;
                double correction = 0;
                for (int word = 0; word < fine.rowWords; word++) {
                    long bits = fine.bits[row * fine.rowWords + word];
                    while (bits != 0) {
                        int i = (word << 6) + Long.numberOfTrailingZeros(bits);
                        bits &= bits - 1;
                        if (i >> 1 != block) { // two cells of a row share a block
                            block = i >> 1;
                            correction = SCALING * xc[blocks.slot(block, blockRow)];
                        }
                        v.x[s] += correction;
                        if (read) {
                            v.old[s] = v.x[s];
                        }
                        s++;
                    }
                }
            }
        }
    }

    // x += (ℓ1 diagonal + strictly upper part in the chunk)⁻¹ (b − A x): backward sweep, the adjoint of the forward one
    // and on the finest grid rz = r·z per chunk, while the chunk is in the cache
    private void backwardSweep(int worker, int workers) {
        Level v = level;
        for (int c = worker; c < v.chunks.count; c += workers) {
            v.a.backwardSweep(rows[worker], v.chunks, c, v.b, v.x, v.old, v.weights);
            if (v == levels[0]) {
                rz[c] = dot(v, c);
            }
        }
    }

    /** @return b·x over chunk c of level v */
    private static double dot(Level v, int c) {
        double sum = 0;
        for (int s = v.chunks.from(c), end = v.chunks.from(c + 1); s < end; s++) {
            sum += v.b[s] * v.x[s];
        }
        return sum;
    }
}
