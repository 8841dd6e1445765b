package org.calsim.ml.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Series;
import org.calsim.api.data.Table;
import org.calsim.api.job.FileAccess;
import org.calsim.api.job.JobOutcome;
import org.calsim.api.job.JobProgress;
import org.calsim.api.job.JobRequest;
import org.calsim.api.job.JobService;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.study.PointListener;
import org.calsim.api.study.StudyListener;
import org.calsim.api.study.StudyReport;
import org.calsim.api.study.SweepExecutor;
import org.calsim.api.study.SweepPoint;
import org.calsim.ml.dataset.DatasetFiles;
import org.calsim.ml.dataset.DatasetRow;
import org.calsim.ml.dataset.OutputColumn;
import org.calsim.ml.dataset.PointResults;
import org.calsim.ml.dataset.SweepDataset;
import org.calsim.ml.doe.Design;
import org.calsim.ml.doe.Factor;
import org.calsim.ml.sensitivity.SobolIndices;
import org.calsim.support.files.AtomicFiles;
import org.calsim.support.json.Json;

/**
 * Runs a sweep: checks every point's job before any runs, hands the points not finished before to the
 * {@link SweepExecutor}, records each point as it ends ({@code points/<id>/point.json}), and writes the dataset. The
 * sweep folder's {@code sweep.json} fixes the design, so a sweep run again skips its finished points, and a changed
 * sweep file is refused rather than mixed with old points.
 */
public final class SweepRun {
    private static final String POINTS = "points";
    private static final String POINT = "point.json";
    private static final String DEFINITION = "sweep.json";
    private static final int BOOTSTRAP = 500;
    private static final double CONFIDENCE = 0.95;
    /** The dataset is rewritten at most this often while points finish, so an interrupted sweep leaves one. */
    private static final long REWRITE_NANOS = 10_000_000_000L;

    private final SweepFile sweep;
    private final Path folder;
    private final JobService jobs;
    private final SweepExecutor executor;

    /**
     * @param out the sweep folder, or null for {@code results/<name>}
     */
    public SweepRun(SweepFile sweep, Path out, JobService jobs, SweepExecutor executor) {
        this.sweep = sweep;
        this.folder = out != null ? out : Path.of("results", sweep.name());
        this.jobs = jobs;
        this.executor = executor;
    }

    /**
     * @throws InvalidInputException if a point's job is rejected or the folder holds another sweep; nothing has run
     * @throws InterruptedException  if interrupted; finished points are recorded and the dataset written
     */
    public StudyReport run(boolean retryFailed, ResultSink results, StudyListener listener)
            throws IOException, InterruptedException {
        List<double[]> values = new ArrayList<>();
        List<SweepPoint> all = designPoints(values);
        boolean fresh = checkFolder();
        Map<String, String[]> ended = new ConcurrentHashMap<>();
        List<SweepPoint> todo = toRun(all, values, retryFailed, ended);
        if (fresh) {
            writeDefinition();
        }
        int skipped = ended.size();
        listener.progress((double) skipped / all.size(), skipped + " of " + all.size() + " points done before; running "
                + todo.size() + " on " + executor.description());
        Thread caller = Thread.currentThread();
        List<String> notes;
        try {
            executor.execute(todo, sweep.concurrency(), new Points(all, values, ended, listener),
                    caller::isInterrupted);
        } finally {
            synchronized (this) {
                notes = writeDataset(all, values, ended, results);
            }
        }
        long succeeded = ended.values().stream().filter(e -> e[0].equals("succeeded")).count();
        int notRun = all.size() - ended.size();
        List<String> lines = new ArrayList<>();
        lines.add("sweep " + sweep.name() + ": " + all.size() + " points (" + sweep.design().label() + "), "
                + succeeded + " succeeded, " + (ended.size() - succeeded) + " failed, " + skipped
                + " finished before and skipped" + (notRun > 0 ? ", " + notRun + " not run" : ""));
        lines.add("dataset: " + folder.resolve(DatasetFiles.TABLE) + " and " + DatasetFiles.DESCRIPTION);
        if (ended.size() > succeeded) {
            lines.add("failed points keep their error in the dataset's error column; ./calsim sweep --retry-failed "
                    + "runs them again");
        }
        lines.addAll(notes);
        return new StudyReport(folder, lines, succeeded == 0 || notRun > 0);
    }

