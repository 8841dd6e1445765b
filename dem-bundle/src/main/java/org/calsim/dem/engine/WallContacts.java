package org.calsim.dem.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.calsim.api.contact.PairProperties;

/**
 * The particle–wall contacts (LAMMPS' {@code fix wall/gran}): each wall ({@link PlaneWall}, {@link RollWall}) says
 * where a particle touches it and how fast its surface moves there, and the contact goes through the same
 * {@link ContactKernel} as a particle pair, with the wall as a body of infinite radius and mass. Each (particle, wall)
 * pair has its own history slots, cleared when the contact ends, and its own record of the force on the wall [N] and
 * the wall's power on the particle [W]; {@link #sum} totals them per wall, in particle order, for the walls'
 * motion, and {@link #move} moves the walls and counts their work. Nothing in a step allocates.
 */
final class WallContacts {
    /** Doubles per (particle, wall) slot of {@link #force}: force on the wall (x, y, z) and the wall's power. */
    private static final int WALL_SLOTS = 4;

    private final Particles particles;
    private final PeriodicBox box;
    private final ContactKernel kernel;
    private final int types;
    /** the walls, in the order they were added */
    final List<Wall> walls = new ArrayList<>();
    /** history slots per (particle, wall) pair: {@link #historySize} doubles at slot × historySize */
    private double[] history = new double[0];
    private int historySize;
    /** per (particle, wall) slot i × walls + w: whether in contact */
    private byte[] touching = new byte[0];
    /** per slot: force on the wall (x, y, z) [N] and the wall's power on the particle [W]; zero out of contact */
    private double[] force = new double[0];
    /**
     * the slots in contact in the last evaluation: each worker lists its own, wall by wall and per wall in particle
     * order, from the first slot of its particles ({@link Worker#wallFirst}, {@link Worker#wallCount}), so the lists of
     * the workers in order hold each wall's contacts in particle order
     */
    private int[] touched = new int[0];
    private final Worker[] workers;

    WallContacts(Particles particles, PeriodicBox box, ContactKernel kernel, int types, Worker[] workers) {
        this.particles = particles;
        this.workers = workers;
        this.box = box;
        this.kernel = kernel;
        this.types = types;
    }

    /** Adds a wall (set-up only); its contact history starts anew at the next evaluation. */
    void add(Wall wall) {
        for (PairProperties pp : wall.byType) {
            if (pp == null) {
                throw new IllegalArgumentException("wall " + wall.name() + " lacks contact properties for a type");
            }
        }
        if (wall.byType.length != types) {
            throw new IllegalArgumentException("wall " + wall.name() + " has properties for " + wall.byType.length
                    + " types, the system has " + types);
        }
        walls.add(wall);
        history = new double[0];
    }

    /** Starts the history anew for a law with {@code slots} doubles per contact (the first law). */
    void resetHistory(int slots) {
        history = new double[0];
        historySize = slots;
    }

    /** Maps the history onto a law with {@code slots} doubles per contact (a hot swap; see {@link HistoryMap}). */
    void remapHistory(int slots, int[] carried) {
        int withState = walls.isEmpty() ? 0 : Math.min(particles.size, touching.length / walls.size());
        history = HistoryMap.remap(history, touching, withState * walls.size(), historySize, carried,
                touching.length * slots);
        historySize = slots;
    }

    /** @return whether the contact state is too small for the particles now (they were added since) */
    boolean lacksState() {
        return touching.length < particles.size * walls.size();
    }

    /** Makes room for the contact state of every particle with every wall, keeping what there is. */
    void ensureState() {
        int needed = particles.size * walls.size();
        if (touching.length < needed) {
            // exactly what is needed the first time (a fixed set of particles wastes nothing), half as much again
            // when particles were added since (insertion in batches grows it rarely)
            int capacity = touching.length == 0 ? needed : Math.max(needed, touching.length + touching.length / 2);
            touching = Arrays.copyOf(touching, capacity);
            force = Arrays.copyOf(force, capacity * WALL_SLOTS);
            touched = new int[capacity];
        }
        if (history.length < touching.length * historySize) {
            if (history.length == 0) {
                Arrays.fill(touching, (byte) 0);
            }
            history = Arrays.copyOf(history, touching.length * historySize);
        }
    }

    /** Starts worker {@code me}'s list of contacts for an evaluation over particles from {@code first} on. */
    void begin(Worker me, int first) {
        me.wallFirst = first * walls.size();
        me.wallCount = 0;
        if (me.wallEnds.length != walls.size()) { // walls are added at set-up only
            me.wallEnds = new int[walls.size()];
        }
    }

    /**
     * Adds the contacts of the particles [from, to) with every wall to their forces and torques, and records each
     * wall's share: wall by wall, each one's particles in order (a short loop the compiler keeps tight; per particle
     * the walls still add in their order, so the sums are those of a loop by particle).
     *
     * @param dt time step [s]
     */
    void add(Worker me, int from, int to, double dt) {
        double[] surface = me.wall;
        Particles p = particles;
        for (int w = 0, nw = walls.size(); w < nw; w++) {
            Wall wall = walls.get(w);
            for (int i = from; i < to; i++) {
                int slot = i * nw + w;
                double overlap = wall.overlap(p, box, i);
                if (overlap > 0) {
                    wall.surface(p, box, i, surface);
                    touch(me, i, w, slot, overlap, dt);
                } else if (touching[slot] != 0) {
                    release(slot);
                }
            }
            me.wallEnds[w] = me.wallCount;
        }
    }

