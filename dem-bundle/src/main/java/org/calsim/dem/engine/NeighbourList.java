package org.calsim.dem.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.calsim.api.contact.ContactLaw;
import org.calsim.parallel.WorkerTeam;

/**
 * Half neighbour list (pairs i &lt; j) in compressed-row form, built with linked cells and a Verlet skin,
 * with each pair's contact-law history and its last computed force.
 *
 * <p>Entries of particle i are {@code start[i] … start[i+1]−1}, partner {@code partner[k]}, sorted by
 * partner index. A pair enters the list when its centres are closer than r_i + r_j + skin; a pair whose
 * law is still {@link ContactLaw#engaged engaged} (an intact bond) stays in it however far apart. On each
 * rebuild the history of pairs present before and after is carried over, so contacts keep their tangential
 * springs and bonds (the LIGGGHTS {@code fix contacthistory} behaviour).
 *
 * <p>Per entry, after a force evaluation: {@code pairForce[3k … 3k+2]} = force on i [N]; only entries with
 * {@code touching[k] != 0} hold a current value.
 *
 * <p>The engine rebuilds the list only when a particle has moved more than half the skin since the last build
 * ({@link #needsRebuild}); the list saves and restores itself for a {@link Checkpoint}.
 */
final class NeighbourList {
    int[] start = new int[1];
    int[] partner = new int[0];
    double[] history = new double[0];
    byte[] touching = new byte[0];
    double[] pairForce = new double[0];
    int entries;
    int historySize;
    /** number of particles at the last build */
    int particlesBuilt;

    /** positions at the last build, for the skin criterion [m] */
    double[] x0 = new double[0], y0 = new double[0], z0 = new double[0];

    // spare buffers (double buffering) and cell scratch
    private int[] spareStart = new int[1];
    private int[] sparePartner = new int[0];
    private double[] spareHistory = new double[0];
    private byte[] spareTouching = new byte[0];
    private final CellGrid cells = new CellGrid();
    // a build on several workers: each one's candidates, first particles, and entries (counted, then the first)
    private Candidates[] search = new Candidates[0];
    private int[] split = new int[0];
    private int[] placed = new int[0];
    // what the workers of a build read: particles, box, skin [m], the law to ask about bonds (or null)
    private Particles buildParticles;
    private PeriodicBox buildBox;
    private double buildSkin;
    private ContactLaw engagedBy;
    private final WorkerTeam.Task searchTask = this::search;
    private final WorkerTeam.Task placeTask = this::place;

    /** number of builds so far */
    long builds;
    /** Verlet skin of the engine's builds [m] */
    double skin;

    /** Sets the Verlet skin [m] (≥ 0) of the engine's builds. */
    void setSkin(double metres) {
        if (!(metres >= 0) || Double.isInfinite(metres)) {
            throw new IllegalArgumentException("skin must be a finite number >= 0 m, was " + metres);
        }
        skin = metres;
    }

    /**
     * @param maxDisplacement2 the largest squared displacement of a particle since the last build [m²]
     * @return whether a particle moved more than half the skin since the last build
     */
    boolean needsRebuild(double maxDisplacement2) {
        return 4 * maxDisplacement2 > skin * skin;
    }

    /** Resets the history layout for a law with {@code slots} history doubles per pair; zeroes all history. */
    void resetHistory(int slots) {
        historySize = slots;
        history = new double[Math.max(1, entries) * slots];
        Arrays.fill(touching, (byte) 0);
    }

    /**
     * Maps the history of every entry onto a law with {@code slots} history doubles per pair (a hot swap; see
     * {@link HistoryMap}); the spare buffer is re-sized at the next build.
     */
    void remapHistory(int slots, int[] carried) {
        history = HistoryMap.remap(history, touching, entries, historySize, carried, partner.length * slots);
        historySize = slots;
    }

    /** Rebuilds the list on the calling thread ({@link #build(Particles, PeriodicBox, double, ContactLaw, boolean,
     * WorkerTeam)} with no team). */
    void build(Particles p, PeriodicBox box, double skin, ContactLaw law, boolean bonded) {
        build(p, box, skin, law, bonded, null);
    }