    /**
     * @param values receives each point's input values, user's units
     * @return the design's points, each a job with the inputs set, in its folder {@code points/<id>}
     */
    private List<SweepPoint> designPoints(List<double[]> values) {
        double[][] unit = sweep.design().points(sweep.inputs().size(), sweep.samples(), sweep.seed());
        List<SweepPoint> all = new ArrayList<>();
        for (int p = 0; p < unit.length; p++) {
            double[] v = new double[sweep.inputs().size()];
            List<String> overrides = new ArrayList<>(sweep.fixed());
            for (int j = 0; j < v.length; j++) {
                Factor f = sweep.inputs().get(j);
                v[j] = f.at(unit[p][j]);
                overrides.add(f.field() + "=" + v[j]);
            }
            String id = String.format("p%04d", p);
            JobRequest request = new JobRequest(sweep.jobText(), sweep.jobFile().getParent(),
                    folder.resolve(POINTS).resolve(id).toAbsolutePath(), overrides, FileAccess.LOCAL_USER);
            all.add(new SweepPoint(id, request));
            values.add(v);
        }
        return all;
    }

    /**
     * @param ended receives the points an earlier run ended (succeeded, or failed unless they are retried)
     * @return the points to run, each checked; what an earlier run left of them is deleted
     * @throws InvalidInputException if a point's job is rejected
     */
    private List<SweepPoint> toRun(List<SweepPoint> all, List<double[]> values, boolean retryFailed,
                                   Map<String, String[]> ended) throws IOException {
        List<SweepPoint> todo = new ArrayList<>();
        for (int p = 0; p < all.size(); p++) {
            SweepPoint point = all.get(p);
            String[] previous = previous(point.id());
            if (previous != null && (previous[0].equals("succeeded") || previous[0].equals("failed") && !retryFailed)) {
                ended.put(point.id(), previous);
            } else {
                // what an interrupted or failed earlier run left of this point is not a result: it runs again
                DatasetFiles.deleteTree(folder.resolve(POINTS).resolve(point.id()));
                check(point, values.get(p));
                todo.add(point);
            }
        }
        return todo;
    }

    /** The points as they progress and end: each ended one is recorded, and the dataset rewritten now and then. */
    private final class Points implements PointListener {
        private final List<SweepPoint> all;
        private final List<double[]> values;
        private final Map<String, String[]> ended;
        private final StudyListener listener;
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicLong lastWrite = new AtomicLong(System.nanoTime());
        private final Map<String, Double> running = new ConcurrentHashMap<>();
        private final Map<String, double[]> byId = new LinkedHashMap<>();

        Points(List<SweepPoint> all, List<double[]> values, Map<String, String[]> ended, StudyListener listener) {
            this.all = all;
            this.values = values;
            this.ended = ended;
            this.listener = listener;
            for (int p = 0; p < all.size(); p++) {
                byId.put(all.get(p).id(), values.get(p));
            }
        }

        @Override
        public void progress(String id, JobProgress progress) {
            running.put(id, progress.overall());
            report();
        }

        @Override
        public void finished(String id, JobOutcome outcome) {
            running.remove(id);
            String status = outcome.state().name().toLowerCase();
            String error = outcome.error() == null ? "" : outcome.error();
            if (!outcome.state().name().equals("SUCCEEDED")) {
                failed.incrementAndGet();
            }
            try {
                record(id, byId.get(id), status, error);
            } catch (IOException e) {
                error = "recording the point failed: " + e;
                status = "failed";
            }
            ended.put(id, new String[] {status, error});
            report();
            if (System.nanoTime() - lastWrite.get() > REWRITE_NANOS) {
                lastWrite.set(System.nanoTime());
                try {
                    synchronized (SweepRun.this) {
                        writeDataset(all, values, ended, null);
                    }
                } catch (IOException e) {
                    listener.progress(ended.size() / (double) all.size(), "the dataset could not be written: " + e);
                }
            }
        }