    /** Particle i touches wall w: the contact's force and torque on i, its record for the wall. */
    private void touch(Worker me, int i, int w, int slot, double overlap, double dt) {
        Particles p = particles;
        double[] surface = me.wall;
        touched[me.wallFirst + me.wallCount++] = slot;
        boolean first = touching[slot] == 0;
        touching[slot] = 1;
        kernel.wallContact(me, p, i, overlap, surface, walls.get(w).byType[p.type[i]], history, slot * historySize,
                first, -1 - w, dt);
        p.fx[i] += me.fx;
        p.fy[i] += me.fy;
        p.fz[i] += me.fz;
        p.tx[i] += me.tix;
        p.ty[i] += me.tiy;
        p.tz[i] += me.tiz;
        int o = WALL_SLOTS * slot;
        force[o] = -me.fx;
        force[o + 1] = -me.fy;
        force[o + 2] = -me.fz;
        // the work rate of the wall on the particle: the contact force times the velocity of the wall's surface
        // at the contact (a roll's turning included, not only its translation)
        force[o + 3] = me.fx * surface[3] + me.fy * surface[4] + me.fz * surface[5];
    }

    /** A contact that ended: its history and its record start from zero. */
    private void release(int slot) {
        touching[slot] = 0;
        Arrays.fill(history, slot * historySize, slot * historySize + historySize, 0.0);
        Arrays.fill(force, WALL_SLOTS * slot, WALL_SLOTS * slot + WALL_SLOTS, 0.0);
    }

    /** @return bytes the contact state holds, spare room included: flags, forces and powers, list, history */
    long heapBytes() {
        return touching.length + ((long) force.length + history.length) * Double.BYTES
                + (long) touched.length * Integer.BYTES;
    }

    /**
     * Totals the force on each wall and its power over the particles in contact, in particle order (the others hold
     * zeros, which would not change the sums).
     */
    void sum() {
        int nw = walls.size();
        for (int w = 0; w < nw; w++) {
            Wall wall = walls.get(w);
            double sx = 0;
            double sy = 0;
            double sz = 0;
            double power = 0;
            for (Worker me : workers) {
                int from = me.wallFirst + (w == 0 ? 0 : me.wallEnds[w - 1]);
                for (int r = from, end = me.wallFirst + me.wallEnds[w]; r < end; r++) {
                    int o = WALL_SLOTS * touched[r];
                    sx += force[o];
                    sy += force[o + 1];
                    sz += force[o + 2];
                    power += force[o + 3];
                }
            }
            wall.forceX = sx;
            wall.forceY = sy;
            wall.forceZ = sz;
            wall.power = power;
        }
    }

    /**
     * Moves every wall by one step, with the forces of the last evaluation.
     *
     * @param work work the walls did so far [J]
     * @return {@code work} plus each wall's power of the last evaluation times {@code dt}, added wall by wall
     */
    double move(double dt, double work) {
        for (int w = 0, nw = walls.size(); w < nw; w++) {
            Wall wall = walls.get(w);
            work += wall.power * dt;
            wall.move(dt, box);
        }
        return work;
    }

    /** @return force particle i exerted on wall {@code w} in the last evaluation, component {@code axis} [N] */
    double forceOn(int i, int w, int axis) {
        return force[WALL_SLOTS * (i * walls.size() + w) + axis];
    }

    /** Writes the walls (name, motion, power) and their contact state with the first n particles. */
    void save(DataOutput out, int n) throws IOException {
        out.writeInt(walls.size());
        for (Wall w : walls) {
            out.writeUTF(w.getClass().getSimpleName() + ":" + w.name());
            w.save(out);
            out.writeDouble(w.power);
        }
        int slots = n * walls.size();
        Checkpoint.writeDoubles(out, history, slots * historySize);
        out.write(touching, 0, slots);
    }

    /**
     * Reads what {@link #save} wrote into the same walls, for n particles and a law with {@code slots} history
     * doubles per contact.
     *
     * @throws IOException when the checkpoint's walls are not these
     */
    void load(DataInput in, int n, int slots) throws IOException {
        int count = in.readInt();
        if (count != walls.size()) {
            throw new IOException("checkpoint has " + count + " walls, the job " + walls.size());
        }
        for (Wall w : walls) {
            String id = in.readUTF();
            String expected = w.getClass().getSimpleName() + ":" + w.name();
            if (!id.equals(expected)) {
                throw new IOException("checkpoint wall " + id + " where the job has " + expected);
            }
            w.load(in);
            w.power = in.readDouble();
        }
        int pairs = n * walls.size();
        touching = new byte[pairs];
        force = new double[WALL_SLOTS * pairs];
        touched = new int[pairs];
        history = new double[pairs * slots];
        historySize = slots;
        Checkpoint.readDoubles(in, history, pairs * slots);
        in.readFully(touching, 0, pairs);
    }
}
