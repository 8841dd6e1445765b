package org.calsim.dem.engine;

import org.calsim.parallel.WorkerTeam;

/**
 * The passes of a step on a {@link WorkerTeam}, each worker on a fixed range of particles: (1) half kick and drift
 * ({@link Integrator#drift}); (2) the particle pairs ({@link PairForces}: each worker the entries of a range split
 * by their work); (3) per particle the pair entries of lower workers' particles where it is the partner (several
 * threads), drag and gravity, its wall contacts ({@link WallContacts}) and the second half kick. The
 * ranges are fixed by the particle count and the list, not by scheduling, so every sum runs in the same order on any
 * number of threads. The tasks are created once: a step allocates nothing.
 */
final class StepPasses implements AutoCloseable {
    private final Particles particles;
    private final Integrator integrator;
    private final PairForces pairForces;
    private final WallContacts wallContacts;
    private final Bonds bonds;
    private final WorkerTeam team;
    private final Worker[] workers;
    /** first particle of each worker's share in passes 1 and 3 */
    private final int[] particleSplit;
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
        splitParticles();
        for (Worker w : workers) {
            w.clearStiffest();
        }
        team.run(pairTask);
        kick = withKick;
        team.run(finishTask);
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
        pairForces.own(worker, bonds.any(), integrator.dt);
    }

    private void finish(int worker, int workerCount) {
        Worker me = workers[worker];
        boolean gather = workers.length > 1;
        double dt = integrator.dt;
        wallContacts.begin(me, particleSplit[worker]);
        for (int i = particleSplit[worker], end = particleSplit[worker + 1]; i < end; i++) {
            if (gather) {
                pairForces.gather(i);
            }
            integrator.addBodyForces(i);
            wallContacts.add(me, i, dt);
            if (kick) {
                integrator.kick(i);
            }
        }
    }

    @Override
    public void close() {
        team.close();
    }
}
