package org.calsim.dem.engine;

import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.PairProperties;

/**
 * The particle-pair pass of a force evaluation (YADE's {@code InteractionLoop}): every entry of the half
 * {@link NeighbourList} (pair i &lt; j) that touches, or is held by an intact bond, goes through the
 * {@link ContactKernel} once, and its force and torques are summed into both particles [N, N·m]. A pair that stopped
 * touching has its history cleared.
 *
 * <p><b>Sums in a fixed order.</b> Every particle's force is summed in one order: 0, plus its own entries
 * (ascending), then minus the forces of the entries where it is the partner (descending entry). One thread does
 * exactly that by walking the list from the last particle down and accumulating into both particles (the entries
 * with partner j come from i &lt; j, after j's own). Several threads ({@link #own}) each do the same on a range of
 * particles, split by the work of their entries ({@link #splitEntries}); a contact whose partner lies in a higher
 * worker's range goes into the worker's log ({@link Worker#logCross}) in the order computed, and the partner's worker
 * adds the logs once the lower workers have finished their pairs, the higher workers' first
 * ({@link #addCrossContacts}), where one thread would have
 * added them: after the contributions of its own range, from the higher particles down. The log is read in one
 * sweep, not per particle through the list (the other core's writes arrive in order). The results are therefore
 * bit-identical for any number of threads, every worker writes only its own particles, and nothing allocates.
 */
