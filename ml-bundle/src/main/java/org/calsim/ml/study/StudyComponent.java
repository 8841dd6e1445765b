package org.calsim.ml.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.calsim.api.job.JobService;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.study.StudyListener;
import org.calsim.api.study.StudyReport;
import org.calsim.api.study.StudyService;
import org.calsim.api.study.SweepExecutor;
import org.calsim.api.study.TrainingRequest;
import org.calsim.ml.optimisation.OptimisationRun;
import org.calsim.ml.sweep.SweepFile;
import org.calsim.ml.sweep.SweepRun;
import org.calsim.ml.training.Training;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The ML bundle's {@link StudyService}: sweeps run their points on the highest-ranked {@link SweepExecutor} (the
 * local one unless a distributed engine is installed), training and optimisation run on the caller's thread.
 */
@Component
public final class StudyComponent implements StudyService {
    private final JobService jobs;
    private final SweepExecutor executor;

    @Activate
    public StudyComponent(@Reference JobService jobs,
                          @Reference(policyOption = ReferencePolicyOption.GREEDY) SweepExecutor executor) {
        this.jobs = jobs;
        this.executor = executor;
    }

    @Override
    public StudyReport sweep(Path file, Path out, boolean retryFailed, ResultSink results, StudyListener listener)
            throws InterruptedException {
        SweepFile sweep = SweepFile.read(file);
        try {
            return new SweepRun(sweep, out, jobs, executor).run(retryFailed, results, listener);
        } catch (IOException e) {
            throw new UncheckedIOException("the sweep could not write its folder: " + e.getMessage(), e);
        }
    }

    @Override
    public StudyReport train(TrainingRequest request, ResultSink results, StudyListener listener) {
        try {
            return Training.run(request, results, listener);
        } catch (IOException e) {
            throw new UncheckedIOException("the model file could not be written: " + e.getMessage(), e);
        }
    }

    @Override
    public StudyReport optimise(Path file, Path out, ResultSink results, StudyListener listener)
            throws InterruptedException {
        try {
            return OptimisationRun.read(file, out).run(jobs, executor, results, listener);
        } catch (IOException e) {
            throw new UncheckedIOException("the optimisation could not write its folder: " + e.getMessage(), e);
        }
    }
}