        private void report() {
            double done = ended.size() + running.values().stream().mapToDouble(Double::doubleValue).sum();
            listener.progress(done / all.size(), "point " + ended.size() + "/" + all.size() + " done, "
                    + failed.get() + " failed, " + running.size() + " running");
        }
    }

    private void check(SweepPoint p, double[] v) {
        try {
            jobs.check(p.request());
        } catch (InvalidInputException e) {
            StringBuilder at = new StringBuilder();
            for (int j = 0; j < v.length; j++) {
                at.append(j == 0 ? "" : ", ").append(sweep.inputs().get(j).field()).append('=').append(v[j]);
            }
            throw new InvalidInputException("point " + p.id() + " (" + at + ")", e.getMessage(),
                    "a job every point of the design can run (check the field names in inputs and set, and narrow a "
                    + "range if a value is outside what the job allows)");
        }
    }

    private ObjectNode definition() {
        ObjectNode def = Json.object();
        def.put("name", sweep.name());
        def.put("job", sweep.jobText());
        def.put("design", sweep.design().label());
        def.put("points", sweep.samples());
        def.put("seed", sweep.seed());
        sweep.fixed().forEach(def.putArray("set")::add);
        var in = def.putArray("inputs");
        for (Factor f : sweep.inputs()) {
            in.addObject().put("field", f.field()).put("lower", f.lower()).put("upper", f.upper()).put("log", f.log());
        }
        return def;
    }