final class PairForces {
    /** doubles stored per neighbour entry: force on i (3) */
    static final int PAIR_SLOTS = 3;
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
    /** the workers' shares of the work of {@link #own}, from their times */
    final WorkShares shares;

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
        this.shares = new WorkShares(workers.length, StepPasses.BALANCE_INTERVAL);
    }

    /** @return the specialised kernel of {@code law} for these particles and pairs, or {@code null} */
    HertzMindlinKernel specialisedKernel(ContactLaw law) {
        return HertzMindlinKernel.of(law, particles, box, list, kernel, this, pairs, types);
    }

    /**
     * Splits the particles among the workers so that each has its {@link #shares share} of the work in {@link #own}
     * (after a build, and when the shares were rebalanced): an entry costs {@value #CHECK_COST} for its distance
     * check and {@value #CONTACT_COST} more while it touches, a measured ratio of the time of a distance check to that
     * of a contact. The split decides only which worker sums a particle, never the order of a sum, so any split gives
     * the same numbers.
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
            long target = (long) (total * shares.before(part));
            while (i < n && cost < target) {
                for (int k = nl.start[i], kEnd = nl.start[i + 1]; k < kEnd; k++) {
                    cost += CHECK_COST + CONTACT_COST * nl.touching[k];
                }
                i++;
            }
            entrySplit[part] = i;
        }
        for (int part = 0; part < w - 1; part++) {
            int end = entrySplit[part + 1];
            int across = 0;
            for (int k = nl.start[entrySplit[part]], kEnd = nl.start[end]; k < kEnd; k++) {
                if (nl.partner[k] >= end) {
                    across++;
                }
            }
            workers[part].expectCross(across);
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

    /**
     * The pass of worker {@code worker} on its particles [a, b) (all of them on one thread), in the order of one
     * thread: particles from the last down, each one's own entries ascending. A particle's own entries come before
     * any where it is the partner (those belong to lower particles, walked later), so its sums start from its own
     * entries, held in locals; a partner j &lt; b is this worker's and takes the entry at once, a partner j ≥ b
     * belongs to a higher worker, which adds the contact from this worker's log after the pass
     * ({@link #addCrossContacts}: after its own particles' contributions, as one thread would). Every touching entry
     * keeps its force on i in the list.
     */
    void own(int worker, boolean bonded, double dt) {
        Particles p = particles;
        NeighbourList nl = list;
        Worker me = workers[worker];
        double[] out = nl.pairForce;
        int first = entrySplit[worker];
        int end = entrySplit[worker + 1];
        me.crossCount = 0;
        HertzMindlinKernel specialised = kernel.hertzMindlin;
        if (specialised != null) {
            specialised.own(me, first, end, dt);
            return;
        }
        for (int i = end - 1; i >= first; i--) {
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
                    toPartner(me, p, out, k, nl.partner[k], end, me.fx, me.fy, me.fz, me.tjx, me.tjy, me.tjz);
                }
            }
            store(i, fx, fy, fz, tx, ty, tz);
        }
    }

    /**
     * Entries {@code from} … of particle i (one worker's, its range ending at {@code end}) through the general path,
     * continuing the sums of its force and torque in {@link Worker#sums}: where the specialised kernel hands a particle
     * over, at a contact it leaves to this path. No entry of such a law is held by a bond.
     */
    void generalRest(Worker me, int i, int from, int end, double dt) {
        NeighbourList nl = list;
        double[] sums = me.sums;
        for (int k = from, kEnd = nl.start[i + 1]; k < kEnd; k++) {
            if (contact(me, i, k, false, dt)) {
                sums[0] += me.fx;
                sums[1] += me.fy;
                sums[2] += me.fz;
                sums[3] += me.tix;
                sums[4] += me.tiy;
                sums[5] += me.tiz;
                toPartner(me, particles, nl.pairForce, k, nl.partner[k], end, me.fx, me.fy, me.fz, me.tjx, me.tjy,
                        me.tjz);
            }
        }
    }

    /**
     * Keeps entry k's force on i [N] in the list and passes the contact on to its partner j: to j's force and torque
     * at once when j belongs to this worker (j &lt; end), otherwise into the worker's log for the partner's worker
     * ({@link #addCrossContacts}).
     */
    static void toPartner(Worker me, Particles p, double[] out, int k, int j, int end, double fx, double fy, double fz,
                          double tjx, double tjy, double tjz) {
        int o = PAIR_SLOTS * k;
        out[o] = fx;
        out[o + 1] = fy;
        out[o + 2] = fz;
        if (j < end) {
            p.fx[j] -= fx;
            p.fy[j] -= fy;
            p.fz[j] -= fz;
            p.tx[j] += tjx;
            p.ty[j] += tjy;
            p.tz[j] += tjz;
        } else {
            me.logCross(j, fx, fy, fz, tjx, tjy, tjz);
        }
    }

    /** Sets particle i's force [N] and torque [N·m]. */
    private void store(int i, double fx, double fy, double fz, double tx, double ty, double tz) {
        Particles p = particles;
        p.fx[i] = fx;
        p.fy[i] = fy;
        p.fz[i] = fz;
        p.tx[i] = tx;
        p.ty[i] = ty;
        p.tz[i] = tz;
    }

    /** @return the first particle of worker {@code worker}'s share (the end of the last worker's: the particles) */
    int first(int worker) {
        return entrySplit[worker];
    }

    /**
     * Adds to the force and torque of worker {@code worker}'s particles [from, to) the contacts the lower workers
     * logged for them (after their {@link #own} passes; only a lower worker logs for a particle of this one): the
     * logs of the higher of them first, each in the order it was written (its particles from the last down), so that
     * every particle takes its contributions from lower particles from the highest down, as one thread would have
     * added them.
     */
    void addCrossContacts(int worker, int from, int to) {
        Particles p = particles;
        for (int w = worker - 1; w >= 0; w--) {
            Worker lower = workers[w];
            int[] partner = lower.crossPartner;
            double[] v = lower.crossValues;
            for (int c = 0, count = lower.crossCount; c < count; c++) {
                int j = partner[c];
                if (j >= from && j < to) {
                    int o = Worker.CROSS_VALUES * c;
                    p.fx[j] -= v[o];
                    p.fy[j] -= v[o + 1];
                    p.fz[j] -= v[o + 2];
                    p.tx[j] += v[o + 3];
                    p.ty[j] += v[o + 4];
                    p.tz[j] += v[o + 5];
                }
            }
        }
    }

    /** @return bytes the workers' logs of contacts across hold ({@link Worker#logCross}) */
    long crossLogBytes() {
        long bytes = 0;
        for (Worker w : workers) {
            bytes += (long) w.crossPartner.length * Integer.BYTES + (long) w.crossValues.length * Double.BYTES;
        }
        return bytes;
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
