package org.calsim.dem.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.calsim.api.contact.ContactLaw;

/**
 * Half neighbour list (pairs i &lt; j) in compressed-row form, built with linked cells and a Verlet skin,
 * with each pair's contact-law history and its last computed force and torques.
 *
 * <p>Entries of particle i are {@code start[i] … start[i+1]−1}, partner {@code partner[k]}, sorted by
 * partner index. A pair enters the list when its centres are closer than r_i + r_j + skin; a pair whose
 * law is still {@link ContactLaw#engaged engaged} (an intact bond) stays in it however far apart. On each
 * rebuild the history of pairs present before and after is carried over, so contacts keep their tangential
 * springs and bonds (the LIGGGHTS {@code fix contacthistory} behaviour).
 *
 * <p>Per entry, after a force evaluation: {@code pairForce[6k … 6k+5]} = force on i (3) and, on several threads,
 * torque on j (3); only entries with {@code touching[k] != 0} hold a current value. The transposed index
 * ({@code revStart}, {@code revEntry}) lists for each particle j the entries in which it is the partner, in
 * ascending entry order, so per-particle sums run in a fixed order whatever the number of threads.
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
    int[] revStart = new int[1];
    int[] revEntry = new int[0];
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
    private int[] cellHead = new int[0];
    private int[] cellNext = new int[0];
    private int[] candidates = new int[64];
    private int[] revCount = new int[0];
    // the cell grid of the last build: cells per axis, lowest z [m], cells per metre
    private int ncx, ncy, ncz;
    private double zMin, sx, sy, sz;

    /** number of builds so far */
    long builds;
    /** Verlet skin of the engine's builds [m] */
    double skin;

    /** Sets the Verlet skin [m] (≥ 0) of {@link #rebuild}. */
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

    /** Rebuilds the list with the skin (see {@link #build}). */
    void rebuild(Particles p, PeriodicBox box, ContactLaw law, boolean bonded) {
        build(p, box, skin, law, bonded);
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

    /**
     * Rebuilds the list.
     *
     * @param p       the particles
     * @param box     periodic box
     * @param skin    Verlet skin [m]
     * @param law     the current law (asked whether a lost pair is still engaged); may be {@code null}
     * @param bonded  whether any bond was formed (otherwise the engaged check is skipped)
     */
    void build(Particles p, PeriodicBox box, double skin, ContactLaw law, boolean bonded) {
        int n = p.size;
        binCells(p, box, skin);
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
        int k = 0;
        for (int i = 0; i < n; i++) {
            start[i] = k;
            int found = near(p, box, i, skin);
            boolean old = i < particlesBuilt;
            if (bonded && law != null && old) {
                found = keepEngaged(i, found, law);
            }
            Arrays.sort(candidates, 0, found);
            k = carry(i, found, old, k);
        }
        start[n] = k;
        entries = k;
        particlesBuilt = n;
        if (pairForce.length < partner.length * PairForces.PAIR_SLOTS) {
            pairForce = new double[partner.length * PairForces.PAIR_SLOTS];
        }
        buildReverse(n);
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
     * Sorts the particles into cubic cells of the interaction range 2 r_max + skin (linked lists {@link #cellHead},
     * {@link #cellNext}, each in ascending particle order), checking that the box holds one periodic image of every
     * pair.
     */
    private void binCells(Particles p, PeriodicBox box, double skin) {
        int n = p.size;
        double rMax = p.maxRadius();
        double cutoff = 2 * rMax + skin;
        if (box.lx() < 2 * cutoff || box.ly() < 2 * cutoff) {
            throw new IllegalArgumentException(String.format(
                    "the periodic box %.4g x %.4g m is too small for particles of radius up to %.4g m: it must be at "
                            + "least twice the interaction range (2 x (2 r_max + skin) = %.4g m) wide in x and y, so "
                            + "that every pair has one nearest periodic image",
                    box.lx(), box.ly(), rMax, 2 * cutoff));
        }
        ncx = Math.max(1, (int) Math.floor(box.lx() / cutoff));
        ncy = Math.max(1, (int) Math.floor(box.ly() / cutoff));
        double zMax = Double.NEGATIVE_INFINITY;
        zMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            zMin = Math.min(zMin, p.z[i]);
            zMax = Math.max(zMax, p.z[i]);
        }
        ncz = n == 0 ? 1 : (int) Math.floor((zMax - zMin) / cutoff) + 1;
        long cells = (long) ncx * ncy * ncz;
        if (cells > Integer.MAX_VALUE / 2) {
            throw new IllegalStateException("particles spread over " + (zMax - zMin) + " m in z: too many cells ("
                    + cells + "); a particle has probably escaped the domain");
        }
        if (cellHead.length < cells) {
            cellHead = new int[(int) Math.max(cells, cellHead.length * 3L / 2)];
        }
        Arrays.fill(cellHead, 0, (int) cells, -1);
        if (cellNext.length < n) {
            cellNext = new int[n + n / 2];
        }
        sx = ncx / box.lx();
        sy = ncy / box.ly();
        sz = 1.0 / cutoff;
        for (int i = n - 1; i >= 0; i--) {
            int c = cellOf(p.x[i], p.y[i], p.z[i], zMin, sx, sy, sz, ncx, ncy, ncz);
            cellNext[i] = cellHead[c];
            cellHead[c] = i;
        }
    }

    /**
     * Collects in {@link #candidates} the particles j &gt; i whose centres are closer to i's than r_i + r_j + skin,
     * from i's cell and its neighbours (with fewer than 3 cells in x or y the offsets −1, 0, +1 wrap onto the same
     * cell: each cell is visited once).
     *
     * @return how many
     */
    private int near(Particles p, PeriodicBox box, int i, double skin) {
        int spanX = Math.min(3, ncx);
        int spanY = Math.min(3, ncy);
        int found = 0;
        double xi = p.x[i];
        double yi = p.y[i];
        double zi = p.z[i];
        double ri = p.radius[i];
        int cx = Math.min(ncx - 1, (int) (xi * sx));
        int cy = Math.min(ncy - 1, (int) (yi * sy));
        int cz = Math.min(ncz - 1, (int) ((zi - zMin) * sz));
        for (int dz = -1; dz <= 1; dz++) {
            int czz = cz + dz;
            if (czz < 0 || czz >= ncz) {
                continue;
            }
            for (int dy = 0; dy < spanY; dy++) {
                int cyy = Math.floorMod(cy + dy - (spanY == 3 ? 1 : 0), ncy);
                for (int dx = 0; dx < spanX; dx++) {
                    int cxx = Math.floorMod(cx + dx - (spanX == 3 ? 1 : 0), ncx);
                    for (int j = cellHead[(czz * ncy + cyy) * ncx + cxx]; j >= 0; j = cellNext[j]) {
                        if (j <= i) {
                            continue;
                        }
                        double ddx = box.imageX(xi - p.x[j]);
                        double ddy = box.imageY(yi - p.y[j]);
                        double ddz = zi - p.z[j];
                        double reach = ri + p.radius[j] + skin;
                        if (ddx * ddx + ddy * ddy + ddz * ddz < reach * reach) {
                            found = addCandidate(found, j);
                        }
                    }
                }
            }
        }
        return found;
    }

    private int addCandidate(int found, int j) {
        if (found == candidates.length) {
            candidates = Arrays.copyOf(candidates, found * 2);
        }
        candidates[found] = j;
        return found + 1;
    }

    /**
     * Adds to the {@code found} candidates of i its old partners that the law still holds engaged (intact bonds):
     * they stay, however far apart.
     *
     * @return the number of candidates now
     */
    private int keepEngaged(int i, int found, ContactLaw law) {
        int hs = historySize;
        for (int o = spareStart[i]; o < spareStart[i + 1]; o++) {
            if (spareTouching[o] != 0 && law.engaged(spareHistory, o * hs) && !contains(candidates, found,
                    sparePartner[o])) {
                found = addCandidate(found, sparePartner[o]);
            }
        }
        return found;
    }

    /**
     * Writes the sorted candidates of i as its entries from entry k on, merged with its old entries (when it had
     * any) to carry their history and contact state over; new pairs start at zero.
     *
     * @return the next free entry
     */
    private int carry(int i, int found, boolean old, int k) {
        int hs = historySize;
        if (k + found > partner.length) {
            int grown = Math.max(k + found, partner.length * 3 / 2);
            partner = Arrays.copyOf(partner, grown);
            history = Arrays.copyOf(history, grown * hs);
            touching = Arrays.copyOf(touching, grown);
        }
        int o = old ? spareStart[i] : 0;
        int oEnd = old ? spareStart[i + 1] : 0;
        for (int c = 0; c < found; c++) {
            int j = candidates[c];
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
        buildReverse(n);
    }

    private static boolean contains(int[] a, int count, int value) {
        for (int c = 0; c < count; c++) {
            if (a[c] == value) {
                return true;
            }
        }
        return false;
    }

    private static int cellOf(double x, double y, double z, double zMin, double sx, double sy, double sz, int ncx,
                              int ncy, int ncz) {
        int cx = Math.min(ncx - 1, (int) (x * sx));
        int cy = Math.min(ncy - 1, (int) (y * sy));
        int cz = Math.min(ncz - 1, (int) ((z - zMin) * sz));
        return (cz * ncy + cy) * ncx + cx;
    }

    private void buildReverse(int n) {
        if (revStart.length < n + 1) {
            revStart = new int[n + 1 + n / 2];
        }
        if (revCount.length < n) {
            revCount = new int[n + n / 2];
        }
        Arrays.fill(revCount, 0, n, 0);
        for (int k = 0; k < entries; k++) {
            revCount[partner[k]]++;
        }
        int sum = 0;
        for (int j = 0; j < n; j++) {
            revStart[j] = sum;
            sum += revCount[j];
            revCount[j] = revStart[j];
        }
        revStart[n] = sum;
        if (revEntry.length < sum) {
            revEntry = new int[Math.max(sum, revEntry.length * 3 / 2)];
        }
        for (int k = 0; k < entries; k++) {
            revEntry[revCount[partner[k]]++] = k;
        }
    }

    /** @return bytes per entry held by the list's arrays (with the spare buffers) */
    long bytesPerEntry() {
        return 2L * (Integer.BYTES + (long) historySize * Double.BYTES + 1) + (long) PairForces.PAIR_SLOTS * Double.BYTES
                + Integer.BYTES;
    }
}
