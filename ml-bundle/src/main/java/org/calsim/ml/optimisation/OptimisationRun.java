package org.calsim.ml.optimisation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Series;
import org.calsim.api.data.Table;
import org.calsim.api.job.FileAccess;
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
import org.calsim.support.files.AtomicFiles;
import org.calsim.support.json.Json;

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
    private static final Set<String> FIELDS = Set.of("name", "description", "surrogate", "job", "set", "inputs",
            "objectives", "evaluations", "initial", "seed", "concurrency");
    private static final int MAX_EVALUATIONS = 10_000;
    private static final int PD_GRID = 25;
    private static final int PD_SAMPLES = 256;
    private static final String RECORD = "optimisation.json";

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
        List<Evaluated> records = Collections.synchronizedList(new ArrayList<>());
        List<String> notes = new ArrayList<>();
        if (surrogate == null) {
            double[] middle = new double[d];
            for (int j = 0; j < d; j++) {
                middle[j] = inputs.get(j).at(0.5);
            }
            try {
                jobs.check(request(middle, "check"));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("job (at the middle of the input ranges)", e.getMessage(),
                        "a job the inputs can be set in (check the field names in inputs and set)");
            }
            resume(bo, records);
        } else {
            for (int j = 0; j < d; j++) {
                Factor f = inputs.get(j);
                Factor t = surrogate.inputs().get(j);
                if (f.lower() < t.lower() || f.upper() > t.upper()) {
                    notes.add("the range of " + f.field() + " [" + f.lower() + ", " + f.upper() + "] goes beyond the "
                            + "surrogate's training range [" + t.lower() + ", " + t.upper() + "]: predictions there "
                            + "are extrapolations");
                }
            }
        }
        Files.createDirectories(folder);
        try {
            if (surrogate != null) {
                for (int e = 0; e < evaluations; e++) {
                    double[] x = bo.suggest();
                    double[] f = predictObjectives(x);
                    if (Arrays.stream(f).allMatch(Double::isFinite)) {
                        bo.observe(x, f);
                        records.add(new Evaluated("e" + e, e, x, f, ""));
                    } else {
                        bo.failed(x);
                        records.add(new Evaluated("e" + e, e, x, null, "the surrogate gives no finite value here "
                                + "(outside the domain of its formula)"));
                    }
                    listener.progress((e + 1.0) / evaluations, "evaluation " + (e + 1) + "/" + evaluations);
                }
            } else {
                chain(bo, executor, listener, records);
            }
        } finally {
            record(bo, records);
        }
        plots(bo, results);
        List<String> lines = report(bo, records);
        lines.addAll(notes);
        return new StudyReport(folder, lines, bo.evaluations().isEmpty());
    }

    /**
     * One evaluation as recorded in optimisation.json.
     *
     * @param id         its id ({@code e0007}), also its results folder under {@code evaluations/} for the chain
     * @param batch      which round of suggestions it belongs to
     * @param x          the inputs
     * @param objectives the objectives, or null if it failed
     * @param error      why it failed, or empty
     */
    private record Evaluated(String id, int batch, double[] x, double[] objectives, String error) {
    }

    private ObjectNode definition() {
        ObjectNode def = Json.object();
        def.put("job", jobText);
        fixed.forEach(def.putArray("set")::add);
        ArrayNode in = def.putArray("inputs");
        for (Factor f : inputs) {
            in.addObject().put("field", f.field()).put("lower", f.lower()).put("upper", f.upper()).put("log", f.log());
        }
        ArrayNode obj = def.putArray("objectives");
        objectives.forEach(o -> obj.addObject().put("output", o.output()).put("goal", o.goal().name()));
        def.put("initial", initial);
        def.put("seed", seed);
        def.put("concurrency", concurrency);
        return def;
    }

    /**
     * An optimisation of the chain that was stopped goes on where it stopped: its recorded evaluations are replayed
     * into the optimiser round by round, which suggests the same points again (it is deterministic), so nothing
     * recorded runs twice. A folder holding anything else is refused.
     */
    private void resume(BayesianOptimiser bo, List<Evaluated> records) throws IOException {
        Path file = folder.resolve(RECORD);
        if (!Files.isRegularFile(file)) {
            if (Files.isDirectory(folder)) {
                try (var entries = Files.list(folder)) {
                    if (entries.findAny().isPresent()) {
                        throw new InvalidInputException("--out", folder.toString(), "an empty or new folder, or the "
                                + "folder of an earlier run of this optimisation");
                    }
                }
            }
            return;
        }
        JsonNode old = Json.read(file);
        if (!old.path("definition").equals(Json.reader().readTree(Json.pretty().writeValueAsBytes(definition())))) {
            throw new InvalidInputException("--out", folder.toString(), "the folder of this optimisation; it holds one "
                    + "with another job, inputs, objectives or seed (choose another --out, or delete the folder)");
        }
        JsonNode evaluated = old.path("evaluations");
        int i = 0;
        while (i < evaluated.size()) {
            int batch = evaluated.get(i).path("batch").asInt();
            int end = i;
            while (end < evaluated.size() && evaluated.get(end).path("batch").asInt() == batch) {
                end++;
            }
            List<double[]> suggested = new ArrayList<>();
            for (int k = i; k < end; k++) {
                suggested.add(bo.suggest());
            }
            for (int k = i; k < end; k++) {
                JsonNode e = evaluated.get(k);
                double[] x = Json.convert(e.get("inputs"), double[].class);
                if (!Arrays.equals(x, suggested.get(k - i))) {
                    throw new InvalidInputException("--out", folder.toString(), "a folder whose recorded evaluations "
                            + "this version of calsim suggests again (evaluation " + e.path("id").asText() + " differs; "
                            + "choose another --out)");
                }
                double[] f = e.path("objectives").isArray() ? Json.convert(e.get("objectives"), double[].class)
                        : null;
                if (f != null) {
                    bo.observe(x, f);
                } else {
                    bo.failed(x);
                }
                records.add(new Evaluated(e.path("id").asText(), batch, x, f, e.path("error").asText()));
            }
            i = end;
        }
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

    /**
     * Evaluates the chain in rounds of {@code concurrency} suggestions, recording after each round.
     *
     * @throws InvalidInputException if a job succeeds without giving an objective (a misnamed output)
     */
    private void chain(BayesianOptimiser bo, SweepExecutor executor, StudyListener listener, List<Evaluated> records)
            throws InterruptedException, IOException {
        Thread caller = Thread.currentThread();
        int batchNumber = records.isEmpty() ? 0 : records.get(records.size() - 1).batch() + 1;
        while (records.size() < evaluations) {
            int done = records.size();
            int batch = Math.min(concurrency, evaluations - done);
            List<SweepPoint> points = new ArrayList<>();
            Map<String, double[]> xs = new ConcurrentHashMap<>();
            for (int b = 0; b < batch; b++) {
                double[] x = bo.suggest();
                String id = String.format("e%04d", done + b);
                xs.put(id, x);
                DatasetFiles.deleteTree(folder.resolve("evaluations").resolve(id)); // left by a run that was stopped
                points.add(new SweepPoint(id, request(x, id)));
            }
            Map<String, Double> running = new ConcurrentHashMap<>();
            List<String> missing = Collections.synchronizedList(new ArrayList<>());
            int round = batchNumber++;
            PointListener evaluated = new PointListener() {
                @Override
                public void progress(String id, JobProgress progress) {
                    running.put(id, progress.overall());
                    listener.progress((done + running.values().stream().mapToDouble(Double::doubleValue).sum())
                            / evaluations, "evaluation " + (done + running.size()) + "/" + evaluations);
                }

                @Override
                public void finished(String id, JobOutcome outcome) {
                    double[] x = xs.get(id);
                    Map<String, Double> numbers = outcome.state() == JobState.SUCCEEDED ? numbers(outcome.outputDir())
                            : Map.of();
                    double[] f = objectivesOf(numbers);
                    if (f != null) {
                        bo.observe(x, f);
                        records.add(new Evaluated(id, round, x, f, ""));
                    } else {
                        bo.failed(x);
                        String error = outcome.error();
                        if (outcome.state() == JobState.SUCCEEDED) {
                            error = "the job gives no finite " + objectives.stream().map(Objective::output)
                                    .filter(o -> !Double.isFinite(numbers.getOrDefault(o, Double.NaN))).toList();
                            missing.add(error + "; it gives " + String.join(", ", numbers.keySet()));
                        }
                        records.add(new Evaluated(id, round, x, null, error == null ? "" : error));
                    }
                    running.put(id, 1.0);
                }
            };
            try {
                executor.execute(points, concurrency, evaluated, caller::isInterrupted);
            } catch (InterruptedException e) {
                // a round cut short is not recorded: resuming replays whole rounds and runs this one again
                records.removeIf(r -> r.batch() == round);
                throw e;
            }
            records.sort(Comparator.comparing(Evaluated::id));
            record(bo, records);
            if (!missing.isEmpty()) {
                throw new InvalidInputException("objectives", missing.get(0), "outputs the chain gives (a state "
                        + "scalar such as coating.porosity, or <stage>/<result> from summary.json)");
            }
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
        double[] f = new double[objectives.size()];
        for (int k = 0; k < f.length; k++) {
            Double v = numbers.get(objectives.get(k).output());
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
                overrides, FileAccess.LOCAL_USER);
    }

    /** Writes optimisation.json: the definition, every evaluation, the best point or the Pareto set, the errors. */
    private void record(BayesianOptimiser bo, List<Evaluated> records) throws IOException {
        ObjectNode doc = Json.object();
        doc.put("name", name);
        doc.put("against", surrogate != null ? "surrogate " + surrogate.kind() + " (" + surrogate.source() + ")"
                : "physics chain of " + jobFile);
        if (surrogate == null) {
            doc.set("definition", definition());
        }
        List<Evaluated> copy;
        synchronized (records) {
            copy = new ArrayList<>(records);
        }
        doc.put("evaluated", copy.size());
        doc.put("failed", copy.stream().filter(e -> e.objectives() == null).count());
        List<BayesianOptimiser.Evaluation> best = bo.evaluations().isEmpty() ? List.of()
                : objectives.size() == 1 ? List.of(bo.best().orElseThrow()) : bo.paretoSet();
        ArrayNode set = doc.putArray(objectives.size() == 1 ? "best" : "pareto_set");
        for (BayesianOptimiser.Evaluation e : best) {
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
        ArrayNode all = doc.putArray("evaluations");
        for (Evaluated e : copy) {
            ObjectNode n = all.addObject().put("id", e.id()).put("batch", e.batch());
            n.set("inputs", Json.tree(e.x()));
            if (e.objectives() != null) {
                n.set("objectives", Json.tree(e.objectives()));
            } else {
                n.put("error", e.error());
            }
        }
        AtomicFiles.write(folder.resolve(RECORD), Json.pretty().writeValueAsBytes(doc));
    }

    private void plots(BayesianOptimiser bo, ResultSink results) {
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
            onFront[i] = pareto.stream().anyMatch(p -> Arrays.equals(p.x(), e.x())) ? 1 : 0;
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
            front.sort(Comparator.comparingDouble(e -> e.objectives()[0]));
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

    private List<String> report(BayesianOptimiser bo, List<Evaluated> records) {
        List<String> lines = new ArrayList<>();
        long failed = records.stream().filter(e -> e.objectives() == null).count();
        lines.add("optimisation " + name + ": " + records.size() + " evaluations of the "
                + (surrogate != null ? "surrogate" : "physics chain") + ", " + failed + " failed");
        if (bo.evaluations().isEmpty()) {
            lines.add("no evaluation succeeded; the errors are in " + folder.resolve(RECORD));
        } else if (objectives.size() == 1) {
            BayesianOptimiser.Evaluation b = bo.best().orElseThrow();
            lines.add(objectives.get(0).goal().name().toLowerCase() + " " + objectives.get(0).output() + ": "
                    + String.format("%.6g", b.objectives()[0]) + " at " + describe(b.x()));
        } else {
            lines.add("Pareto set (" + bo.paretoSet().size() + " points) in " + RECORD + " and the Pareto-front plot");
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
