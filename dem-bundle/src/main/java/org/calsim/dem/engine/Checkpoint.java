package org.calsim.dem.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Versioned binary checkpoint of a {@link DemEngine}: everything the next step depends on, so that a run
 * resumed from it continues bit for bit as one that never stopped — positions, velocities, angular
 * velocities, the forces and torques of the last evaluation (velocity Verlet's next half kick uses them),
 * the neighbour list with its reference positions, contact and bond history, the wall contacts and the
 * walls' motion, step, time and the energy bookkeeping.
 *
 * <p>Layout (big-endian, {@link DataOutput}): the magic {@code "calsim-dem"}, the format version, what the reading
 * engine must match (box, number of types, contact law and its history slots), then one section per part of the
 * engine, each written and read by the part itself ({@link DemEngine#save}). A stage appends its own protocol state
 * after it. Version 4 orders the sections by part; checkpoints of earlier versions are refused.
 */
public final class Checkpoint {
    /** First bytes of every checkpoint. */
    public static final String MAGIC = "calsim-dem";
    /** Format version written by this class. */
    public static final int VERSION = 4;

    private Checkpoint() {
    }

    /** Writes the engine's state. */
    public static void write(DemEngine e, DataOutput out) throws IOException {
        out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
        out.writeInt(VERSION);
        out.writeDouble(e.box.lx());
        out.writeDouble(e.box.ly());
        out.writeInt(e.types());
        out.writeUTF(e.law().getClass().getName());
        out.writeInt(e.law().historySize());
        e.save(out);
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
        } catch (EOFException eof) {
            throw new IOException("not a calsim DEM checkpoint: shorter than its header", eof);
        }
        String magic = new String(head, StandardCharsets.US_ASCII);
        if (!MAGIC.equals(magic)) {
            throw new IOException("not a calsim DEM checkpoint (it starts with '" + magic + "', not '" + MAGIC + "')");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("checkpoint format version " + version + " cannot be read; this calsim reads version "
                    + VERSION + (version < VERSION ? " (the checkpoint was written by an older calsim: run the stage "
                    + "again without resume)" : ""));
        }
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
        if (!law.equals(e.law().getClass().getName()) || historySize != e.law().historySize()) {
            throw new IOException("checkpoint was written with contact law " + law + " (" + historySize
                    + " history slots); the job now uses " + e.law().getClass().getName());
        }
        e.load(in);
    }

    /** Writes the first n values of {@code a}. */
    static void writeDoubles(DataOutput out, double[] a, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            out.writeDouble(a[i]);
        }
    }

    /** Reads n values into {@code a}. */
    static void readDoubles(DataInput in, double[] a, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            a[i] = in.readDouble();
        }
    }

    /** Writes the first n values of {@code a}. */
    static void writeInts(DataOutput out, int[] a, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            out.writeInt(a[i]);
        }
    }

    /** Reads n values into {@code a}. */
    static void readInts(DataInput in, int[] a, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            a[i] = in.readInt();
        }
    }
}
