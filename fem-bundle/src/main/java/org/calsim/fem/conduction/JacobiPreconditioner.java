package org.calsim.fem.conduction;

import org.calsim.parallel.WorkerTeam;

/** Diagonal (Jacobi) preconditioning, M = D: cheap per iteration, but the iterations grow with the image size. */
final class JacobiPreconditioner implements Preconditioner {
    private final double[] diagonal;
    private final Chunks chunks;
    private final WorkerTeam team;
    private final WorkerTeam.Task task = this::divide;
    private double[] r;
    private double[] z;

    JacobiPreconditioner(Stencil a, WorkerTeam team) {
        this.diagonal = a.diagonal;
        this.chunks = new Chunks(a.m);
        this.team = team;
    }

    @Override
    public void apply(double[] r, double[] z) {
        this.r = r;
        this.z = z;
        team.run(task);
    }

    private void divide(int worker, int workers) {
        for (int c = worker; c < chunks.count; c += workers) {
            for (int s = chunks.from(c), end = chunks.from(c + 1); s < end; s++) {
                z[s] = r[s] / diagonal[s];
            }
        }
    }
}
