package org.calsim.dem.engine;

import java.util.concurrent.atomic.AtomicLongArray;
import org.calsim.parallel.WorkerTeam;

/**
 * The passes of a step on a {@link WorkerTeam}, each worker on a range of particles: (1) half kick and drift
 * ({@link Integrator#drift}, equal ranges); (2) the forces, in one pass: the particle pairs ({@link PairForces}, each
 * worker the entries of its particles), then, once the lower workers have finished their pairs, the contacts they
 * logged for the worker's particles ({@link PairForces#addCrossContacts}), drag and gravity, the wall contacts
 * ({@link WallContacts}, wall by wall) and the second half kick, each a loop over the worker's particles. Every
 * {@value #BALANCE_INTERVAL} evaluations the ranges of pass 2 follow the workers' measured times ({@link WorkShares});
 * a range decides only which worker computes a particle, never the order of a sum, so every sum runs in the same order
 * on any number of threads and with any ranges. The tasks are created once: a step allocates nothing.
 *
 * <p><b>One pass for the forces, not two.</b> A worker's particles take contributions only from its own pairs and from
 * the logs of the lower workers (a pair i &lt; j is computed by i's worker), so a worker waits in the pass only for
 * the pairs of the lower ones, and the threads meet once, at its end, instead of after the pairs as well. Each
 * meeting costs the difference of the workers' times since the last one, made mostly of the system's interruptions of
 * one of them (per-pass timers on the two-core benchmark machine: 30 µs or more in one pass of ten, against 0.7 ms for
 * the pairs). bench/dem, two threads, 12,000 steps, five alternating fresh JVMs: median 11.07 → 11.29 M
 * particle-steps/s (one thread unchanged).
 */
final class StepPasses implements AutoCloseable {
    /** force evaluations between rebalances of the workers' shares ({@link WorkShares}) */
    static final int BALANCE_INTERVAL = 50;
    /** longs between two workers' marks in {@link #pairsDone}: each on a cache line of its own (128 bytes) */
    private static final int MARK_STRIDE = 16;
    /** spins on a lower worker's mark before yielding the core between looks */
    private static final int SPINS = 2000;
    private final Particles particles;
    private final Integrator integrator;
    private final PairForces pairForces;
    private final WallContacts wallContacts;
    private final Bonds bonds;
    private final WorkerTeam team;
    private final Worker[] workers;
    /** first particle of each worker's share in pass 1 (equal shares: the same work per particle) */
    private final int[] particleSplit;
    /** per worker, at {@code MARK_STRIDE × worker}: the last evaluation whose pairs it has finished */
    private final AtomicLongArray pairsDone;
    /** force evaluations so far (written before a pass, read by the workers in it) */
    private long evaluation;
    /** force evaluations since the shares were last rebalanced */
    private int sinceBalance;
    /** whether pass 2 kicks (not in the evaluation that prepares the first step) */
    private boolean kick;
    private final WorkerTeam.Task driftTask = this::drift;
    private final WorkerTeam.Task forceTask = this::forces;

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
        this.pairsDone = new AtomicLongArray(MARK_STRIDE * workers.length);
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
     * Pass 2: the forces and torques of every particle, with the second half kick unless {@code withKick} is false (the
     * evaluation that prepares the first step).
     */
    void forces(boolean withKick) {
        for (Worker w : workers) {
            w.clearStiffest();
        }
        kick = withKick;
        evaluation++;
        team.run(forceTask);
        if (workers.length > 1 && ++sinceBalance == BALANCE_INTERVAL) {
            sinceBalance = 0;
            pairForces.shares.rebalance();
            pairForces.splitEntries();
        }
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

    private void forces(int worker, int workerCount) {
        long start = System.nanoTime();
        try {
            pairForces.own(worker, bonds.any(), integrator.dt);
        } finally { // a failed worker still lets the higher ones go on; the team rethrows its failure after the pass
            pairsDone.setRelease(MARK_STRIDE * worker, evaluation);
        }
        long waited = worker > 0 ? awaitLowerPairs(worker) : 0;
        Worker me = workers[worker];
        double dt = integrator.dt;
        int first = pairForces.first(worker);
        int end = pairForces.first(worker + 1);
        pairForces.addCrossContacts(worker, first, end);
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
        pairForces.shares.record(worker, System.nanoTime() - start - waited);
    }

    /** Waits until every worker below {@code worker} has finished its pairs of this evaluation; returns the wait [ns]. */
    private long awaitLowerPairs(int worker) {
        long start = System.nanoTime();
        long now = evaluation;
        for (int lower = 0; lower < worker; lower++) {
            int spins = 0;
            while (pairsDone.getAcquire(MARK_STRIDE * lower) != now) {
                if (spins++ < SPINS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        }
        return System.nanoTime() - start;
    }

    @Override
    public void close() {
        team.close();
    }
}
