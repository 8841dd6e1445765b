package org.calsim.dem.engine;

import org.calsim.api.contact.PairProperties;

/**
 * The particle-pair pass of a force evaluation (YADE's {@code InteractionLoop}): every entry of the half
 * {@link NeighbourList} (pair i &lt; j) that touches, or is held by an intact bond, goes through the
 * {@link ContactKernel} once, and its force and torques are summed into both particles [N, N·m]. A pair that stopped
 * touching has its history cleared.
 *
 * <p><b>Sums in a fixed order.</b> Every particle's force is summed in one order: 0, plus its own entries
 * (ascending), then minus the forces of the entries where it is the partner (descending entry). One thread
 * ({@link #serial}) does exactly that by walking the list from the last particle down and accumulating into both
 * particles (the entries with partner j come from i &lt; j, after j's own). Several threads ({@link #own}) each sum
 * the own entries of a range of particles, split by entry count ({@link #splitEntries}), and store each entry's force
 * on i and torque on j in the list; {@link #gather} then adds the partner entries of a particle in the same order.
 * The results are therefore bit-identical for any number of threads, and nothing allocates.
 */
final class PairForces {
    /** doubles stored per neighbour entry: force on i (3), torque on j (3, several threads only) */
    static final int PAIR_SLOTS = 6;
    /** work of an entry's distance check, in the units of {@link #CONTACT_COST} */
    private static final int CHECK_COST = 1;
    /** work of a touching entry's contact beyond its distance check (JFR profile of bench/dem: about 5 checks) */
    private static final int CONTACT_COST = 5;

    private final Particles particles;
    private final PeriodicBox box;
    private final NeighbourList list;
    private final ContactKernel kernel;
    private final PairProperties[] pairs;
    private final int types;
    private final Worker[] workers;
    /** first particle of each worker's share of the entries (several threads) */
    private final int[] entrySplit;

    /**
     * @param pairs contact properties per type pair, index {@code ti * types + tj}
     */
    PairForces(Particles particles, PeriodicBox box, NeighbourList list, ContactKernel kernel, PairProperties[] pairs,
               int types, Worker[] workers) {
        this.particles = particles;
        this.box = box;
        this.list = list;
        this.kernel = kernel;
        this.pairs = pairs;
        this.types = types;
        this.workers = workers;
        this.entrySplit = new int[workers.length + 1];
    }

    /**
     * Splits the particles among the workers so that each has about the same work in {@link #own} (after a build):
     * an entry costs {@value #CHECK_COST} for its distance check and {@value #CONTACT_COST} more while it touches, a
     * measured ratio of the time of a distance check to that of a contact. The split decides only which worker sums
     * a particle, never the order of a sum, so any split gives the same numbers.
     */
    void splitEntries() {
        int n = particles.size;
        int w = workers.length;
        entrySplit[0] = 0;
        entrySplit[w] = n;
        if (w == 1) {
            return;
        }
        NeighbourList nl = list;
        long total = 0;
        for (int k = 0; k < nl.entries; k++) {
            total += CHECK_COST + CONTACT_COST * nl.touching[k];
        }
        long cost = 0;
        int i = 0;
        for (int part = 1; part < w; part++) {
            long target = total * part / w;
            while (i < n && cost < target) {
                for (int k = nl.start[i], kEnd = nl.start[i + 1]; k < kEnd; k++) {
                    cost += CHECK_COST + CONTACT_COST * nl.touching[k];
                }
                i++;
            }
            entrySplit[part] = i;
        }
    }

    /**
     * The contact of neighbour entry k (pair i &lt; j, j = partner[k]): returns {@code false} when the pair does
     * not interact (its history is cleared when it just stopped touching); otherwise leaves the force on i and
     * the torques on i and j in the worker.
     *
     * @param bonded whether any bond may be intact (otherwise a pair apart is not asked whether it is engaged)
     * @param dt     time step [s]
     */
    private boolean contact(Worker me, int i, int k, boolean bonded, double dt) {
        Particles p = particles;
        NeighbourList nl = list;
        int hs = nl.historySize;
        double[] hist = nl.history;
        byte[] touching = nl.touching;
        int j = nl.partner[k];
        double dx = box.imageX(p.x[i] - p.x[j]);
        double dy = box.imageY(p.y[i] - p.y[j]);
        double dz = p.z[i] - p.z[j];
        double r2 = dx * dx + dy * dy + dz * dz;
        double sum = p.radius[i] + p.radius[j];
        boolean was = touching[k] != 0;
        if (r2 >= sum * sum && !(bonded && was && kernel.law.engaged(hist, k * hs))) {
            if (was) {
                touching[k] = 0;
                for (int h = k * hs, hEnd = h + hs; h < hEnd; h++) {
                    hist[h] = 0;
                }
            }
            return false;
        }
        ContactKernel.pair(me.geometry, p, i, j, dx, dy, dz, Math.sqrt(r2), dt);
        touching[k] = 1;
        kernel.apply(me, pairs[p.type[i] * types + p.type[j]], hist, k * hs, !was, i, j, p.invMass[i], p.invMass[j]);
        return true;
    }

