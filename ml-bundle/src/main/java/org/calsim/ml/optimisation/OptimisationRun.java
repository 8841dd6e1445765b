package org.calsim.ml.optimisation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.calsim.api.job.JobService;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.study.StudyListener;
import org.calsim.api.study.StudyReport;
import org.calsim.api.study.SweepExecutor;

/**
 * {@code calsim optimise}: Bayesian optimisation ({@link BayesianOptimiser}: expected improvement for one objective,
 * ParEGO for several) of job fields, each evaluation either a prediction of a trained surrogate or a run of the
 * physics chain of a job (through the {@link SweepExecutor}, {@code concurrency} at a time). Writes every evaluation
 * with its Pareto flag ({@code evaluations.csv}), the best point or the Pareto set ({@code optimisation.json}), and
 * plots of the convergence, the Pareto front (two objectives) and the partial dependence of each objective on each
 * input (Friedman 2001: the model's mean over the other inputs, uniform over their ranges).
 *
 * <pre>
 * name: calendering-optimum
 * surrogate: results/porosity-sweep/gpr.model.json   # or  job: chain.yaml  (and optionally set: [...])
 * inputs:                                            # surrogate: default its training ranges
 *   - {field: calendering.line_load_kN_per_m, range: [100, 2000], scale: log}
 * objectives:
 *   - {output: transport.effective_properties.through_plane_tortuosity, goal: minimise}
 *   - {output: empirical.rate-capability/specific_capacity_2C_mAh_per_g, goal: maximise}
 * evaluations: 40
 * initial: 10
 * seed: 1
 * concurrency: 1                                     # chain evaluations at a time
 * </pre>
 *
 * The parts: the file's fields ({@link OptimisationSpec}), what is evaluated ({@link SurrogateEvaluator},
 * {@link ChainEvaluator}), the resumable record of the evaluations ({@link EvaluationLog}) and what is shown at the
 * end ({@link OptimisationReport}).
 */
public final class OptimisationRun {
    private final OptimisationSpec spec;

    private OptimisationRun(OptimisationSpec spec) {
        this.spec = spec;
    }

    /**
     * Reads and checks an optimisation file.
     *
     * @param out the folder, or null for {@code results/<name>}
     * @throws InvalidInputException naming the field, the value and what is allowed
     */
    public static OptimisationRun read(Path file, Path out) throws IOException {
        return new OptimisationRun(OptimisationSpec.read(file, out));
    }

    /**
     * Runs the optimisation.
     *
     * @throws InvalidInputException if the chain's job is rejected at the first point; nothing has run
     * @throws InterruptedException  if interrupted; the evaluations so far are written
     */
    public StudyReport run(JobService jobs, SweepExecutor executor, ResultSink results, StudyListener listener)
            throws IOException, InterruptedException {
        BayesianOptimiser bo = spec.optimiser();
        Evaluator evaluator = Evaluator.of(spec, jobs, executor);
        EvaluationLog log = new EvaluationLog(spec);
        List<String> notes = evaluator.prepare(bo, log);
        Files.createDirectories(spec.folder());
        try {
            evaluator.evaluate(bo, log, listener);
        } finally {
            log.write(bo);
        }
        OptimisationReport report = new OptimisationReport(spec, evaluator, bo);
        report.write(results);
        List<String> lines = report.lines(log.evaluations());
        lines.addAll(notes);
        return new StudyReport(spec.folder(), lines, bo.evaluations().isEmpty());
    }
}
