package org.calsim.dem.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Versioned binary checkpoint of a {@link DemEngine}: everything the next step depends on, so that a run
 * resumed from it continues bit for bit as one that never stopped — positions, velocities, angular
 * velocities, the forces and torques of the last evaluation (velocity Verlet's next half kick uses them),
 * the neighbour list with its reference positions, contact and bond history, the wall contacts and the
 * walls' motion, step, time and the energy bookkeeping.
 *
 * <p>Layout (big-endian, {@link DataOutput}): the magic {@code "calsim-dem"}, the format version, then the
 * sections in the order of {@link #write}. A stage appends its own protocol state after it.
 */
public final class Checkpoint {
    /** First bytes of every checkpoint. */
    public static final String MAGIC = "calsim-dem";
    /** Format version written by this class. */
    public static final int VERSION = 3;

    private Checkpoint() {
    }

    /** Writes the engine's state. */
    public static void write(DemEngine e, DataOutput out) throws IOException {
        out.write(MAGIC.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.writeInt(VERSION);
        out.writeLong(e.step);
        out.writeDouble(e.time);
        out.writeDouble(e.dt);
        out.writeDouble(e.skin);
        out.writeDouble(e.gravityZ);
        out.writeDouble(e.box.lx());
        out.writeDouble(e.box.ly());
        out.writeInt(e.types());
        out.writeUTF(e.kernel.law.getClass().getName());
        out.writeInt(e.kernel.law.historySize());
        out.writeInt(e.bondsFormed);
        out.writeInt(e.bondsReleased);
        out.writeInt(e.timeStepReductions);
        out.writeUTF(e.stiffest);
        out.writeDouble(e.referenceEnergy);
        out.writeDouble(e.wallWork);
        out.writeDouble(e.referencePotential);

        Particles p = e.particles;
        int n = p.size;
        out.writeInt(n);
        for (double[] a : new double[][] {p.x, p.y, p.z, p.vx, p.vy, p.vz, p.wx, p.wy, p.wz, p.fx, p.fy, p.fz, p.tx,
            p.ty, p.tz, p.radius, p.invMass, p.invInertia}) {
            writeDoubles(out, a, n);
        }
        writeInts(out, p.type, n);

        NeighbourList nl = e.list;
        out.writeInt(nl.entries);
        writeInts(out, nl.start, n + 1);
        writeInts(out, nl.partner, nl.entries);
        writeDoubles(out, nl.history, nl.entries * nl.historySize);
        out.write(nl.touching, 0, nl.entries);
        writeDoubles(out, nl.x0, n);
        writeDoubles(out, nl.y0, n);
        writeDoubles(out, nl.z0, n);
        out.writeLong(nl.builds);

        out.writeInt(e.walls.size());
        for (Wall w : e.walls) {
            out.writeUTF(w.getClass().getSimpleName() + ":" + w.name());
            w.save(out);
            out.writeDouble(w.power);
        }
        int slots = n * e.walls.size();
        writeDoubles(out, e.wallHistory, slots * nl.historySize);
        out.write(e.wallTouching, 0, slots);
    }

    /**
     * Restores what {@link #write} wrote into an engine set up the same way (same box, types, law and walls,
     * in the same order). The particles are replaced.
     *
     * @throws IOException when the data is not a checkpoint of this version or does not fit the engine
     */
    public static void read(DemEngine e, DataInput in) throws IOException {
        byte[] head = new byte[MAGIC.length()];
        try {
            in.readFully(head);
        } catch (java.io.EOFException eof) {
            throw new IOException("not a calsim DEM checkpoint: shorter than its header", eof);
        }
        String magic = new String(head, java.nio.charset.StandardCharsets.US_ASCII);
        if (!MAGIC.equals(magic)) {
            throw new IOException("not a calsim DEM checkpoint (it starts with '" + magic + "', not '" + MAGIC + "')");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("checkpoint format version " + version + " cannot be read; this calsim reads version "
                    + VERSION);
        }
        e.step = in.readLong();
        e.time = in.readDouble();
        e.dt = in.readDouble();
        e.skin = in.readDouble();
        e.gravityZ = in.readDouble();
        double lx = in.readDouble();
        double ly = in.readDouble();
        if (lx != e.box.lx() || ly != e.box.ly()) {
            throw new IOException("checkpoint box " + lx + " x " + ly + " m differs from the job's " + e.box.lx() + " x "
                    + e.box.ly() + " m");
        }
        int types = in.readInt();
        if (types != e.types()) {
            throw new IOException("checkpoint has " + types + " material types, the job " + e.types());
        }
        String law = in.readUTF();
        int historySize = in.readInt();
        if (!law.equals(e.kernel.law.getClass().getName()) || historySize != e.kernel.law.historySize()) {
            throw new IOException("checkpoint was written with contact law " + law + " (" + historySize
                    + " history slots); the job now uses " + e.kernel.law.getClass().getName());
        }
        e.bondsFormed = in.readInt();
        e.bondsReleased = in.readInt();
        e.timeStepReductions = in.readInt();
        e.stiffest = in.readUTF();
        e.referenceEnergy = in.readDouble();
        e.wallWork = in.readDouble();
        e.referencePotential = in.readDouble();

        int n = in.readInt();
        Particles p = e.particles;
        p.ensureCapacity(n);
        p.size = n;
        for (double[] a : new double[][] {p.x, p.y, p.z, p.vx, p.vy, p.vz, p.wx, p.wy, p.wz, p.fx, p.fy, p.fz, p.tx,
            p.ty, p.tz, p.radius, p.invMass, p.invInertia}) {
            readDoubles(in, a, n);
        }
        readInts(in, p.type, n);

        NeighbourList nl = e.list;
        nl.resetHistory(historySize);
        int entries = in.readInt();
        nl.start = new int[n + 1];
        readInts(in, nl.start, n + 1);
        nl.partner = new int[Math.max(1, entries)];
        readInts(in, nl.partner, entries);
        nl.history = new double[Math.max(1, entries) * historySize];
        readDoubles(in, nl.history, entries * historySize);
        nl.touching = new byte[Math.max(1, entries)];
        in.readFully(nl.touching, 0, entries);
        nl.entries = entries;
        nl.particlesBuilt = n;
        nl.x0 = new double[p.x.length];
        nl.y0 = new double[p.x.length];
        nl.z0 = new double[p.x.length];
        readDoubles(in, nl.x0, n);
        readDoubles(in, nl.y0, n);
        readDoubles(in, nl.z0, n);
        nl.builds = in.readLong();
        nl.afterRestore(n);

        int walls = in.readInt();
        if (walls != e.walls.size()) {
            throw new IOException("checkpoint has " + walls + " walls, the job " + e.walls.size());
        }
        for (Wall w : e.walls) {
            String id = in.readUTF();
            String expected = w.getClass().getSimpleName() + ":" + w.name();
            if (!id.equals(expected)) {
                throw new IOException("checkpoint wall " + id + " where the job has " + expected);
            }
            w.load(in);
            w.power = in.readDouble();
        }
        e.restoreWalls(n, historySize);
        int slots = n * e.walls.size();
        readDoubles(in, e.wallHistory, slots * historySize);
        in.readFully(e.wallTouching, 0, slots);
        e.afterRestore();
    }

    private static void writeDoubles(DataOutput out, double[] a, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            out.writeDouble(a[i]);
        }
    }

    private static void readDoubles(DataInput in, double[] a, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            a[i] = in.readDouble();
        }
    }

    private static void writeInts(DataOutput out, int[] a, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            out.writeInt(a[i]);
        }
    }

    private static void readInts(DataInput in, int[] a, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            a[i] = in.readInt();
        }
    }
}
