package org.calsim.runtime.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.calsim.api.electrode.CalenderingConditions;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.job.JobListener;
import org.calsim.api.job.JobOutcome;
import org.calsim.api.job.JobProgress;
import org.calsim.api.job.JobRun;
import org.calsim.api.job.JobState;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.StageCancelledException;
import org.calsim.api.stage.StageFailedException;
import org.calsim.api.study.ScalarView;
import org.calsim.api.study.StateScalars;
import org.calsim.runtime.output.ResultWriter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Runs a prepared job's stages in order on one thread. A stage's given entries and results are kept
 * only if it finishes; after a failure or cancellation the earlier stages' results stay and
 * {@code summary.json} says which stage stopped the job and why.
 */
final class JobExecution implements JobRun, JobControl, Runnable {
    private final PreparedJob job;
    private final BundleContext context;
    private final Consumer<JobExecution> onEnd;
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Provenance provenance = new Provenance();
    private volatile boolean cancelled;
    private volatile JobState state = JobState.QUEUED;
    private volatile JobProgress progress;
    private volatile JobOutcome outcome;
    private int stageIndex;

    JobExecution(PreparedJob job, BundleContext context, JobListener listener, Consumer<JobExecution> onEnd) {
        this.job = job;
        this.context = context;
        this.onEnd = onEnd;
        if (listener != null) {
            listeners.add(listener);
        }
        this.progress = new JobProgress(job.spec().name(), 0, job.stages().size(), job.stages().get(0).name(), 0,
                "queued", JobState.QUEUED);
    }

    /** @return the checked job this execution runs */
    PreparedJob job() {
        return job;
    }

    @Override
    public String name() {
        return job.spec().name();
    }

    @Override
    public JobState state() {
        return state;
    }

