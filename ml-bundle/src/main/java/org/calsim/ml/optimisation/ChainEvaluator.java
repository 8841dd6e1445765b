package org.calsim.ml.optimisation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.calsim.api.job.FileAccess;
import org.calsim.api.job.JobOutcome;
import org.calsim.api.job.JobProgress;
import org.calsim.api.job.JobRequest;
import org.calsim.api.job.JobService;
import org.calsim.api.job.JobState;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.study.PointListener;
import org.calsim.api.study.StudyListener;
import org.calsim.api.study.SweepExecutor;
import org.calsim.api.study.SweepPoint;
import org.calsim.ml.dataset.DatasetFiles;
import org.calsim.ml.dataset.PointResults;
import org.calsim.ml.gp.GaussianProcess;
import org.calsim.ml.gp.Kernel;
import org.calsim.ml.optimisation.EvaluationLog.Evaluated;

/**
 * Evaluations that are runs of the physics chain of a job, the inputs set in it: in rounds of {@code concurrency}
 * suggestions through the {@link SweepExecutor}, each in its folder {@code evaluations/<id>} and the log written after
 * each round.
 */
final class ChainEvaluator implements Evaluator {
    private final OptimisationSpec spec;
    private final JobService jobs;
    private final SweepExecutor executor;

    ChainEvaluator(OptimisationSpec spec, JobService jobs, SweepExecutor executor) {
        this.spec = spec;
        this.jobs = jobs;
        this.executor = executor;
    }

    /**
     * Checks the job at the middle of the input ranges, then resumes the log of an earlier run in the folder.
     *
     * @return no notes
     * @throws InvalidInputException if the job is rejected or the folder holds something else
     */
    @Override
    public List<String> prepare(BayesianOptimiser bo, EvaluationLog log) throws IOException {
        double[] middle = new double[spec.inputs().size()];
        for (int j = 0; j < middle.length; j++) {
            middle[j] = spec.inputs().get(j).at(0.5);
        }
        try {
            jobs.check(request(middle, "check"));
        } catch (InvalidInputException e) {
            throw new InvalidInputException("job (at the middle of the input ranges)", e.getMessage(),
                    "a job the inputs can be set in (check the field names in inputs and set)");
        }
        log.resume(bo);
        return List.of();
    }

    /**
     * Evaluates the chain in rounds of {@code concurrency} suggestions, recording after each round.
     *
     * @throws InvalidInputException if a job succeeds without giving an objective (a misnamed output)
     */
    @Override
    public void evaluate(BayesianOptimiser bo, EvaluationLog log, StudyListener listener)
            throws IOException, InterruptedException {
        Thread caller = Thread.currentThread();
        int batchNumber = log.nextBatch();
        while (log.size() < spec.evaluations()) {
            int done = log.size();
            int batch = Math.min(spec.concurrency(), spec.evaluations() - done);
            List<SweepPoint> points = new ArrayList<>();
            Map<String, double[]> xs = new ConcurrentHashMap<>();
            for (int b = 0; b < batch; b++) {
                double[] x = bo.suggest();
                String id = String.format("e%04d", done + b);
                xs.put(id, x);
                DatasetFiles.deleteTree(spec.folder().resolve("evaluations").resolve(id)); // left by a stopped run
                points.add(new SweepPoint(id, request(x, id)));
            }
            int round = batchNumber++;
            Round evaluated = new Round(bo, log, listener, xs, round, done);
            try {
                executor.execute(points, spec.concurrency(), evaluated, caller::isInterrupted);
            } catch (InterruptedException e) {
                // a round cut short is not recorded: resuming replays whole rounds and runs this one again
                log.dropBatch(round);
                throw e;
            }
            log.sortById();
            log.write(bo);
            if (!evaluated.missing.isEmpty()) {
                throw new InvalidInputException("objectives", evaluated.missing.get(0), "outputs the chain gives (a "
                        + "state scalar such as coating.porosity, or <stage>/<result> from summary.json)");
            }
        }
    }

