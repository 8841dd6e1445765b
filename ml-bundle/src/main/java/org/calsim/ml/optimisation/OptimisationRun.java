package org.calsim.ml.optimisation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Series;
import org.calsim.api.data.Table;
import org.calsim.api.job.JobOutcome;
import org.calsim.api.job.JobProgress;
import org.calsim.api.job.JobRequest;
import org.calsim.api.job.JobService;
import org.calsim.api.job.JobState;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.study.PointListener;
import org.calsim.api.study.StudyListener;
import org.calsim.api.study.StudyReport;
import org.calsim.api.study.SweepExecutor;
import org.calsim.api.study.SweepPoint;
import org.calsim.ml.dataset.DatasetFiles;
import org.calsim.ml.dataset.OutputColumn;
import org.calsim.ml.dataset.PointResults;
import org.calsim.ml.doe.Factor;
import org.calsim.ml.gp.GaussianProcess;
import org.calsim.ml.gp.Kernel;
import org.calsim.ml.study.StudyFiles;
import org.calsim.ml.surrogate.Surrogate;
import org.calsim.ml.sweep.SweepFile;

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
 */
public final class OptimisationRun {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> FIELDS = Set.of("name", "description", "surrogate", "job", "set", "inputs",
            "objectives", "evaluations", "initial", "seed", "concurrency");
    private static final int MAX_EVALUATIONS = 10_000;
    private static final int PD_GRID = 25;
    private static final int PD_SAMPLES = 256;

    private final String name;
    private final Path folder;
    private final Surrogate surrogate;
    private final Path jobFile;
    private final String jobText;
    private final List<String> fixed;
    private final List<Factor> inputs;
    private final List<Objective> objectives;
    private final int evaluations;
    private final int initial;
    private final long seed;
    private final int concurrency;

    private OptimisationRun(String name, Path folder, Surrogate surrogate, Path jobFile, String jobText,
                            List<String> fixed, List<Factor> inputs, List<Objective> objectives, int evaluations,
                            int initial, long seed, int concurrency) {
        this.name = name;
        this.folder = folder;
        this.surrogate = surrogate;
        this.jobFile = jobFile;
        this.jobText = jobText;
        this.fixed = fixed;
        this.inputs = inputs;
        this.objectives = objectives;
        this.evaluations = evaluations;
        this.initial = initial;
        this.seed = seed;
        this.concurrency = concurrency;
    }

