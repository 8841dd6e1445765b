package org.calsim.ml.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.calsim.api.job.JobListener;
import org.calsim.api.job.JobOutcome;
import org.calsim.api.job.JobRequest;
import org.calsim.api.job.JobRun;
import org.calsim.api.job.JobService;
import org.calsim.api.job.JobState;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.study.PointListener;
import org.calsim.api.study.StudyReport;
import org.calsim.api.study.SweepExecutor;
import org.calsim.api.study.SweepPoint;
import org.calsim.api.testing.RecordingSink;
import org.calsim.ml.dataset.DatasetFiles;
import org.calsim.ml.dataset.DatasetRow;
import org.calsim.ml.dataset.SweepDataset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep's bookkeeping against a fake executor whose "jobs" compute y = x1 + 2 x2 (a state scalar) and fail when
 * x1 > 0.8: the dataset, failures with their errors, resuming, refusing a changed sweep, checking every point first,
 * and the Saltelli design's Sobol indices.
 */
class SweepRunTest {
    @TempDir
    Path dir;
    private final List<String> executed = new ArrayList<>();
    private double rejectAbove = Double.POSITIVE_INFINITY;

    @BeforeEach
    void job() throws Exception {
        Files.writeString(dir.resolve("job.yaml"), "name: j\n");
    }

    @Test
    void failedPointsAreRecordedAndTheSweepGoesOn() throws Exception {
        StudyReport r = run(sweep("sobol", 16, "[0, 1]"), false);
        SweepDataset d = DatasetFiles.read(dir.resolve("out"));
        assertEquals(16, d.rows().size());
        assertEquals(16, executed.size());
        int y = d.outputIndex("coating.porosity");
        for (DatasetRow row : d.rows()) {
            double x1 = row.inputs()[0];
            if (x1 > 0.8) {
                assertEquals("failed", row.status());
                assertTrue(row.error().contains("x1 = " + x1), row.error());
                assertTrue(Double.isNaN(row.outputs()[y]));
            } else {
                assertEquals("succeeded", row.status(), row.error());
                assertEquals(x1 + 2 * row.inputs()[1], row.outputs()[y], 1e-15);
            }
        }
        assertTrue(d.rows().stream().anyMatch(row -> !row.succeeded()), "the design reaches x1 > 0.8");
        assertTrue(r.lines().get(0).contains("16 points"), r.lines().toString());
    }

    @Test
    void aSecondRunSkipsFinishedPointsAndRetriesFailedOnesOnRequest() throws Exception {
        run(sweep("sobol", 16, "[0, 1]"), false);
        long failed = DatasetFiles.read(dir.resolve("out")).rows().stream().filter(x -> !x.succeeded()).count();
        executed.clear();
        StudyReport again = run(sweep("sobol", 16, "[0, 1]"), false);
        assertEquals(0, executed.size());
        assertTrue(again.lines().get(0).contains("16 finished before and skipped"), again.lines().toString());
        run(sweep("sobol", 16, "[0, 1]"), true);
        assertEquals(failed, executed.size());
        assertEquals(16, DatasetFiles.read(dir.resolve("out")).rows().size());
    }

    /** A point stopped in the middle leaves a partial folder and no point.json: the next run runs it again. */
    @Test
    void aPointStoppedHalfwayRunsAgain() throws Exception {
        run(sweep("sobol", 8, "[0, 0.5]"), false);
        Path p3 = dir.resolve("out/points/p0003");
        Files.delete(p3.resolve("point.json"));
        Files.writeString(p3.resolve("dem.calender-partial.csv"), "half");
        executed.clear();
        run(sweep("sobol", 8, "[0, 0.5]"), false);
        assertEquals(List.of("p0003"), executed);
        assertTrue(!Files.exists(p3.resolve("dem.calender-partial.csv")));
        assertEquals(8, DatasetFiles.read(dir.resolve("out")).rows().stream().filter(DatasetRow::succeeded).count());
    }

    @Test
    void anOutputNoPointProducedIsReported() throws Exception {
        Path f = dir.resolve("sweep.yaml");
        Files.writeString(f, """
                name: s
                job: job.yaml
                points: 4
                inputs:
                  - {field: x1, range: [0, 0.5]}
                  - {field: x2, range: [0, 1]}
                outputs: [coating.porosity, coating.porosityy]
                """);
        StudyReport r = run(SweepFile.read(f), false);
        assertTrue(r.lines().stream().anyMatch(l -> l.contains("[coating.porosityy]") && l.contains("t/y2")),
                r.lines().toString());
    }

