package org.calsim.fem.conduction;

import org.calsim.parallel.WorkerTeam;

/**
 * Diagonal (Jacobi) preconditioning, M = D: cheap per iteration, but the iterations grow with the image size.
 * Holds the diagonal (8 bytes per unknown).
 */
final class JacobiPreconditioner implements Preconditioner {
    private final double[] diagonal;
    private final Chunks chunks;
    private final WorkerTeam team;
    private final WorkerTeam.Task task = this::divide;
    private final double[] partial;
    private double[] r;
    private double[] z;

    JacobiPreconditioner(Stencil a, Chunks chunks, WorkerTeam team) {
        this.diagonal = new double[a.m];
        this.chunks = chunks;
        this.team = team;
        this.partial = new double[chunks.count];
        Stencil.Row row = new Stencil.Row(a.cells.nx);
        for (int y = 0; y < a.cells.rows; y++) {
            a.load(row, y, 0, a.m);
            System.arraycopy(row.diagonal, 0, diagonal, row.start, row.count);
        }
    }

    @Override
    public double apply(double[] r, double[] z) {
        this.r = r;
        this.z = z;
        team.run(task);
        return Chunks.sum(partial, chunks.count);
    }

    private void divide(int worker, int workers) {
        for (int c = worker; c < chunks.count; c += workers) {
            double rz = 0;
            for (int s = chunks.from(c), end = chunks.from(c + 1); s < end; s++) {
                z[s] = r[s] / diagonal[s];
                rz += r[s] * z[s];
            }
            partial[c] = rz;
        }
    }
}
