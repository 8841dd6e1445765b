package org.calsim.api.stage;

import java.io.IOException;
import java.nio.file.Path;
import org.calsim.api.material.MaterialModel;
import org.osgi.annotation.versioning.ProviderType;

/** What the runtime gives a running stage. Provided by the runtime; one per stage run. */
@ProviderType
public interface StageContext {

    /** @return the job inputs and everything earlier stages gave */
    SimulationState state();

    /** @return this stage's validated parameters, in SI units */
    Parameters parameters();

    /**
     * Gives a result entry. Entries are committed to the state only when the stage returns normally,
     * so a failed or cancelled stage leaves the state as earlier stages left it.
     *
     * @throws IllegalArgumentException if the stage did not declare {@code key} in {@link Solver#gives}
     */
    <T> void give(Key<T> key, T value);

    /**
     * Reports progress.
     *
     * @param fraction done so far, 0 to 1
     * @param message  short text, e.g. {@code "step 1200/5000"}
     */
    void progress(double fraction, String message);

    /** @return whether the job was cancelled; a stage polls this at least once per step */
    boolean isCancelled();

    /** @throws StageCancelledException if the job was cancelled */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new StageCancelledException("cancelled");
        }
    }

    /** @return the job's random seed, mixed with the stage index: same job and seed, same numbers */
    long seed();

    /** @return where the stage puts summary numbers, tables and plots */
    ResultSink results();

    /**
     * A hot-swappable handle to the named service of {@code type} that currently ranks highest. The
     * stage reads it once per step, so a swap takes effect at a step boundary; every swap is recorded
     * in the job's provenance.
     *
     * @param name {@value ServiceProperties#NAME} to look for, or {@code null} for the highest-ranked
     *             service of the type whatever its name
     */
    <S> Swappable<S> service(Class<S> type, String name);

    /**
     * @return the material of this name: a material service or one defined in the job file
     * @throws InvalidInputException if there is none, listing the names that exist
     */
    MaterialModel material(String name);

    /**
     * A folder for restart data (checkpoints) of this stage. Unlike {@link ResultSink#file} files, what is
     * written here is kept when the stage fails or is cancelled, so a later run of the same job can resume
     * from it; it is not presented as a result.
     *
     * @return the folder (it exists)
     * @throws java.io.IOException if it cannot be created
     */
    Path checkpointFolder() throws IOException;
}