    /**
     * Reads and checks an optimisation file.
     *
     * @param out the folder, or null for {@code results/<name>}
     * @throws InvalidInputException naming the field, the value and what is allowed
     */
    public static OptimisationRun read(Path file, Path out) throws IOException {
        ObjectNode root = StudyFiles.readYaml(file, "OPT", FIELDS);
        String name = StudyFiles.name(root);
        Path base = file.toAbsolutePath().getParent();
        boolean hasSurrogate = root.has("surrogate");
        if (hasSurrogate == root.has("job")) {
            throw new InvalidInputException("surrogate / job", hasSurrogate ? "both" : "neither",
                    "exactly one: a model file of ./calsim train (surrogate) or a job file to run (job)");
        }
        Surrogate surrogate = null;
        Path jobFile = null;
        String jobText = null;
        if (hasSurrogate) {
            surrogate = Surrogate.read(base.resolve(StudyFiles.text(root, "", "surrogate", "a model file")), "surrogate");
        } else {
            jobFile = base.resolve(StudyFiles.text(root, "", "job", "a job file, relative to this file")).normalize();
            try {
                jobText = Files.readString(jobFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InvalidInputException("job", jobFile.toString(), "a readable job file (" + e.getMessage() + ")");
            }
        }
        List<String> fixed = StudyFiles.texts(root, "set");
        if (surrogate != null && !fixed.isEmpty()) {
            throw new InvalidInputException("set", fixed.toString(), "nothing with a surrogate (it has no job to set)");
        }
        List<Factor> inputs;
        if (root.has("inputs")) {
            List<Factor> ranges = SweepFile.factors(root.get("inputs"));
            inputs = ranges;
            if (surrogate != null) {
                List<String> model = surrogate.inputs().stream().map(Factor::field).toList();
                List<String> given = ranges.stream().map(Factor::field).toList();
                if (!given.containsAll(model) || !model.containsAll(given)) {
                    throw new InvalidInputException("inputs", given.toString(), "a range for each input of the "
                            + "surrogate, no more: " + model + " (or leave inputs out for its training ranges)");
                }
                List<Factor> ordered = new ArrayList<>();
                model.forEach(m -> ordered.add(ranges.stream().filter(f -> f.field().equals(m)).findFirst()
                        .orElseThrow()));
                inputs = ordered;
            }
        } else if (surrogate != null) {
            inputs = surrogate.inputs();
        } else {
            throw new InvalidInputException("inputs", null, "the job fields to optimise, with their ranges");
        }
        List<Objective> objectives = objectives(root.get("objectives"), surrogate);
        int evaluations = StudyFiles.integer(root, "evaluations", 40, 2, MAX_EVALUATIONS);
        int initial = StudyFiles.integer(root, "initial", Math.min(evaluations, Math.max(2 * inputs.size() + 1, 5)),
                1, evaluations);
        long seed = StudyFiles.integer(root, "seed", 1, 0, Integer.MAX_VALUE);
        int concurrency = StudyFiles.integer(root, "concurrency", 1, 1, 256);
        return new OptimisationRun(name, out != null ? out : Path.of("results", name), surrogate, jobFile, jobText,
                fixed, inputs, objectives, evaluations, initial, seed, concurrency);
    }

    private static List<Objective> objectives(JsonNode node, Surrogate surrogate) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidInputException("objectives", node == null ? null : node.toString(),
                    "a non-empty list of {output, goal: minimise|maximise}");
        }
        List<Objective> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "objectives[" + i + "]";
            JsonNode o = node.get(i);
            Iterator<String> names = o.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!n.equals("output") && !n.equals("goal")) {
                    throw new InvalidInputException(path + "." + n, "unknown field '" + n + "'", "output or goal");
                }
            }
            String output = StudyFiles.text(o, path, "output", "a state scalar or stage result, e.g. coating.porosity");
            Goal goal = switch (o.path("goal").asText()) {
                case "minimise", "minimize" -> Goal.MINIMISE;
                case "maximise", "maximize" -> Goal.MAXIMISE;
                default -> throw new InvalidInputException(path + ".goal", o.path("goal").asText(), "minimise or maximise");
            };
            String unit = "";
            if (surrogate != null) {
                OutputColumn c = surrogate.outputs().stream().filter(s -> s.name().equals(output)).findFirst()
                        .orElseThrow(() -> new InvalidInputException(path + ".output", output, "an output of the "
                                + "surrogate: " + surrogate.outputs().stream().map(OutputColumn::name).toList()));
                unit = c.unit();
            }
            out.add(new Objective(output, unit, goal));
        }
        return out;
    }

    /**
     * Runs the optimisation.
     *
     * @throws InvalidInputException if the chain's job is rejected at the first point; nothing has run
     * @throws InterruptedException  if interrupted; the evaluations so far are written
     */
    public StudyReport run(JobService jobs, SweepExecutor executor, ResultSink results, StudyListener listener)
            throws IOException, InterruptedException {
        int d = inputs.size();
        double[] lower = inputs.stream().mapToDouble(Factor::lower).toArray();
        double[] upper = inputs.stream().mapToDouble(Factor::upper).toArray();
        boolean[] log = new boolean[d];
        for (int j = 0; j < d; j++) {
            log[j] = inputs.get(j).log();
        }
        Goal[] goals = objectives.stream().map(Objective::goal).toArray(Goal[]::new);
        BayesianOptimiser bo = new BayesianOptimiser(lower, upper, log, goals, initial, seed);
        if (surrogate == null) {
            jobs.check(request(new double[0], "check"));
            if (Files.isDirectory(folder) && Files.list(folder).findAny().isPresent()) {
                throw new InvalidInputException("--out", folder.toString(), "an empty or new folder (an optimisation "
                        + "of the physics chain keeps every evaluation's results there)");
            }
        }
        Files.createDirectories(folder);
        List<String> errors = new ArrayList<>();
        try {
            if (surrogate != null) {
                for (int e = 0; e < evaluations; e++) {
                    double[] x = bo.suggest();
                    bo.observe(x, predictObjectives(x));
                    listener.progress((e + 1.0) / evaluations, "evaluation " + (e + 1) + "/" + evaluations);
                }
            } else {
                chain(bo, executor, listener, errors);
            }
        } finally {
            write(bo, results, errors);
        }
        return new StudyReport(folder, report(bo, errors), bo.evaluations().isEmpty());
    }

    private double[] predictObjectives(double[] x) {
        double[] y = surrogate.predict(x);
        double[] f = new double[objectives.size()];
        for (int k = 0; k < f.length; k++) {
            String out = objectives.get(k).output();
            for (int c = 0; c < surrogate.outputs().size(); c++) {
                if (surrogate.outputs().get(c).name().equals(out)) {
                    f[k] = y[c];
                }
            }
        }
        return f;
    }

    /** Evaluates the chain in rounds of {@code concurrency} suggestions. */
    private void chain(BayesianOptimiser bo, SweepExecutor executor, StudyListener listener, List<String> errors)
            throws InterruptedException, IOException {
        int done = 0;
        while (done < evaluations) {
            int batch = Math.min(concurrency, evaluations - done);
            List<SweepPoint> points = new ArrayList<>();
            Map<String, double[]> xs = new ConcurrentHashMap<>();
            for (int b = 0; b < batch; b++) {
                double[] x = bo.suggest();
                String id = String.format("e%04d", done + b);
                xs.put(id, x);
                points.add(new SweepPoint(id, request(x, id)));
            }
            int offset = done;
            Map<String, Double> running = new ConcurrentHashMap<>();
            executor.execute(points, concurrency, new PointListener() {
                @Override
                public void progress(String id, JobProgress progress) {
                    running.put(id, progress.overall());
                    listener.progress((offset + running.values().stream().mapToDouble(Double::doubleValue).sum())
                            / evaluations, "evaluation " + (offset + running.size()) + "/" + evaluations);
                }

                @Override
                public void finished(String id, JobOutcome outcome) {
                    double[] x = xs.get(id);
                    double[] f = outcome.state() == JobState.SUCCEEDED ? objectivesOf(outcome.outputDir()) : null;
                    if (f == null) {
                        bo.failed(x);
                        errors.add(id + ": " + (outcome.error() != null ? outcome.error()
                                : "the job did not give every objective (" + objectives.stream()
                                .map(Objective::output).toList() + ")"));
                    } else {
                        bo.observe(x, f);
                    }
                    running.put(id, 1.0);
                }
            }, () -> Thread.currentThread().isInterrupted());
            done += batch;
        }
    }

    /** @return the objectives from an evaluation's summary.json, or null if one is missing */
    private double[] objectivesOf(Path dir) {
        Map<OutputColumn, Double> numbers;
        try {
            numbers = PointResults.read(dir);
        } catch (IOException e) {
            return null;
        }
        double[] f = new double[objectives.size()];
        for (int k = 0; k < f.length; k++) {
            String out = objectives.get(k).output();
            Double v = numbers.entrySet().stream().filter(e -> e.getKey().name().equals(out)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            if (v == null || !Double.isFinite(v)) {
                return null;
            }
            f[k] = v;
        }
        return f;
    }

    private JobRequest request(double[] x, String id) {
        List<String> overrides = new ArrayList<>(fixed);
        for (int j = 0; j < x.length; j++) {
            overrides.add(inputs.get(j).field() + "=" + x[j]);
        }
        return new JobRequest(jobText, jobFile.getParent(), folder.resolve("evaluations").resolve(id).toAbsolutePath(),
                overrides);
    }

    private void write(BayesianOptimiser bo, ResultSink results, List<String> errors) throws IOException {
        List<BayesianOptimiser.Evaluation> all = bo.evaluations();
        if (all.isEmpty()) {
            return;
        }
        List<BayesianOptimiser.Evaluation> pareto = bo.paretoSet();
        int n = all.size();
        Table.Builder t = Table.builder();
        double[] index = new double[n];
        double[] onFront = new double[n];
        for (int i = 0; i < n; i++) {
            index[i] = i + 1;
            BayesianOptimiser.Evaluation e = all.get(i);
            onFront[i] = pareto.stream().anyMatch(p -> java.util.Arrays.equals(p.x(), e.x())) ? 1 : 0;
        }
        t.column("evaluation", "1", index);
        for (int j = 0; j < inputs.size(); j++) {
            int jj = j;
            t.column(inputs.get(j).field(), inputs.get(j).unit(), all.stream().mapToDouble(e -> e.x()[jj]).toArray());
        }
        for (int k = 0; k < objectives.size(); k++) {
            int kk = k;
            t.column(objectives.get(k).output(), objectives.get(k).unit(),
                    all.stream().mapToDouble(e -> e.objectives()[kk]).toArray());
        }
        t.column("pareto", "1", onFront);
        results.table("evaluations", t.build());
        ObjectNode doc = JSON.createObjectNode();
        doc.put("name", name);
        doc.put("against", surrogate != null ? "surrogate " + surrogate.kind() + " (" + surrogate.source() + ")"
                : "physics chain of " + jobFile);
        doc.put("evaluations", n);
        doc.put("failed", errors.size());
        ArrayNode set = doc.putArray(objectives.size() == 1 ? "best" : "pareto_set");
        for (BayesianOptimiser.Evaluation e : objectives.size() == 1 ? List.of(bo.best().orElseThrow()) : pareto) {
            ObjectNode p = set.addObject();
            ObjectNode in = p.putObject("inputs");
            for (int j = 0; j < inputs.size(); j++) {
                in.put(inputs.get(j).field(), e.x()[j]);
            }
            ObjectNode obj = p.putObject("objectives");
            for (int k = 0; k < objectives.size(); k++) {
                obj.put(objectives.get(k).output(), e.objectives()[k]);
            }
        }
        errors.forEach(doc.putArray("errors")::add);
        DatasetFiles.writeAtomically(folder.resolve("optimisation.json"), JSON.writeValueAsBytes(doc));
        plots(all, pareto, results);
    }

    private void plots(List<BayesianOptimiser.Evaluation> all, List<BayesianOptimiser.Evaluation> pareto,
                       ResultSink results) {
        int n = all.size();
        double[] index = new double[n];
        for (int i = 0; i < n; i++) {
            index[i] = i + 1;
        }
        for (int k = 0; k < objectives.size(); k++) {
            Objective o = objectives.get(k);
            double[] value = new double[n];
            double[] best = new double[n];
            for (int i = 0; i < n; i++) {
                value[i] = all.get(i).objectives()[k];
                best[i] = i == 0 ? value[i] : o.goal().minimised(value[i]) < o.goal().minimised(best[i - 1])
                        ? value[i] : best[i - 1];
            }
            results.plot(new Plot("convergence-" + safe(o.output()), o.goal().name().toLowerCase() + " " + o.output(),
                    "evaluation", o.output() + " [" + o.unit() + "]", List.of(
                    new Series("evaluated", index, value, Series.Style.MARKERS),
                    new Series("best so far", index, best, Series.Style.LINE))));
        }
        if (objectives.size() == 2) {
            List<BayesianOptimiser.Evaluation> front = new ArrayList<>(pareto);
            front.sort(java.util.Comparator.comparingDouble(e -> e.objectives()[0]));
            results.plot(new Plot("pareto-front", "Pareto front (ParEGO, "
                    + all.size() + " evaluations)", objectives.get(0).output() + " [" + objectives.get(0).unit() + "]",
                    objectives.get(1).output() + " [" + objectives.get(1).unit() + "]", List.of(
                    new Series("evaluations", column(all, 0), column(all, 1), Series.Style.MARKERS),
                    new Series("Pareto set", column(front, 0), column(front, 1), Series.Style.LINE))));
        }
        for (int k = 0; k < objectives.size(); k++) {
            Function<double[], Double> model = model(all, k);
            for (int j = 0; j < inputs.size(); j++) {
                Factor f = inputs.get(j);
                double[] grid = new double[PD_GRID];
                double[] pd = PartialDependence.of(model, inputs, j, PD_GRID, PD_SAMPLES, grid);
                results.plot(new Plot("partial-dependence-" + safe(objectives.get(k).output()) + "-on-"
                        + safe(f.field()), "partial dependence of " + objectives.get(k).output() + " on " + f.field()
                        + (surrogate != null ? " (surrogate)" : " (GP of the evaluations)"), f.field() + " [" + f.unit()
                        + "]", objectives.get(k).output() + " [" + objectives.get(k).unit() + "]",
                        List.of(new Series("mean over the other inputs", grid, pd, Series.Style.LINE)), f.log()));
            }
        }
    }

    /** @return the surrogate's prediction of objective k, or a GP fitted to the chain's evaluations */
    private Function<double[], Double> model(List<BayesianOptimiser.Evaluation> all, int k) {
        if (surrogate != null) {
            return x -> predictObjectives(x)[k];
        }
        double[][] x = all.stream().map(BayesianOptimiser.Evaluation::x).toArray(double[][]::new);
        double[] y = all.stream().mapToDouble(e -> e.objectives()[k]).toArray();
        GaussianProcess gp = GaussianProcess.fit(Kernel.MATERN52, x, y, 2, seed);
        return v -> gp.predict(v)[0];
    }

    private List<String> report(BayesianOptimiser bo, List<String> errors) {
        List<String> lines = new ArrayList<>();
        lines.add("optimisation " + name + ": " + bo.evaluations().size() + " evaluations of the "
                + (surrogate != null ? "surrogate" : "physics chain") + ", " + errors.size() + " failed");
        if (objectives.size() == 1 && bo.best().isPresent()) {
            BayesianOptimiser.Evaluation b = bo.best().get();
            lines.add(objectives.get(0).goal().name().toLowerCase() + " " + objectives.get(0).output() + ": "
                    + String.format("%.6g", b.objectives()[0]) + " at " + describe(b.x()));
        } else {
            lines.add("Pareto set (" + bo.paretoSet().size() + " points) in optimisation.json and the Pareto-front plot");
        }
        return lines;
    }

    private String describe(double[] x) {
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < x.length; j++) {
            s.append(j == 0 ? "" : ", ").append(inputs.get(j).field()).append(" = ").append(String.format("%.6g", x[j]));
        }
        return s.toString();
    }

    private static double[] column(List<BayesianOptimiser.Evaluation> e, int k) {
        return e.stream().mapToDouble(v -> v.objectives()[k]).toArray();
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