    @Override
    public JobProgress progress() {
        return progress;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public JobOutcome await() throws InterruptedException {
        done.await();
        return outcome;
    }

    @Override
    public void paused(String why) {
        state = JobState.PAUSED;
        publish(progress.fraction(), "paused: " + why);
    }

    @Override
    public void resumed() {
        state = JobState.RUNNING;
        publish(progress.fraction(), "resumed");
    }

    @Override
    public void run() {
        long started = System.currentTimeMillis();
        String error = null;
        JobState end = JobState.SUCCEEDED;
        ObjectNode summary = ResultWriter.object();
        summary.put("job", job.spec().name());
        summary.put("description", job.spec().description());
        ArrayNode stageSummaries = summary.putArray("stages");
        ResultWriter writer = null;
        StateStore entries = new StateStore();
        try {
            writer = ResultWriter.open(job.outputDir());
            entries.put(ElectrodeRecipe.KEY, job.recipe());
            entries.put(CalenderingConditions.KEY, job.conditions());
            this.state = JobState.RUNNING;
            for (stageIndex = 0; stageIndex < job.stages().size(); stageIndex++) {
                StagePlan plan = job.stages().get(stageIndex);
                ObjectNode s = stageSummaries.addObject();
                s.put("stage", plan.name());
                String failure = runStage(plan, entries, writer, s);
                if (failure != null) {
                    end = cancelled ? JobState.CANCELLED : JobState.FAILED;
                    error = failure;
                    for (int k = stageIndex + 1; k < job.stages().size(); k++) {
                        stageSummaries.addObject().put("stage", job.stages().get(k).name()).put("status", "not run");
                    }
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            end = JobState.FAILED;
            error = "the job could not write its results to " + job.outputDir().toAbsolutePath() + ": " + e;
        } catch (Error e) {
            // met outside a stage (e.g. out of memory while writing a stage's results): failed, never succeeded
            end = JobState.FAILED;
            error = "the job stopped with a Java error: " + e;
        } finally {
            long finished = System.currentTimeMillis();
            summary.put("status", end.name().toLowerCase());
            summary.put("seconds", (finished - started) / 1000.0);
            if (error != null) {
                summary.put("error", error);
            }
            if (writer != null) {
                try {
                    summary.set("state", stateScalars(entries, summary));
                    writer.writeJson(ResultWriter.SUMMARY, summary);
                    writer.writeJson(ResultWriter.PROVENANCE, provenance.document(job, context,
                            end.name().toLowerCase(), started, finished, job.materials().used()));
                } catch (IOException | RuntimeException | Error e) {
                    end = JobState.FAILED;
                    error = (error == null ? "" : error + "; ") + "writing summary.json/provenance.json failed: " + e;
                }
            }
            state = end;
            outcome = new JobOutcome(end, job.outputDir(), error);
            publish(1, end.name().toLowerCase());
            done.countDown();
            onEnd.accept(this);
        }
    }

    /**
     * @return the state entries that are numbers or records of numbers ({@link StateScalars}, with the
     *         {@link ScalarView}s plugins registered for keys of their own), SI, as {@code name: {value, unit}};
     *         NaN ("not computed") is left out; an entry whose view throws is left out and named in the summary's
     *         {@code state_not_written} with the exception (a plugin's view cannot stop the summary being written)
     */
    private ObjectNode stateScalars(StateStore state, ObjectNode summary) {
        ObjectNode out = ResultWriter.object();
        List<ServiceReference<?>> used = new ArrayList<>();
        try {
            List<ScalarView<?>> views = new ArrayList<>();
            ServiceReference<?>[] registered = context.getServiceReferences(ScalarView.class.getName(), null);
            for (ServiceReference<?> r : registered == null ? new ServiceReference<?>[0] : registered) {
                if (context.getService(r) instanceof ScalarView<?> view) {
                    used.add(r);
                    views.add(view);
                }
            }
            for (StateScalars.Entry<?> e : StateScalars.entries(views)) {
                state.find(e.key()).ifPresent(v -> {
                    Map<String, Double> values;
                    try {
                        values = e.scalars(v);
                    } catch (RuntimeException ex) {
                        ObjectNode failed = summary.has("state_not_written")
                                ? (ObjectNode) summary.get("state_not_written") : summary.putObject("state_not_written");
                        failed.put(e.key().name(), ex.toString());
                        return;
                    }
                    for (StateScalars.Scalar c : e.components()) {
                        Double x = values.get(c.name());
                        if (x != null && Double.isFinite(x)) {
                            out.putObject(c.name()).put("value", x).put("unit", c.unit());
                        }
                    }
                });
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // no filter is given
        } finally {
            used.forEach(context::ungetService);
        }
        return out;
    }

    /** @return null on success, else the one-paragraph reason the job stopped */
    private String runStage(StagePlan plan, StateStore state, ResultWriter writer, ObjectNode summary)
            throws IOException {
        long t0 = System.nanoTime();
        publish(0, "starting");
        long seed = job.spec().seed() * 1_000_003L + plan.index();
        String failure = null;
        String status = "succeeded";
        String stem = job.stem(plan.index());
        Path staging = writer.dir().resolve(ResultWriter.STAGING_PREFIX + stem);
        try (StageRun run = new StageRun(plan, state, seed, context, job.materials(), this,
                this::publish, provenance::swap, staging,
                writer.dir().resolve(ResultWriter.CHECKPOINTS).resolve(stem))) {
            try {
                plan.solver().run(run);
                for (Key<?> k : plan.gives()) {
                    if (!run.given().containsKey(k)) {
                        throw new StageFailedException("stage " + plan.name() + " finished without giving '" + k.name()
                                + "', which it declared; this is a bug in the stage's bundle "
                                + plan.reference().getBundle().getSymbolicName());
                    }
                }
                state.putAll(run.given());
                StageResults r = run.results();
                ObjectNode numbers = summary.putObject("results");
                for (Map.Entry<String, StageResults.Number> e : r.numbers().entrySet()) {
                    numbers.putObject(e.getKey()).put("value", e.getValue().value()).put("unit", e.getValue().unit());
                }
                ObjectNode notes = summary.putObject("notes");
                r.notes().forEach(notes::put);
                ArrayNode files = summary.putArray("files");
                writer.writeStage(stem, r.tables(), r.plots()).forEach(files::add);
                writer.publishFolder(staging, stem).forEach(files::add);
            } catch (StageCancelledException e) {
                status = "cancelled";
                failure = "cancelled during stage " + plan.name() + " (" + e.getMessage() + "); the results of the "
                        + plan.index() + " earlier stage(s) are kept";
            } catch (StageFailedException | InvalidInputException e) {
                status = "failed";
                failure = "stage " + plan.name() + " failed: " + e.getMessage();
            } catch (Exception | Error e) {
                // an Error too (out of memory, stack overflow, a class gone with an undeployed plugin): the job
                // failed, and the thread that ran it goes on to run the next job
                status = "failed";
                String kind = e instanceof Error ? "a Java error" : "an internal error";
                failure = "stage " + plan.name() + " failed with " + kind + ": " + e
                        + " (the stack trace is in error.log)";
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                writer.writeText("error.log", trace.toString());
            }
        }
        ResultWriter.deleteTree(staging);
        double seconds = (System.nanoTime() - t0) / 1e9;
        summary.put("status", status);
        summary.put("seconds", seconds);
        if (failure != null) {
            summary.put("error", failure);
        }
        provenance.stage(plan, status, seconds);
        return failure;
    }

    private void publish(double fraction, String message) {
        JobProgress p = new JobProgress(job.spec().name(), Math.min(stageIndex, job.stages().size() - 1),
                job.stages().size(), job.stages().get(Math.min(stageIndex, job.stages().size() - 1)).name(),
                fraction, message, state);
        progress = p;
        for (JobListener l : listeners) {
            try {
                l.onProgress(p);
            } catch (RuntimeException e) {
                listeners.remove(l);
            }
        }
    }
}
