package org.calsim.dem.calendering;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.calsim.dem.engine.DemEngine;

/** A calendering protocol: moves the tool step by step through loading, holding, unloading and relaxing. */
interface Protocol {
    /** Updates the tool's motion after a step. */
    void afterStep(DemEngine engine);

    /** @return whether the protocol has finished */
    boolean done();

    /** @return whether the step just taken is the one of maximum compaction (end of loading) */
    boolean justReachedMaximum();

    /** @return progress 0..1 */
    double progress();

    /** @return how far loading has gone towards its target, 0..1 (NaN when the protocol has no such measure) */
    double loadingProgress();

    /** @return one line for the progress bar */
    String describe(DemEngine engine);

    /** @return current phase index (0 loading, 1 hold/roll, 2 unloading, 3 relaxing, 4 done) */
    int phase();

    /** @return thickness the tool imposes now: plate height or roll gap [m] */
    double toolThickness();

    /** @return pressure on the tool now [Pa] (plate: F/A; roll: mean nip pressure) */
    double pressure();

    /** @return the thickness after release [m]; valid once {@link #done()} */
    double unloadedThickness();

    /** @return the smallest thickness the tool imposed [m] */
    double minimumThickness();

    /** Writes the protocol's state for a checkpoint. */
    void save(DataOutput out) throws IOException;

    /** Reads what {@link #save} wrote. */
    void load(DataInput in) throws IOException;
}
