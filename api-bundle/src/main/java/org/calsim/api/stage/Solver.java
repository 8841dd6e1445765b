package org.calsim.api.stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One stage of a job: DEM calendering, tortuosity, P2D, lattice Boltzmann permeability, an empirical
 * law or a trained surrogate. Published as an OSGi service with the service property
 * {@value ServiceProperties#NAME} (e.g. {@code empirical.porosity}); the job file names it in
 * {@code stages[i].use}.
 *
 * <p>A surrogate gives the same keys as the physics it learned, so it can stand in for it.
 *
 * <p>Implementations are stateless between runs: everything a run needs comes from its
 * {@link StageContext}; one service instance may run in several jobs at once.
 */
@ConsumerType
public interface Solver {

    /** @return one line for {@code calsim list}: what the stage computes and from which equations */
    String description();

    /**
     * @return the parameters the job file may set in {@code stages[i].with}; the runtime checks each
     *         (type, unit, range, required) before any stage runs
     */
    List<Parameter> parameters();

    /**
     * Cross-field checks that single parameters cannot express (e.g. "give either {@code p} or
     * {@code eps_min}", or "{@code eps_min} must be below the recipe's initial porosity"). Called before
     * any stage runs.
     *
     * @param parameters the stage's parameters, each already checked on its own
     * @param inputs     the job's inputs (the electrode recipe and the calendering conditions), not what
     *                   earlier stages will give
     * @throws InvalidInputException naming the field, the value and what is allowed
     */
    default void validate(Parameters parameters, SimulationState inputs) {
    }

    /**
     * The files the stage reads besides those its file parameters name, e.g. the numbered siblings of the first
     * slice of a TIFF series. The runtime takes them along wherever the job's files go (a point of a cluster sweep
     * carries its job's files to the member that runs it) and checks that they stay inside the job's folder.
     *
     * @param parameters the stage's parameters, validated
     * @return absolute paths, in the order the stage reads them; none by default
     * @throws InvalidInputException if the files cannot be found, naming the field
     * @since 1.4
     */
    default List<Path> filesRead(Parameters parameters) {
        return List.of();
    }

    /** @return the keys this stage reads, given its validated parameters */
    Set<Key<?>> needs(Parameters parameters);

    /** @return the keys this stage gives on success, given its validated parameters */
    Set<Key<?>> gives(Parameters parameters);

    /**
     * Runs the stage. Report progress through {@link StageContext#progress}, poll
     * {@link StageContext#checkCancelled()} at least once per step, give results with
     * {@link StageContext#give}. What is given or written is kept only if this method returns normally.
     *
     * @throws StageFailedException explaining what failed (step, particle, likely cause)
     * @throws StageCancelledException when the job was cancelled
     */
    void run(StageContext context) throws Exception;
}