    /** The pass on one thread: accumulates into both particles directly (and keeps each entry's force). A
     *  particle's own entries come before any where it is the partner (those belong to lower particles, walked
     *  later), so its sums start from its own entries, held in locals. */
    void serial(boolean bonded, double dt) {
        Particles p = particles;
        NeighbourList nl = list;
        Worker me = workers[0];
        double[] out = nl.pairForce;
        for (int i = p.size - 1; i >= 0; i--) {
            double fx = 0;
            double fy = 0;
            double fz = 0;
            double tx = 0;
            double ty = 0;
            double tz = 0;
            for (int k = nl.start[i], kEnd = nl.start[i + 1]; k < kEnd; k++) {
                if (contact(me, i, k, bonded, dt)) {
                    int j = nl.partner[k];
                    int o = PAIR_SLOTS * k;
                    out[o] = me.fx;
                    out[o + 1] = me.fy;
                    out[o + 2] = me.fz;
                    fx += me.fx;
                    fy += me.fy;
                    fz += me.fz;
                    tx += me.tix;
                    ty += me.tiy;
                    tz += me.tiz;
                    p.fx[j] -= me.fx;
                    p.fy[j] -= me.fy;
                    p.fz[j] -= me.fz;
                    p.tx[j] += me.tjx;
                    p.ty[j] += me.tjy;
                    p.tz[j] += me.tjz;
                }
            }
            p.fx[i] = fx;
            p.fy[i] = fy;
            p.fz[i] = fz;
            p.tx[i] = tx;
            p.ty[i] = ty;
            p.tz[i] = tz;
        }
    }

    /**
     * The pass on several threads, worker {@code worker}'s share: sums the own entries of each of its particles and
     * stores the force on i and the torque on j of every entry for {@link #gather}.
     */
    void own(int worker, boolean bonded, double dt) {
        Particles p = particles;
        NeighbourList nl = list;
        Worker me = workers[worker];
        double[] out = nl.pairForce;
        for (int i = entrySplit[worker], end = entrySplit[worker + 1]; i < end; i++) {
            double fx = 0;
            double fy = 0;
            double fz = 0;
            double tx = 0;
            double ty = 0;
            double tz = 0;
            for (int k = nl.start[i], kEnd = nl.start[i + 1]; k < kEnd; k++) {
                if (contact(me, i, k, bonded, dt)) {
                    fx += me.fx;
                    fy += me.fy;
                    fz += me.fz;
                    tx += me.tix;
                    ty += me.tiy;
                    tz += me.tiz;
                    int o = PAIR_SLOTS * k;
                    out[o] = me.fx;
                    out[o + 1] = me.fy;
                    out[o + 2] = me.fz;
                    out[o + 3] = me.tjx;
                    out[o + 4] = me.tjy;
                    out[o + 5] = me.tjz;
                }
            }
            p.fx[i] = fx;
            p.fy[i] = fy;
            p.fz[i] = fz;
            p.tx[i] = tx;
            p.ty[i] = ty;
            p.tz[i] = tz;
        }
    }

    /** Adds to particle i's force and torque the entries where it is the partner (after {@link #own}). */
    void gather(int i) {
        Particles p = particles;
        NeighbourList nl = list;
        double[] pf = nl.pairForce;
        byte[] touching = nl.touching;
        double fx = p.fx[i];
        double fy = p.fy[i];
        double fz = p.fz[i];
        double tx = p.tx[i];
        double ty = p.ty[i];
        double tz = p.tz[i];
        for (int r = nl.revStart[i + 1] - 1, rEnd = nl.revStart[i]; r >= rEnd; r--) {
            int k = nl.revEntry[r];
            if (touching[k] != 0) {
                int o = PAIR_SLOTS * k;
                fx -= pf[o];
                fy -= pf[o + 1];
                fz -= pf[o + 2];
                tx += pf[o + 3];
                ty += pf[o + 4];
                tz += pf[o + 5];
            }
        }
        p.fx[i] = fx;
        p.fy[i] = fy;
        p.fz[i] = fz;
        p.tx[i] = tx;
        p.ty[i] = ty;
        p.tz[i] = tz;
    }

    /**
     * Visits every current particle–particle contact (touching entries): the pair, the branch vector and the force on
     * i of the last evaluation.
     */
    void forEachContact(DemEngine.ContactVisitor visitor) {
        NeighbourList nl = list;
        Particles p = particles;
        for (int i = 0; i < p.size; i++) {
            for (int k = nl.start[i]; k < nl.start[i + 1]; k++) {
                if (nl.touching[k] == 0) {
                    continue;
                }
                int j = nl.partner[k];
                double dx = box.imageX(p.x[i] - p.x[j]);
                double dy = box.imageY(p.y[i] - p.y[j]);
                double dz = p.z[i] - p.z[j];
                int o = PAIR_SLOTS * k;
                visitor.contact(i, j, dx, dy, dz, nl.pairForce[o], nl.pairForce[o + 1], nl.pairForce[o + 2]);
            }
        }
    }
}
