package org.calsim.server.queue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.calsim.api.job.JobListener;
import org.calsim.api.job.JobOutcome;
import org.calsim.api.job.JobProgress;
import org.calsim.api.job.JobRequest;
import org.calsim.api.job.JobRun;
import org.calsim.api.job.JobService;
import org.calsim.api.job.JobState;
import org.calsim.api.stage.InvalidInputException;

/** A {@link JobService} for tests of the lab server: its runs only wait, to be cancelled or to succeed. */
public final class Fakes {
    private Fakes() {
    }

    /** A run that ends when it is cancelled, or after {@code millis}; it ignores a cancel once it has finished. */
    public static final class FakeRun implements JobRun {
        private final CountDownLatch cancelled = new CountDownLatch(1);
        private final long nanos;
        private volatile boolean done;

        FakeRun(long nanos) {
            this.nanos = nanos;
        }

        @Override
        public String name() {
            return "q";
        }

        @Override
        public JobState state() {
            return JobState.RUNNING;
        }

        @Override
        public JobProgress progress() {
            return null;
        }

        @Override
        public void cancel() {
            if (!done) {
                cancelled.countDown();
            }
        }

        @Override
        public JobOutcome await() throws InterruptedException {
            boolean c = cancelled.await(nanos, TimeUnit.NANOSECONDS);
            done = true;
            return c ? new JobOutcome(JobState.CANCELLED, null, "cancelled at step 3")
                    : new JobOutcome(JobState.SUCCEEDED, null, null);
        }
    }

    /**
     * Runs jobs as {@link FakeRun}s; {@link #submit} can be held to widen the moment between start and run. It keeps
     * the requests it was given to run, and checks jobs with {@link #checker}.
     */
    public static final class FakeJobs implements JobService {
        public volatile CountDownLatch hold = new CountDownLatch(0);
        public final CountDownLatch inSubmit = new CountDownLatch(1);
        public volatile long nanos = TimeUnit.SECONDS.toNanos(30);
        final Random random = new Random(17);
        public volatile boolean randomLength;
        /** The requests of the runs, in the order they were submitted. */
        public final List<JobRequest> runs = new CopyOnWriteArrayList<>();
        /** What {@link #check} does: nothing unless set. */
        public volatile Consumer<JobRequest> checker = r -> { };

        @Override
        public JobRun submit(JobRequest request, JobListener listener) {
            runs.add(request);
            inSubmit.countDown();
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long n;
            synchronized (random) {
                n = randomLength ? random.nextInt(2_000_000) : nanos;
            }
            return new FakeRun(n);
        }

        @Override
        public void check(JobRequest request) {
            checker.accept(request);
        }

        @Override
        public List<String> inputFiles(JobRequest request) {
            return List.of();
        }
    }

    /**
     * @return a check of a job's file parameters as the runtime's under {@code FileAccess.JOB_FOLDER}: each line
     *         {@code file: NAME} of the job must name a file inside its base folder, or the job is refused naming
     *         {@code stages[0].with.file}
     */
    public static Consumer<JobRequest> fileCheck() {
        return r -> {
            Matcher m = Pattern.compile("(?m)^\\s*file: (\\S+)$").matcher(r.source());
            Path root = r.baseDir().toAbsolutePath().normalize();
            while (m.find()) {
                Path f = root.resolve(m.group(1)).normalize();
                if (!f.startsWith(root) || !Files.isRegularFile(f)) {
                    throw new InvalidInputException("stages[0].with.file", m.group(1), "an existing file in the "
                            + "job's folder");
                }
            }
        };
    }
}