    /** One round's points as they progress and finish: each finished one is observed and logged. */
    private final class Round implements PointListener {
        private final BayesianOptimiser bo;
        private final EvaluationLog log;
        private final StudyListener listener;
        private final Map<String, double[]> xs;
        private final int round;
        private final int done;
        private final Map<String, Double> running = new ConcurrentHashMap<>();
        /** Why jobs that succeeded gave no objective, with what they gave. */
        private final List<String> missing = Collections.synchronizedList(new ArrayList<>());

        Round(BayesianOptimiser bo, EvaluationLog log, StudyListener listener, Map<String, double[]> xs, int round,
              int done) {
            this.bo = bo;
            this.log = log;
            this.listener = listener;
            this.xs = xs;
            this.round = round;
            this.done = done;
        }

        @Override
        public void progress(String id, JobProgress progress) {
            running.put(id, progress.overall());
            listener.progress((done + running.values().stream().mapToDouble(Double::doubleValue).sum())
                    / spec.evaluations(), "evaluation " + (done + running.size()) + "/" + spec.evaluations());
        }

        @Override
        public void finished(String id, JobOutcome outcome) {
            double[] x = xs.get(id);
            Map<String, Double> numbers = outcome.state() == JobState.SUCCEEDED ? numbers(outcome.outputDir())
                    : Map.of();
            double[] f = objectivesOf(numbers);
            if (f != null) {
                bo.observe(x, f);
                log.add(new Evaluated(id, round, x, f, ""));
            } else {
                bo.failed(x);
                String error = outcome.error();
                if (outcome.state() == JobState.SUCCEEDED) {
                    error = "the job gives no finite " + spec.objectives().stream().map(Objective::output)
                            .filter(o -> !Double.isFinite(numbers.getOrDefault(o, Double.NaN))).toList();
                    missing.add(error + "; it gives " + String.join(", ", numbers.keySet()));
                }
                log.add(new Evaluated(id, round, x, null, error == null ? "" : error));
            }
            running.put(id, 1.0);
        }
    }

    /** @return every number of an evaluation's summary.json by column name (empty if unreadable) */
    private static Map<String, Double> numbers(Path dir) {
        Map<String, Double> out = new LinkedHashMap<>();
        try {
            PointResults.read(dir).forEach((c, v) -> out.put(c.name(), v));
        } catch (IOException e) {
            return Map.of();
        }
        return out;
    }

    /** @return the objectives among the numbers, or null if one is missing or not finite */
    private double[] objectivesOf(Map<String, Double> numbers) {
        double[] f = new double[spec.objectives().size()];
        for (int k = 0; k < f.length; k++) {
            Double v = numbers.get(spec.objectives().get(k).output());
            if (v == null || !Double.isFinite(v)) {
                return null;
            }
            f[k] = v;
        }
        return f;
    }

    /** @return the job run at {@code x}, in the folder {@code evaluations/<id>} */
    private JobRequest request(double[] x, String id) {
        List<String> overrides = new ArrayList<>(spec.fixed());
        for (int j = 0; j < x.length; j++) {
            overrides.add(spec.inputs().get(j).field() + "=" + x[j]);
        }
        return new JobRequest(spec.jobText(), spec.jobFile().getParent(),
                spec.folder().resolve("evaluations").resolve(id).toAbsolutePath(), overrides, FileAccess.LOCAL_USER);
    }

    /** @return a Gaussian process (Matérn 5/2) fitted to the evaluations of objective {@code k} */
    @Override
    public Function<double[], Double> model(List<BayesianOptimiser.Evaluation> all, int k) {
        double[][] x = all.stream().map(BayesianOptimiser.Evaluation::x).toArray(double[][]::new);
        double[] y = all.stream().mapToDouble(e -> e.objectives()[k]).toArray();
        GaussianProcess gp = GaussianProcess.fit(Kernel.MATERN52, x, y, 2, spec.seed());
        return v -> gp.predict(v)[0];
    }

    @Override
    public String subject() {
        return "physics chain";
    }

    @Override
    public String modelName() {
        return "GP of the evaluations";
    }
}
