package org.calsim.api.study;

import java.nio.file.Path;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.ResultSink;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Sweeps, surrogate training and optimisation. Provided by the ML bundle; called by the command line
 * ({@code calsim sweep | train | optimise}) and the lab server. Files are written to the study's folder; plots
 * and tables go to the given {@link ResultSink}, which the caller draws into the same folder.
 */
@ProviderType
public interface StudyService {

    /**
     * Runs a sweep file: a design of experiments over job fields, each point a job run by the highest-ranked
     * {@link SweepExecutor}. Points that finished in an earlier run of the same sweep are not run again.
     *
     * @param file        the sweep file (YAML)
     * @param out         the sweep folder; {@code null} for {@code results/<sweep name>}
     * @param retryFailed whether points that failed in an earlier run are run again
     * @throws InvalidInputException if the sweep file or its job is wrong; nothing has run
     * @throws InterruptedException  if interrupted; the points finished so far are kept
     */
    StudyReport sweep(Path file, Path out, boolean retryFailed, ResultSink results, StudyListener listener)
            throws InterruptedException;

    /**
     * Trains a surrogate: k-fold cross-validation, then the fit on all rows, saved as a model file that the stage
     * {@code ml.surrogate} loads.
     *
     * @throws InvalidInputException if the dataset, a column name, the model kind or an option is wrong
     */
    StudyReport train(TrainingRequest request, ResultSink results, StudyListener listener);

    /**
     * Runs an optimisation file: Bayesian optimisation of job fields against a surrogate model file or the physics
     * chain of a job.
     *
     * @param out the optimisation folder; {@code null} for {@code results/<name>}
     * @throws InvalidInputException if the file is wrong; nothing has run
     * @throws InterruptedException  if interrupted; the evaluations so far are kept
     */
    StudyReport optimise(Path file, Path out, ResultSink results, StudyListener listener) throws InterruptedException;
}