    /**
     * Checks, without writing, that the folder is new, empty, or an earlier run of this same sweep.
     *
     * @return whether it is new or empty (its sweep.json is still to be written)
     */
    private boolean checkFolder() throws IOException {
        Path file = folder.resolve(DEFINITION);
        if (Files.isRegularFile(file)) {
            JsonNode old = Json.read(file);
            // as read back: one number type
            if (!old.equals(Json.reader().readTree(Json.pretty().writeValueAsBytes(definition())))) {
                throw new InvalidInputException("--out", folder.toString(), "the folder of this sweep; it holds a sweep "
                        + "with another job, design, range or seed, whose points must not be mixed with these "
                        + "(choose another --out, or delete the folder to start again)");
            }
            return false;
        }
        if (Files.isDirectory(folder)) {
            try (var entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new InvalidInputException("--out", folder.toString(), "an empty or new folder, or the folder "
                            + "of an earlier run of this sweep");
                }
            }
        }
        return true;
    }

    private void writeDefinition() throws IOException {
        Files.createDirectories(folder);
        AtomicFiles.write(folder.resolve(DEFINITION), Json.pretty().writeValueAsBytes(definition()));
    }

    /** @return {status, error} of the point from an earlier run, or null */
    private String[] previous(String id) throws IOException {
        Path f = folder.resolve(POINTS).resolve(id).resolve(POINT);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        JsonNode p = Json.read(f);
        return new String[] {p.path("status").asText(), p.path("error").asText()};
    }

    private void record(String id, double[] v, String status, String error) throws IOException {
        ObjectNode p = Json.object();
        p.put("id", id);
        ObjectNode in = p.putObject("inputs");
        for (int j = 0; j < v.length; j++) {
            in.put(sweep.inputs().get(j).field(), v[j]);
        }
        p.put("status", status);
        p.put("error", error);
        Path dir = folder.resolve(POINTS).resolve(id);
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(POINT), Json.pretty().writeValueAsBytes(p));
    }

    /**
     * Writes the dataset from the points' summaries.
     *
     * @param results where the Saltelli design's Sobol indices go; null while the sweep still runs
     * @return notes for the report: requested outputs no point produced, outputs left out of the Sobol indices
     */
    private List<String> writeDataset(List<SweepPoint> all, List<double[]> values, Map<String, String[]> ended,
                                      ResultSink results) throws IOException {
        List<Map<OutputColumn, Double>> numbers = new ArrayList<>();
        Map<String, OutputColumn> columns = new LinkedHashMap<>();
        for (SweepPoint p : all) {
            String[] e = ended.get(p.id());
            Map<OutputColumn, Double> n = e != null && e[0].equals("succeeded")
                    ? PointResults.read(folder.resolve(POINTS).resolve(p.id())) : Map.of();
            numbers.add(n);
            n.keySet().forEach(c -> columns.putIfAbsent(c.name(), c));
        }
        List<OutputColumn> outputs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (sweep.outputs().isEmpty()) {
            outputs.addAll(columns.values());
        } else {
            for (String name : sweep.outputs()) {
                outputs.add(columns.getOrDefault(name, new OutputColumn(name, "", false)));
            }
            List<String> missing = sweep.outputs().stream().filter(n -> !columns.containsKey(n)).toList();
            if (!missing.isEmpty() && !columns.isEmpty()) {
                notes.add("no point produced the output(s) " + missing + "; the points give: "
                        + String.join(", ", columns.keySet()));
            }
        }
        List<DatasetRow> rows = new ArrayList<>();
        for (int p = 0; p < all.size(); p++) {
            String[] e = ended.getOrDefault(all.get(p).id(), new String[] {"not run", ""});
            double[] out = new double[outputs.size()];
            for (int j = 0; j < out.length; j++) {
                OutputColumn c = outputs.get(j);
                Double x = numbers.get(p).entrySet().stream().filter(en -> en.getKey().name().equals(c.name()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                out[j] = x == null ? Double.NaN : x;
            }
            rows.add(new DatasetRow(all.get(p).id(), e[0], values.get(p), out, e[1]));
        }
        SweepDataset data = new SweepDataset(sweep.name(), sweep.description(),
                sweep.jobFile().getFileName().toString(), sweep.design().label(), sweep.samples(), sweep.seed(),
                sweep.inputs(), outputs, rows);
        DatasetFiles.write(folder, data);
        if (sweep.design() == Design.SALTELLI && results != null) {
            notes.addAll(sensitivity(data, results));
        }
        return notes;
    }

    /**
     * Sobol indices of each output that every point produced, from the Saltelli design's values.
     *
     * @return notes on the outputs left out
     */
    private List<String> sensitivity(SweepDataset data, ResultSink results) {
        int d = data.inputs().size();
        Table.Builder table = Table.builder();
        double[] index = new double[d];
        for (int i = 0; i < d; i++) {
            index[i] = i + 1;
        }
        table.column("input", "index", index);
        boolean any = false;
        List<String> incomplete = new ArrayList<>();
        for (int j = 0; j < data.outputs().size(); j++) {
            int k = j;
            double[] f = data.rows().stream().mapToDouble(r -> r.outputs()[k]).toArray();
            if (!Arrays.stream(f).allMatch(Double::isFinite)) {
                incomplete.add(data.outputs().get(j).name());
                continue;
            }
            SobolIndices.Result r = SobolIndices.fromValues(f, d, data.samples(), BOOTSTRAP, CONFIDENCE, sweep.seed());
            if (!(r.variance() > 0)) {
                continue;
            }
            String name = data.outputs().get(j).name();
            table.column(name + " S1", "1", r.first()).column(name + " S1 low", "1", r.firstLow())
                    .column(name + " S1 high", "1", r.firstHigh()).column(name + " ST", "1", r.total())
                    .column(name + " ST low", "1", r.totalLow()).column(name + " ST high", "1", r.totalHigh());
            any = true;
            if (data.outputs().get(j).state() || !sweep.outputs().isEmpty()) { // all outputs: plot the state's
                results.plot(new Plot("sobol-" + name.replaceAll("[^A-Za-z0-9._-]", "_"), "Sobol indices of " + name
                        + " (" + CONFIDENCE * 100 + " % bootstrap intervals in the CSV)", "input (1 = " + data.inputs()
                        .get(0).field() + ", …)", "index [1]", List.of(
                        new Series("first order S1", index, r.first(), Series.Style.MARKERS),
                        new Series("total order ST", index, r.total(), Series.Style.MARKERS))));
            }
        }
        if (any) {
            results.table("sobol-indices", table.build());
        }
        return incomplete.isEmpty() ? List.of() : List.of("no Sobol indices for " + incomplete.size() + " output(s) "
                + "that some point did not produce (the estimator needs every point of the design): " + incomplete);
    }
}
