package org.calsim.server.queue;

import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.calsim.api.job.JobListener;
import org.calsim.api.job.JobOutcome;
import org.calsim.api.job.JobProgress;
import org.calsim.api.job.JobRequest;
import org.calsim.api.job.JobRun;
import org.calsim.api.job.JobService;
import org.calsim.api.job.JobState;

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

    /** Runs jobs as {@link FakeRun}s; {@link #submit} can be held to widen the moment between start and run. */
    public static final class FakeJobs implements JobService {
        public volatile CountDownLatch hold = new CountDownLatch(0);
        public final CountDownLatch inSubmit = new CountDownLatch(1);
        public volatile long nanos = TimeUnit.SECONDS.toNanos(30);
        final Random random = new Random(17);
        public volatile boolean randomLength;

        @Override
        public JobRun submit(JobRequest request, JobListener listener) {
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
        }

        @Override
        public java.util.List<String> inputFiles(JobRequest request) {
            return java.util.List.of();
        }
    }

}
