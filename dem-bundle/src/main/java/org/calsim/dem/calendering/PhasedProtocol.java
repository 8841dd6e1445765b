package org.calsim.dem.calendering;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * What the calendering protocols share: five phases (loading, then holding or rolling, unloading, relaxing,
 * done), a step counter within a phase, the step of maximum compaction and the unloaded thickness, and their
 * checkpointing. A protocol adds its own state through {@link #saveOwn} and {@link #loadOwn}.
 */
abstract class PhasedProtocol implements Protocol {
    static final int LOADING = 0;
    static final int LOADED = 1;
    static final int UNLOADING = 2;
    static final int RELAX = 3;
    static final int DONE = 4;

    int phase = LOADING;
    int counter;
    boolean atMaximum;
    double unloaded = Double.NaN;

    @Override
    public final boolean done() {
        return phase == DONE;
    }

    @Override
    public final boolean justReachedMaximum() {
        return atMaximum;
    }

    @Override
    public final int phase() {
        return phase;
    }

    @Override
    public final double unloadedThickness() {
        return unloaded;
    }

    /** Moves to {@code next} and restarts the step counter. */
    final void enter(int next) {
        phase = next;
        counter = 0;
    }

    @Override
    public final void save(DataOutput out) throws IOException {
        out.writeInt(phase);
        out.writeInt(counter);
        out.writeDouble(unloaded);
        saveOwn(out);
    }

    @Override
    public final void load(DataInput in) throws IOException {
        phase = in.readInt();
        counter = in.readInt();
        unloaded = in.readDouble();
        loadOwn(in);
    }

    /** Writes the protocol's own state. */
    abstract void saveOwn(DataOutput out) throws IOException;

    /** Reads what {@link #saveOwn} wrote. */
    abstract void loadOwn(DataInput in) throws IOException;
}
