package org.calsim.server.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.calsim.api.job.FileAccess;
import org.calsim.api.job.JobListener;
import org.calsim.api.job.JobOutcome;
import org.calsim.api.job.JobProgress;
import org.calsim.api.job.JobRequest;
import org.calsim.api.job.JobRun;
import org.calsim.api.job.JobService;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Solver;
import org.calsim.server.store.JobRecord;
import org.calsim.server.store.LabStore;
import org.calsim.support.json.Json;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The lab server's job queue: submitted jobs are checked at once (a bad job file is refused and never stored), stored
 * as queued, and run in submission order on {@code jobs.concurrent} worker threads through the {@link JobService}.
 * Results go to {@code <data>/jobs/<id>/}. Every state change is stored before it is reported.
 *
 * <p>A job may come with input files ({@link JobInputs}: an image, a folder of TIFF slices, a particle dump), within
 * {@code upload.max.bytes} and {@code upload.max.files}. It is checked against their staging folder, so a file it names
 * but was not given is refused before anything is stored; once stored, its files move to
 * {@code <data>/jobs/<id>/inputs/}, the folder its file parameters resolve against in every run (also a resumed one),
 * while its results still go to {@code <data>/jobs/<id>/}. A job without files resolves them against its own folder,
 * where there are none, as before.
 *
 * <p>After a restart (also after a crash), jobs that were queued are queued again and jobs that were running are run
 * again: stages with a {@code resume} parameter continue from their last checkpoint ({@link ResumePlan}), the others
 * start over. When the server stops cleanly, running jobs are cancelled and put back in the queue, so the next start
 * resumes them; a job that was running when the server stopped without a clean shutdown {@value #MAX_CRASHES} times
 * is failed instead. Starting, cancelling and ending a job are decided on its stored state, so a cancel racing a
 * job's start or end either cancels it or is refused.
 */
@Component(service = JobQueue.class, configurationPid = LabStore.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
public final class JobQueue {
    /** The configuration read here. */
    public @interface Config {
        /** @return how many jobs run at once */
        int jobs_concurrent() default 2;

        /** @return the largest submission with input files, in bytes ({@link JobInputs.Limits#maxBytes}) */
        long upload_max_bytes() default JobInputs.Limits.DEFAULT_MAX_BYTES;

        /** @return the most input files of one submission ({@link JobInputs.Limits#maxFiles}) */
        int upload_max_files() default JobInputs.Limits.DEFAULT_MAX_FILES;
    }

    /** A job running when the server stopped without a clean shutdown this often is failed, not run again. */
    public static final int MAX_CRASHES = 3;
    private final LabStore store;
    private final JobService jobs;
    private final BundleContext context;
    private final JobInputs.Limits limits;
    private final LinkedBlockingQueue<Long> queue = new LinkedBlockingQueue<>();
    private final Map<Long, JobRun> running = new ConcurrentHashMap<>();
    /** Jobs this queue has marked running and not yet ended: put back in the queue if the server stops. */
    private final Set<Long> started = ConcurrentHashMap.newKeySet();
    private final Map<Long, JobProgress> progress = new ConcurrentHashMap<>();
    private final List<Consumer<Long>> watchers = new CopyOnWriteArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stopping;

    /**
     * The queue of the configured server, running {@code jobs.concurrent} jobs at once and taking submissions within
     * {@code upload.max.bytes} and {@code upload.max.files}.
     *
     * @throws IllegalArgumentException if an upload limit is out of its range
     */
    @Activate
    public JobQueue(@Reference LabStore store, @Reference JobService jobs, BundleContext context, Config config)
            throws SQLException, IOException {
        this(store, jobs, context, config.jobs_concurrent(), new JobInputs.Limits(config.upload_max_bytes(),
                config.upload_max_files()));
    }

    /**
     * A queue as {@link #JobQueue(LabStore, JobService, BundleContext, int, JobInputs.Limits)} with the default
     * limits on input files.
     */
    public JobQueue(LabStore store, JobService jobs, BundleContext context, int concurrent)
            throws SQLException, IOException {
        this(store, jobs, context, concurrent, JobInputs.Limits.DEFAULT);
    }

    /**
     * Removes what submissions left in the staging folder when the server stopped, queues the jobs {@code store}
     * holds as queued, and those that were running when the server stopped without a clean shutdown (up to
     * {@value #MAX_CRASHES} times, {@link LabStore#recoverInterrupted}), and starts {@code concurrent} worker threads.
     *
     * @param context where the stages are looked up to resume a job, or null if no job resumes
     * @param limits  what one submission may bring
     */
    public JobQueue(LabStore store, JobService jobs, BundleContext context, int concurrent, JobInputs.Limits limits)
            throws SQLException, IOException {
        this.store = store;
        this.jobs = jobs;
        this.context = context;
        this.limits = limits;
        deleteTree(store.dataDir().resolve(JobInputs.STAGING));
        store.recoverInterrupted(MAX_CRASHES);
        for (JobRecord r : reversed(store.jobs("queued", null, Integer.MAX_VALUE))) {
            queue.add(r.id());
        }
        int n = Math.max(1, concurrent);
        for (int w = 0; w < n; w++) {
            Thread t = new Thread(this::work, "calsim-lab-worker-" + w);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    /**
     * Checks and stores a job; it runs when a worker is free.
     *
     * @return the stored job
     * @throws InvalidInputException if the job file or its chain is wrong (nothing is stored)
     */
    public JobRecord submit(String source, List<String> overrides) throws SQLException {
        // a lab job's files stay in its own folder, never the data folder (the token, the database)
        jobs.check(new JobRequest(source, probe(), probe(), overrides, FileAccess.JOB_FOLDER));
        return enqueue(store.insert(jobName(source), source, overrides));
    }

    /**
     * Checks a job against its input files, then stores it and moves its files to {@link #inputsFolder}; it runs
     * when a worker is free. Without files it is {@link #submit(String, List)}.
     *
     * @param inputs the files, staged ({@link #stageInputs()}); closing them afterwards removes what was not moved
     * @return the stored job
     * @throws InvalidInputException if the job file or its chain is wrong, or a file parameter names a file that is not
     *                               among the inputs (nothing is stored)
     * @throws IOException           if the files could not be moved to the job (then the job is not kept either)
     */
    public JobRecord submit(String source, List<String> overrides, JobInputs inputs) throws SQLException, IOException {
        if (inputs.count() == 0) {
            return submit(source, overrides);
        }
        jobs.check(new JobRequest(source, inputs.folder(), probe(), overrides, FileAccess.JOB_FOLDER));
        long id = store.insert(jobName(source), source, overrides);
        try {
            Files.createDirectories(folder(id));
            inputs.moveTo(inputsFolder(id));
        } catch (IOException e) {
            store.state(id, "failed", "its input files could not be stored: " + e);
            delete(id);
            throw e;
        }
        return enqueue(id);
    }

    /**
     * @return an empty staging folder for the input files of one submission, within this server's limits
     * @throws IOException if the data folder cannot hold it
     */
    public JobInputs stageInputs() throws IOException {
        return new JobInputs(store.dataDir().resolve(JobInputs.STAGING), limits);
    }

    /** @return what one submission may bring */
    public JobInputs.Limits inputLimits() {
        return limits;
    }

    /** @return the folder a job is checked in (it is never created): a job submitted without files finds none there */
    private Path probe() {
        return store.dataDir().resolve("jobs").resolve("check");
    }

    private JobRecord enqueue(long id) throws SQLException {
        queue.add(id);
        notifyWatchers(id);
        return store.job(id).orElseThrow();
    }

    /**
     * Cancels a job: a queued one does not run, a running one stops at its next step. The decision is taken on the
     * stored state ({@link LabStore#cancelQueued}, {@link LabStore#requestCancel}): a job cancelled here ends
     * {@code cancelled}, also if it was just starting or just ending; one that had ended keeps its state.
     *
     * @return false if it had already ended (or there is no such job)
     */
    public boolean cancel(long id) throws SQLException {
        if (store.cancelQueued(id)) {
            queue.remove(id);
            notifyWatchers(id);
            return true;
        }
        if (!store.requestCancel(id)) {
            return false;
        }
        JobRun run = running.get(id); // if not there yet, the worker sees the request once it has the run
        if (run != null) {
            run.cancel();
        }
        notifyWatchers(id);
        return true;
    }

    /**
     * Deletes a job that has ended: its row, then its folder (its results and its input files).
     *
     * @return false if there is no such job or it has not ended (cancel it first)
     * @throws java.io.UncheckedIOException if the folder cannot be deleted (the job is gone from the list already)
     */
    public boolean delete(long id) throws SQLException {
        if (!store.delete(id)) {
            return false;
        }
        try {
            deleteTree(folder(id));
        } catch (IOException e) {
            throw new UncheckedIOException("job " + id + " is deleted, but not all of its folder " + folder(id), e);
        }
        notifyWatchers(id);
        return true;
    }

    /**
     * Deletes the jobs that ended before {@code cutoff}, with their results folders.
     *
     * @return how many were deleted
     */
    public int deleteEndedBefore(Instant cutoff) throws SQLException {
        int n = 0;
        for (long id : store.endedBefore(cutoff)) {
            if (delete(id)) {
                n++;
            }
        }
        return n;
    }

    /** @return the latest progress of a running job */
    public Optional<JobProgress> progress(long id) {
        return Optional.ofNullable(progress.get(id));
    }

    /** @return the results folder of a job */
    public Path folder(long id) {
        return store.dataDir().resolve("jobs").resolve(Long.toString(id));
    }

    /** @return the folder of a job's input files, {@code <data>/jobs/<id>/inputs/}; it exists if it was given files */
    public Path inputsFolder(long id) {
        return folder(id).resolve(JobInputs.FOLDER);
    }

    /** @return the folder a job's file parameters resolve against: its inputs if it was given files, else its own */
    Path baseFolder(long id) {
        Path inputs = inputsFolder(id);
        return Files.isDirectory(inputs, LinkOption.NOFOLLOW_LINKS) ? inputs : folder(id);
    }

    /** @return position in the queue (0 = next), or −1 if not queued */
    public int position(long id) {
        int i = 0;
        for (Long q : queue) {
            if (q == id) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** Registers a watcher told the id of every job whose state or progress changed. */
    public void watch(Consumer<Long> watcher) {
        watchers.add(watcher);
    }

    /** Removes a watcher. */
    public void unwatch(Consumer<Long> watcher) {
        watchers.remove(watcher);
    }

    private void work() {
        while (!stopping) {
            long id;
            try {
                id = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                run(id);
            } catch (SQLException | RuntimeException | Error e) {
                // an Error too (a stage's bundle undeployed while the job was checked): this worker serves on
                started.remove(id);
                try {
                    store.state(id, "failed", "the server could not run the job: " + e);
                } catch (SQLException ignored) {
                    // the database itself is gone; the job stays as it was and resumes on the next start
                }
            } catch (InterruptedException e) {
                return;
            }
            notifyWatchers(id);
        }
    }

    private void run(long id) throws SQLException, InterruptedException {
        JobRecord r = store.job(id).orElseThrow();
        if (!r.state().equals("queued")) {
            return;
        }
        List<String> overrides = new ArrayList<>(r.overrides());
        if (r.attempts() > 0) {
            overrides.addAll(ResumePlan.overrides(r.source(), this::resumable));
            clearForResume(folder(id));
        }
        if (!store.start(id)) {
            return; // cancelled since it was taken from the queue
        }
        started.add(id);
        JobListener listener = p -> {
            progress.put(id, p);
            notifyWatchers(id);
        };
        JobRun run;
        try {
            run = jobs.submit(new JobRequest(r.source(), baseFolder(id), folder(id), overrides,
                    FileAccess.JOB_FOLDER), listener);
        } catch (InvalidInputException e) {
            started.remove(id);
            store.end(id, "failed", "the job was not run: " + e.getMessage());
            return;
        }
        running.put(id, run);
        if (store.cancelRequested(id)) {
            run.cancel(); // asked while the run was being created
        }
        notifyWatchers(id);
        JobOutcome outcome;
        try {
            outcome = run.await();
        } finally {
            running.remove(id);
            progress.remove(id);
        }
        if (stopping) {
            return; // cancelled because the server stops: put back in the queue by deactivate, resumed on restart
        }
        store.end(id, outcome.state().name().toLowerCase(), outcome.error());
        started.remove(id);
    }

    /**
     * What an interrupted run wrote is not a result; its checkpoints are what the next run resumes from, and its
     * inputs are what it reads.
     */
    private static void clearForResume(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var entries = Files.list(dir)) {
            for (Path e : entries.toList()) {
                String name = e.getFileName().toString();
                if (!name.equals("checkpoints") && !name.equals(JobInputs.FOLDER)) {
                    deleteTree(e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir + " for the resumed run", e);
        }
    }

    /** Deletes a file or a folder with everything in it (symbolic links are deleted, not followed). */
    static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (var children = Files.list(p)) {
                for (Path c : children.toList()) {
                    deleteTree(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }

    /** @return whether the stage of this name declares a {@code resume} parameter */
    private boolean resumable(String stage) {
        try {
            for (ServiceReference<Solver> ref : context.getServiceReferences(Solver.class, "(calsim.name=" + stage
                    + ")")) {
                Solver s = context.getService(ref);
                try {
                    if (s != null && s.parameters().stream().map(Parameter::name).anyMatch("resume"::equals)) {
                        return true;
                    }
                } finally {
                    context.ungetService(ref);
                }
            }
        } catch (InvalidSyntaxException e) {
            return false;
        }
        return false;
    }

    private void notifyWatchers(long id) {
        for (Consumer<Long> w : watchers) {
            w.accept(id);
        }
    }

    private static String jobName(String source) {
        try {
            return Json.yaml().readTree(source).path("name").asText("job");
        } catch (IOException e) {
            return "job";
        }
    }

    private static <T> List<T> reversed(List<T> newestFirst) {
        List<T> l = new ArrayList<>(newestFirst);
        Collections.reverse(l);
        return l;
    }

    /**
     * Stops the queue: running jobs are cancelled and put back in the queue for the next start, the workers end.
     */
    @Deactivate
    public void deactivate() throws InterruptedException {
        stopping = true;
        running.values().forEach(JobRun::cancel);
        for (Thread t : workers) {
            t.interrupt();
        }
        for (Thread t : workers) {
            t.join(30_000);
        }
        for (long id : started) {
            try {
                store.requeue(id); // a clean stop: not counted as a crash at the next start
            } catch (SQLException e) {
                return; // the database is gone: the job stays running and is counted as interrupted at the next start
            }
        }
    }
}
