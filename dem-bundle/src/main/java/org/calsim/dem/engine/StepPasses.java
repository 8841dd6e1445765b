package org.calsim.dem.engine;

import org.calsim.parallel.WorkerTeam;

/**
 * The passes of a step on a {@link WorkerTeam}, each worker on a range of particles: (1) half kick and drift
 * ({@link Integrator#drift}, equal ranges); (2) the particle pairs ({@link PairForces}: each worker the entries of a
 * range split by their work); (3) the contacts the lower workers logged for the particles of the range (several
 * threads, {@link PairForces#addCrossContacts}), then drag and gravity, the wall contacts ({@link WallContacts}, wall
 * by wall) and the second half kick, each a loop over the range. Every
 * {@value #BALANCE_INTERVAL} evaluations the ranges of passes 2 and 3 follow the workers' measured times
 * ({@link WorkShares}); a range decides only which worker computes a particle, never the order of a sum, so every sum
 * runs in the same order on any number of threads and with any ranges. The tasks are created once: a step allocates
 * nothing.
 */
final class StepPasses implements AutoCloseable {
    /** force evaluations between rebalances of the workers' shares ({@link WorkShares}) */
    private static final int BALANCE_INTERVAL = 50;
    private final Particles particles;
    private final Integrator integrator;
    private final PairForces pairForces;
    private final WallContacts wallContacts;
    private final Bonds bonds;
    private final WorkerTeam team;
    private final Worker[] workers;
    /** first particle of each worker's share in pass 1 (equal shares: the same work per particle) */
    private final int[] particleSplit;
    /** first particle of each worker's share in pass 3 ({@link #finishShares}: wall contacts make the work uneven) */
    private final int[] finishSplit;
    /** the workers' shares of pass 3, from their times */
    private final WorkShares finishShares;
    /** force evaluations since the shares were last rebalanced */
    private int sinceBalance;
    /** whether pass 3 kicks (not in the evaluation that prepares the first step) */
    private boolean kick;
    private final WorkerTeam.Task driftTask = this::drift;
    private final WorkerTeam.Task pairTask = this::pairs;
    private final WorkerTeam.Task finishTask = this::finish;

    StepPasses(Particles particles, Integrator integrator, PairForces pairForces, WallContacts wallContacts,
               Bonds bonds, WorkerTeam team, Worker[] workers) {
        this.particles = particles;
        this.integrator = integrator;
        this.pairForces = pairForces;
        this.wallContacts = wallContacts;
        this.bonds = bonds;
        this.team = team;
        this.workers = workers;
        this.particleSplit = new int[workers.length + 1];
        this.finishSplit = new int[workers.length + 1];
        this.finishShares = new WorkShares(workers.length);
        split(finishSplit, finishShares);
    }

    /**
     * Pass 1: half kick and drift of every particle.
     *
     * @return the largest squared displacement of a particle since the last list build [m²]
     */
    double drift() {
        splitParticles();
        team.run(driftTask);
        double maxDisp2 = 0;
        for (int w = 0; w < workers.length; w++) {
            maxDisp2 = Math.max(maxDisp2, workers[w].maxDisplacement2);
        }
        return maxDisp2;
    }

    /**
     * Passes 2 and 3: the forces and torques of every particle, with the second half kick unless {@code withKick} is
     * false (the evaluation that prepares the first step).
     */
    void forces(boolean withKick) {
        if (finishSplit[workers.length] != particles.size) {
            split(finishSplit, finishShares);
        }
        for (Worker w : workers) {
            w.clearStiffest();
        }
        team.run(pairTask);
        kick = withKick;
        team.run(finishTask);
        if (workers.length > 1 && ++sinceBalance == BALANCE_INTERVAL) {
            sinceBalance = 0;
            pairForces.shares.rebalance();
            pairForces.splitEntries();
            finishShares.rebalance();
            split(finishSplit, finishShares);
        }
    }

    /** Splits the particles by {@code shares} into {@code split} (first particle of each worker, and the end). */
    private void split(int[] split, WorkShares shares) {
        int n = particles.size;
        int w = workers.length;
        for (int k = 0; k < w; k++) {
            split[k] = (int) Math.min(n, Math.round(n * shares.before(k)));
        }
        split[w] = n;
    }

    private void splitParticles() {
        int n = particles.size;
        int w = workers.length;
        for (int k = 0; k <= w; k++) {
            particleSplit[k] = (int) ((long) n * k / w);
        }
    }

    private void drift(int worker, int workerCount) {
        integrator.drift(workers[worker], particleSplit[worker], particleSplit[worker + 1]);
    }

    private void pairs(int worker, int workerCount) {
        long start = System.nanoTime();
        pairForces.own(worker, bonds.any(), integrator.dt);
        pairForces.shares.record(worker, System.nanoTime() - start);
    }

    private void finish(int worker, int workerCount) {
        long start = System.nanoTime();
        Worker me = workers[worker];
        double dt = integrator.dt;
        int first = finishSplit[worker];
        int end = finishSplit[worker + 1];
        if (workers.length > 1) {
            pairForces.addCrossContacts(first, end);
        }
        wallContacts.begin(me, first);
        for (int i = first; i < end; i++) {
            integrator.addBodyForces(i);
        }
        wallContacts.add(me, first, end, dt);
        if (kick) {
            for (int i = first; i < end; i++) {
                integrator.kick(i);
            }
        }
        finishShares.record(worker, System.nanoTime() - start);
    }

    @Override
    public void close() {
        team.close();
    }
}
