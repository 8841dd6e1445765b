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
 * in (0, 2).
 *
 * <p>The smoother is ℓ1 hybrid Gauss–Seidel (Baker, Falgout, Kolev, Yang 2011, SIAM J. Sci. Comput. 33, 2864):
 * Gauss–Seidel inside each fixed chunk of unknowns, Jacobi across chunks, with the conductances to other chunks
 * added to the diagonal, which makes it convergent for any partition. One forward sweep before the coarse
 * correction and one backward sweep after it keep the V-cycle symmetric. The chunks depend only on the level's
 * size, so the preconditioner, and with it every iterate, is the same on any number of threads.
 */
final class AggregationMultigrid implements Preconditioner {
    /** Most unknowns of the coarsest level, solved directly. */
    static final int COARSEST = 800;
    /** Levels with fewer unknowns run on the calling thread: there the hand-over costs more than it saves. */
    static final int SERIAL = 20_000;
    /** Scaling of the coarse-grid correction. */
    static final double SCALING = 1.6;

    /** One grid of the hierarchy with its work vectors. */
    private static final class Level {
        final Stencil a;
        final Chunks chunks;
        /** Diagonal plus the conductances to other chunks (the ℓ1 smoother's diagonal). */
        final double[] l1;
        double[] x;
        double[] b;
        final double[] residual;
        /** x as it was before the current sweep, read across chunk boundaries. */
        final double[] old;
        /** Coarse unknown of each unknown here, and the unknowns of each coarse one (compressed rows). */
        int[] aggregate;
        int[] memberStart;
        int[] members;

        Level(Stencil a, boolean finest) {
            this.a = a;
            this.chunks = new Chunks(a.m);
            this.l1 = a.diagonal.clone();
            for (int c = 0; c < chunks.count; c++) {
                int from = chunks.from(c);
                int end = chunks.from(c + 1);
                for (int s = from; s < end; s++) {
                    for (int e = 6 * s; e < 6 * s + 6; e++) {
                        int t = a.neighbour[e];
                        if (t >= 0 && (t < from || t >= end)) {
                            l1[s] += a.g[e];
                        }
                    }
                }
            }
            this.x = finest ? null : new double[a.m];
            this.b = finest ? null : new double[a.m];
            this.residual = new double[a.m];
            this.old = new double[a.m];
        }
    }

    private final Level[] levels;
    private final WorkerTeam team;
    private final LinearSolverDense<DMatrixRMaj> coarsest;
    private final DMatrixRMaj coarsestB;
    private final DMatrixRMaj coarsestX;
    private Level level;
    private Level coarse;
    private final WorkerTeam.Task forwardSweep = this::forwardSweep;
    private final WorkerTeam.Task residualTask = this::residual;
    private final WorkerTeam.Task restrictTask = this::restrict;
    private final WorkerTeam.Task prolongTask = this::prolong;
    private final WorkerTeam.Task backwardSweep = this::backwardSweep;

    AggregationMultigrid(Stencil fine, WorkerTeam team) {
        this.team = team;
        List<Level> list = new ArrayList<>();
        Level current = new Level(fine, true);
        list.add(current);
        while (current.a.m > COARSEST) {
            int[] aggregate = new int[current.a.m];
            Stencil next = current.a.coarsen(aggregate);
            current.aggregate = aggregate;
            current.memberStart = new int[next.m + 1];
            current.members = new int[current.a.m];
            for (int s = 0; s < current.a.m; s++) {
                current.memberStart[aggregate[s] + 1]++;
            }
            for (int c = 0; c < next.m; c++) {
                current.memberStart[c + 1] += current.memberStart[c];
            }
            int[] fill = current.memberStart.clone();
            for (int s = 0; s < current.a.m; s++) {
                current.members[fill[aggregate[s]]++] = s;
            }
            current = new Level(next, false);
            list.add(current);
        }
        this.levels = list.toArray(new Level[0]);
        Stencil last = current.a;
        DMatrixRMaj dense = new DMatrixRMaj(last.m, last.m);
        for (int s = 0; s < last.m; s++) {
            dense.add(s, s, last.diagonal[s]);
            for (int e = 6 * s; e < 6 * s + 6; e++) {
                if (last.neighbour[e] >= 0) {
                    dense.add(s, last.neighbour[e], -last.g[e]);
                }
            }
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
    public void apply(double[] r, double[] z) {
        levels[0].b = r;
        levels[0].x = z;
        int last = levels.length - 1;
        for (int l = 0; l < last; l++) {
            level = levels[l];
            coarse = levels[l + 1];
            run(forwardSweep, level);
            run(residualTask, level);
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
        Stencil a = v.a;
        double[] x = v.x;
        double[] b = v.b;
        for (int c = worker; c < v.chunks.count; c += workers) {
            int from = v.chunks.from(c);
            int end = v.chunks.from(c + 1);
            for (int s = from; s < end; s++) {
                double sum = b[s];
                for (int e = 6 * s; e < 6 * s + 6; e++) {
                    int t = a.neighbour[e];
                    if (t >= from && t < s) {
                        sum += a.g[e] * x[t];
                    }
                }
                x[s] = sum / v.l1[s];
            }
        }
    }

    // residual = b − A x
    private void residual(int worker, int workers) {
        Level v = level;
        for (int c = worker; c < v.chunks.count; c += workers) {
            for (int s = v.chunks.from(c), end = v.chunks.from(c + 1); s < end; s++) {
                v.residual[s] = v.b[s] - v.a.row(s, v.x);
            }
        }
    }

    // coarse b = Pᵀ residual
    private void restrict(int worker, int workers) {
        Level v = level;
        Level w = coarse;
        for (int c = worker; c < w.chunks.count; c += workers) {
            for (int s = w.chunks.from(c), end = w.chunks.from(c + 1); s < end; s++) {
                double sum = 0;
                for (int k = v.memberStart[s]; k < v.memberStart[s + 1]; k++) {
                    sum += v.residual[v.members[k]];
                }
                w.b[s] = sum;
            }
        }
    }

    // x += SCALING · P coarse x; old = x
    private void prolong(int worker, int workers) {
        Level v = level;
        double[] xc = coarse.x;
        for (int c = worker; c < v.chunks.count; c += workers) {
            for (int s = v.chunks.from(c), end = v.chunks.from(c + 1); s < end; s++) {
                v.x[s] += SCALING * xc[v.aggregate[s]];
                v.old[s] = v.x[s];
            }
        }
    }

    // x += (ℓ1 diagonal + strictly upper part in the chunk)⁻¹ (b − A x): backward sweep, the adjoint of the forward one
    private void backwardSweep(int worker, int workers) {
        Level v = level;
        Stencil a = v.a;
        double[] x = v.x;
        for (int c = worker; c < v.chunks.count; c += workers) {
            int from = v.chunks.from(c);
            int end = v.chunks.from(c + 1);
            for (int s = end - 1; s >= from; s--) {
                double sum = v.b[s] - a.diagonal[s] * x[s];
                for (int e = 6 * s; e < 6 * s + 6; e++) {
                    int t = a.neighbour[e];
                    if (t >= 0) {
                        sum += a.g[e] * (t >= from && t < end ? x[t] : v.old[t]);
                    }
                }
                x[s] += sum / v.l1[s];
            }
        }
    }
}