    /**
     * Rebuilds the list, the search for partners on the workers of {@code team} (each a range of particles): the first
     * worker writes its entries at once, the others keep their sorted candidates and place them, merged with the old
     * entries, once the entries before theirs are counted. The entries are the same as from one thread.
     *
     * @param p       the particles
     * @param box     periodic box
     * @param skin    Verlet skin [m]
     * @param law     the current law (asked whether a lost pair is still engaged); may be {@code null}
     * @param bonded  whether any bond was formed (otherwise the engaged check is skipped)
     * @param team    the workers, or {@code null} for the calling thread alone
     */
    void build(Particles p, PeriodicBox box, double skin, ContactLaw law, boolean bonded, WorkerTeam team) {
        int n = p.size;
        cells.bin(p, box, skin);
        // new arrays: swap in the spares; the old entries stay in the spares until the next build
        int[] oldStart = start;
        int[] oldPartner = partner;
        double[] oldHistory = history;
        byte[] oldTouching = touching;
        start = spareStart.length >= n + 1 ? spareStart : new int[n + 1 + n / 2];
        int capacity = Math.max(sparePartner.length, 16);
        partner = sparePartner.length > 0 ? sparePartner : new int[capacity];
        history = spareHistory.length < partner.length * historySize ? new double[partner.length * historySize]
                : spareHistory;
        touching = spareTouching.length < partner.length ? new byte[partner.length] : spareTouching;
        spareStart = oldStart;
        sparePartner = oldPartner;
        spareHistory = oldHistory;
        spareTouching = oldTouching;
        int workers = team == null ? 1 : team.size();
        if (search.length != workers) {
            search = new Candidates[workers];
            for (int w = 0; w < workers; w++) {
                search[w] = new Candidates();
            }
            split = new int[workers + 1];
            placed = new int[workers];
        }
        for (int w = 0; w <= workers; w++) {
            split[w] = (int) ((long) n * w / workers);
        }
        buildParticles = p;
        buildBox = box;
        buildSkin = skin;
        engagedBy = bonded ? law : null;
        if (team == null) {
            search(0, 1);
        } else {
            team.run(searchTask);
        }
        int k = placed[0];
        for (int w = 1; w < workers; w++) {
            int count = placed[w];
            placed[w] = k;
            k += count;
        }
        if (workers > 1) {
            ensureCapacity(k);
            team.run(placeTask);
        }
        buildParticles = null;
        buildBox = null;
        engagedBy = null;
        start[n] = k;
        entries = k;
        particlesBuilt = n;
        if (pairForce.length < partner.length * PairForces.PAIR_SLOTS) {
            pairForce = new double[partner.length * PairForces.PAIR_SLOTS];
        }
        if (x0.length < n) {
            x0 = new double[p.x.length];
            y0 = new double[p.x.length];
            z0 = new double[p.x.length];
        }
        System.arraycopy(p.x, 0, x0, 0, n);
        System.arraycopy(p.y, 0, y0, 0, n);
        System.arraycopy(p.z, 0, z0, 0, n);
        builds++;
    }

    /**
     * The search of worker {@code worker} over its particles: each one's sorted candidates, written as entries by the
     * first worker (into {@link #placed}[0], the count), kept by the others (their counts, per particle in
     * {@link #start} until placed, and in total in {@link #placed}).
     */
    private void search(int worker, int workers) {
        Candidates mine = search[worker];
        int k = 0;
        for (int i = split[worker], end = split[worker + 1]; i < end; i++) {
            int found = cells.near(buildParticles, buildBox, i, buildSkin, mine);
            boolean old = i < particlesBuilt;
            if (engagedBy != null && old) {
                found = keepEngaged(i, found, engagedBy, mine);
            }
            Arrays.sort(mine.ids, 0, found);
            if (worker == 0) {
                start[i] = k;
                k = carry(i, mine.ids, 0, found, old, k);
            } else {
                start[i] = found;
                k = mine.keep(k, found);
            }
        }
        placed[worker] = k;
    }

    /** Places the kept candidates of worker {@code worker} (above the first) from entry {@link #placed}[worker] on. */
    private void place(int worker, int workers) {
        if (worker == 0) {
            return;
        }
        int[] kept = search[worker].kept;
        int from = 0;
        int k = placed[worker];
        for (int i = split[worker], end = split[worker + 1]; i < end; i++) {
            int found = start[i];
            start[i] = k;
            k = carry(i, kept, from, found, i < particlesBuilt, k);
            from += found;
        }
    }

    /** Grows the entry arrays to at least {@code needed} entries (half as much again), keeping what they hold. */
    private void ensureCapacity(int needed) {
        if (needed > partner.length) {
            int grown = Math.max(needed, partner.length * 3 / 2);
            partner = Arrays.copyOf(partner, grown);
            history = Arrays.copyOf(history, grown * historySize);
            touching = Arrays.copyOf(touching, grown);
        }
    }

