package org.calsim.runtime.study;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.calsim.api.job.JobOutcome;
import org.calsim.api.job.JobRun;
import org.calsim.api.job.JobService;
import org.calsim.api.job.JobState;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.study.PointListener;
import org.calsim.api.study.SweepExecutor;
import org.calsim.api.study.SweepPoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs sweep points as jobs in this container, {@code concurrency} at a time (each job runs its stages on its own
 * thread, and a stage may use several threads itself). A point whose job is rejected before it runs is reported as
 * failed with the reason. Ranked 0, so a distributed executor registered with a higher ranking takes over.
 */
@Component(property = {"calsim.name=local", "service.ranking:Integer=0"})
public final class LocalSweepExecutor implements SweepExecutor {
    private static final long POLL_MILLIS = 200;
    private final JobService jobs;

    @Activate
    public LocalSweepExecutor(@Reference JobService jobs) {
        this.jobs = jobs;
    }

    @Override
    public String description() {
        return "runs sweep points as jobs on this machine, several at a time";
    }

    @Override
    public void execute(List<SweepPoint> points, int concurrency, PointListener listener, BooleanSupplier cancelled)
            throws InterruptedException {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency " + concurrency + ": expected at least 1");
        }
        ConcurrentLinkedQueue<SweepPoint> queue = new ConcurrentLinkedQueue<>(points);
        Set<JobRun> running = ConcurrentHashMap.newKeySet();
        int workers = Math.min(concurrency, points.size());
        CountDownLatch done = new CountDownLatch(workers);
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                try {
                    SweepPoint p;
                    while ((p = queue.poll()) != null) {
                        runPoint(p, running, listener, cancelled);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "calsim-sweep-" + w);
            t.setDaemon(true);
            t.start();
        }
        boolean interrupted = false;
        boolean stopping = false;
        while (true) {
            try {
                if (done.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (!stopping && (interrupted || cancelled.getAsBoolean())) {
                stopping = true; // no new points; the running ones end at their next step
                queue.clear();
            }
            if (stopping) {
                running.forEach(JobRun::cancel);
            }
        }
        if (interrupted) {
            throw new InterruptedException("the sweep was interrupted; the points that ended are reported");
        }
    }

    private void runPoint(SweepPoint p, Set<JobRun> running, PointListener listener, BooleanSupplier cancelled)
            throws InterruptedException {
        JobRun run;
        try {
            run = jobs.submit(p.request(), progress -> listener.progress(p.id(), progress));
        } catch (InvalidInputException e) {
            listener.finished(p.id(), new JobOutcome(JobState.FAILED, p.request().outputDir(),
                    "the job was not run: " + e.getMessage()));
            return;
        } catch (RuntimeException e) {
            listener.finished(p.id(), new JobOutcome(JobState.FAILED, p.request().outputDir(),
                    "the job could not be started: " + e));
            return;
        }
        running.add(run);
        if (cancelled.getAsBoolean()) {
            run.cancel();
        }
        try {
            listener.finished(p.id(), run.await());
        } finally {
            running.remove(run);
        }
    }
}