    @Test
    void aChangedSweepIsNotMixedWithTheOldPoints() throws Exception {
        run(sweep("sobol", 8, "[0, 1]"), false);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> run(sweep("sobol", 8, "[0, 2]"), false));
        assertTrue(e.getMessage().contains("another job, design, range or seed"), e.getMessage());
    }

    @Test
    void everyPointIsCheckedBeforeAnyRuns() throws Exception {
        rejectAbove = 0.9;
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(sweep("lhs", 12, "[0, 1]"), false));
        assertTrue(e.getMessage().startsWith("point p0"), e.getMessage());
        assertTrue(e.getMessage().contains("x1="), e.getMessage());
        assertEquals(0, executed.size());
    }

    /**
     * y = x1 + 2 x2 with x1, x2 uniform on [0, 1]: Var = 1/12 + 4/12, so S1 = ST = (0.2, 0.8) exactly for an additive
     * model; each lies inside the estimator's 95 % bootstrap interval from 256 base samples (no job fails: x1 stays
     * below 0.8).
     */
    @Test
    void saltelliDesignGivesTheChainsSobolIndices() throws Exception {
        RecordingSink sink = new RecordingSink();
        SweepFile s = sweep("saltelli", 256, "[0, 0.79]");
        new SweepRun(s, dir.resolve("out"), jobs(), executor()).run(false, sink, (f, m) -> { });
        assertEquals(256 * 4, executed.size());
        var t = sink.tables.get("sobol-indices");
        double v1 = 0.79 * 0.79 / 12;
        double v2 = 4.0 / 12;
        double[] exact = {v1 / (v1 + v2), v2 / (v1 + v2)};
        for (String index : new String[] {"S1", "ST"}) {
            for (int i = 0; i < 2; i++) {
                double low = t.column("coating.porosity " + index + " low").values()[i];
                double high = t.column("coating.porosity " + index + " high").values()[i];
                String label = index + " of x" + (i + 1) + ": " + t.column("coating.porosity " + index).values()[i]
                        + " [" + low + ", " + high + "], exact " + exact[i];
                assertTrue(low <= exact[i] && exact[i] <= high, label);
            }
        }
    }

    private StudyReport run(SweepFile s, boolean retry) throws Exception {
        return new SweepRun(s, dir.resolve("out"), jobs(), executor()).run(retry, new RecordingSink(), (f, m) -> { });
    }

    private SweepFile sweep(String design, int points, String range) throws Exception {
        Path f = dir.resolve("sweep.yaml");
        Files.writeString(f, """
                name: s
                job: job.yaml
                design: %s
                points: %d
                concurrency: 1
                inputs:
                  - {field: x1, range: %s}
                  - {field: x2, range: [0, 1]}
                """.formatted(design, points, range));
        return SweepFile.read(f);
    }

    private JobService jobs() {
        return new JobService() {
            @Override
            public JobRun submit(JobRequest request, JobListener listener) {
                throw new UnsupportedOperationException("the sweep runs points through its executor");
            }

            @Override
            public List<String> inputFiles(JobRequest request) {
                return List.of();
            }

            @Override
            public void check(JobRequest request) {
                Path out = request.outputDir();
                if (Files.isDirectory(out) && !Files.exists(out.resolve("provenance.json"))) { // as the runtime does
                    throw new InvalidInputException("--out", out, "an empty folder or an earlier results folder");
                }
                if (value(request, "x1") > rejectAbove) {
                    throw new InvalidInputException("x1", value(request, "x1"), "at most " + rejectAbove);
                }
            }
        };
    }

    private SweepExecutor executor() {
        return new SweepExecutor() {
            @Override
            public String description() {
                return "test";
            }

            @Override
            public void execute(List<SweepPoint> points, int concurrency, PointListener listener,
                                BooleanSupplier cancelled) throws InterruptedException {
                for (SweepPoint p : points) {
                    executed.add(p.id());
                    double x1 = value(p.request(), "x1");
                    double x2 = value(p.request(), "x2");
                    Path out = p.request().outputDir();
                    try {
                        Files.createDirectories(out);
                        if (x1 > 0.8) {
                            listener.finished(p.id(), new JobOutcome(JobState.FAILED, out, "stage t failed: x1 = " + x1));
                            continue;
                        }
                        Files.writeString(out.resolve("summary.json"), """
                                {"status": "succeeded", "state": {"coating.porosity": {"value": %s, "unit": "1"}},
                                 "stages": [{"stage": "t", "results": {"y2": {"value": %s, "unit": "1"}}}]}
                                """.formatted(x1 + 2 * x2, 2 * x2));
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                    listener.finished(p.id(), new JobOutcome(JobState.SUCCEEDED, out, null));
                }
            }
        };
    }

    private static double value(JobRequest r, String field) {
        return r.overrides().stream().filter(o -> o.startsWith(field + "=")).mapToDouble(o ->
                Double.parseDouble(o.substring(field.length() + 1))).findFirst().orElseThrow();
    }
}