    /**
     * Adds to the {@code found} candidates of i ({@link CellGrid#near}) its old partners that the law still holds
     * engaged (intact bonds): they stay, however far apart.
     *
     * @return the number of candidates now
     */
    private int keepEngaged(int i, int found, ContactLaw law, Candidates mine) {
        int hs = historySize;
        for (int o = spareStart[i]; o < spareStart[i + 1]; o++) {
            if (spareTouching[o] != 0 && law.engaged(spareHistory, o * hs) && !mine.contains(sparePartner[o], found)) {
                found = mine.add(found, sparePartner[o]);
            }
        }
        return found;
    }

    /**
     * Writes the sorted candidates of i ({@code found} of them in {@code ids} from {@code from} on) as its entries from
     * entry k on, merged with its old entries (when it had any) to carry their history and contact state over; new
     * pairs start at zero.
     *
     * @return the next free entry
     */
    private int carry(int i, int[] ids, int from, int found, boolean old, int k) {
        int hs = historySize;
        ensureCapacity(k + found);
        int o = old ? spareStart[i] : 0;
        int oEnd = old ? spareStart[i + 1] : 0;
        for (int c = from, cEnd = from + found; c < cEnd; c++) {
            int j = ids[c];
            while (o < oEnd && sparePartner[o] < j) {
                o++;
            }
            partner[k] = j;
            if (o < oEnd && sparePartner[o] == j) {
                touching[k] = spareTouching[o];
                System.arraycopy(spareHistory, o * hs, history, k * hs, hs);
            } else {
                touching[k] = 0;
                Arrays.fill(history, k * hs, k * hs + hs, 0.0);
            }
            k++;
        }
        return k;
    }

    /** Writes the skin, the entries of the first n particles with their history, and the build positions. */
    void save(DataOutput out, int n) throws IOException {
        out.writeDouble(skin);
        out.writeInt(entries);
        Checkpoint.writeInts(out, start, n + 1);
        Checkpoint.writeInts(out, partner, entries);
        Checkpoint.writeDoubles(out, history, entries * historySize);
        out.write(touching, 0, entries);
        Checkpoint.writeDoubles(out, x0, n);
        Checkpoint.writeDoubles(out, y0, n);
        Checkpoint.writeDoubles(out, z0, n);
        out.writeLong(builds);
    }

    /**
     * Reads what {@link #save} wrote for n particles (room for {@code capacity}) and a law with {@code slots} history
     * doubles per pair, and rebuilds the derived arrays.
     */
    void load(DataInput in, int n, int capacity, int slots) throws IOException {
        skin = in.readDouble();
        historySize = slots;
        int count = in.readInt();
        start = new int[n + 1];
        Checkpoint.readInts(in, start, n + 1);
        partner = new int[Math.max(1, count)];
        Checkpoint.readInts(in, partner, count);
        history = new double[Math.max(1, count) * slots];
        Checkpoint.readDoubles(in, history, count * slots);
        touching = new byte[Math.max(1, count)];
        in.readFully(touching, 0, count);
        entries = count;
        particlesBuilt = n;
        x0 = new double[capacity];
        y0 = new double[capacity];
        z0 = new double[capacity];
        Checkpoint.readDoubles(in, x0, n);
        Checkpoint.readDoubles(in, y0, n);
        Checkpoint.readDoubles(in, z0, n);
        builds = in.readLong();
        pairForce = new double[partner.length * PairForces.PAIR_SLOTS];
        spareStart = new int[1];
        sparePartner = new int[0];
        spareHistory = new double[0];
        spareTouching = new byte[0];
    }

    /**
     * @return bytes the list's arrays hold, spare room included: entries and their spare buffers, positions at the
     *         last build, the cell grid and the workers' candidates
     */
    long heapBytes() {
        long ints = (long) start.length + partner.length + spareStart.length + sparePartner.length + split.length
                + placed.length;
        long doubles = (long) history.length + spareHistory.length + pairForce.length + x0.length + y0.length
                + z0.length;
        long bytes = ints * Integer.BYTES + doubles * Double.BYTES + touching.length + spareTouching.length
                + cells.heapBytes();
        for (Candidates c : search) {
            bytes += c.heapBytes();
        }
        return bytes;
    }
}
