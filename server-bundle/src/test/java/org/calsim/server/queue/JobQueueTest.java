package org.calsim.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.calsim.server.store.JobRecord;
import org.calsim.server.store.LabStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue's decisions on the stored state: a cancel racing a job's start or its end either cancels the job (and is
 * answered true) or is refused because the job ended (and the job keeps its state); a job that was running at three
 * stops without a clean shutdown is failed instead of run again.
 */
class JobQueueTest {
    private static final String JOB = "name: q\n";

    @TempDir
    Path data;

    @Test
    void aCancelWhileTheJobIsStartingCancelsIt() throws Exception {
        Fakes.FakeJobs jobs = new Fakes.FakeJobs();
        jobs.hold = new CountDownLatch(1);
        jobs.nanos = TimeUnit.MILLISECONDS.toNanos(200); // succeeds unless the cancel reaches it
        try (LabStore store = new LabStore(data)) {
            JobQueue queue = new JobQueue(store, jobs, null, 1);
            long id = queue.submit(JOB, List.of()).id();
            assertTrue(jobs.inSubmit.await(10, TimeUnit.SECONDS)); // taken from the queue, its run not created yet
            assertTrue(queue.cancel(id));
            jobs.hold.countDown();
            assertEquals("cancelled", awaitEnd(store, id).state());
            queue.deactivate();
        }
    }

    @Test
    void everyCancelAnsweredTrueCancelsAndNoFinishedJobIsReportedCancelled() throws Exception {
        Fakes.FakeJobs jobs = new Fakes.FakeJobs();
        jobs.randomLength = true; // 0 to 2 ms: cancels land before, during and after the start and the end
        Random random = new Random(5);
        try (LabStore store = new LabStore(data)) {
            JobQueue queue = new JobQueue(store, jobs, null, 2);
            List<Long> ids = new ArrayList<>();
            List<Boolean> answers = new ArrayList<>();
            for (int k = 0; k < 150; k++) {
                long id = queue.submit(JOB, List.of()).id();
                while (store.job(id).orElseThrow().state().equals("queued")) {
                    Thread.onSpinWait(); // cancels of queued jobs are tested above; these race the run and its end
                }
                Thread.sleep(0, random.nextInt(999_999));
                ids.add(id);
                answers.add(queue.cancel(id));
            }
            for (int k = 0; k < ids.size(); k++) {
                JobRecord r = awaitEnd(store, ids.get(k));
                if (answers.get(k)) {
                    assertEquals("cancelled", r.state(), "job " + r.id() + ": cancel answered true");
                } else {
                    assertEquals("succeeded", r.state(), "job " + r.id() + ": cancel refused");
                }
            }
            assertTrue(answers.contains(true) && answers.contains(false), answers.toString());
            queue.deactivate();
        }
    }

    @Test
    void aJobRunningAtThreeUncleanStopsFailsInsteadOfRunningAgain() throws Exception {
        Fakes.FakeJobs jobs = new Fakes.FakeJobs(); // runs take 30 s: the job is running when the "crash" comes
        long id;
        try (LabStore store = new LabStore(data)) {
            id = store.insert("q", JOB, List.of());
        }
        for (int start = 1; start <= JobQueue.MAX_CRASHES + 1; start++) {
            LabStore store = new LabStore(data);
            JobQueue queue = new JobQueue(store, jobs, null, 1);
            if (start == JobQueue.MAX_CRASHES + 1) {
                JobRecord r = store.job(id).orElseThrow();
                assertEquals("failed", r.state());
                assertTrue(r.error().contains("stopped without a clean shutdown while this job ran, 3 times"), r.error());
                queue.deactivate();
                store.close();
                break;
            }
            awaitState(store, id, "running");
            // a crash: the database is closed with the job running, before the queue could put it back
            store.close();
            queue.deactivate(); // ends the abandoned worker; it can no longer write
            assertEquals(start, attempts(id));
        }
    }

    @Test
    void aCleanStopPutsTheRunningJobBackWithoutCountingACrash() throws Exception {
        Fakes.FakeJobs jobs = new Fakes.FakeJobs();
        long id;
        for (int start = 0; start < JobQueue.MAX_CRASHES + 1; start++) {
            try (LabStore store = new LabStore(data)) {
                JobQueue queue = new JobQueue(store, jobs, null, 1);
                if (start == 0) {
                    queue.submit(JOB, List.of());
                }
                id = store.jobs(null, null, 1).get(0).id();
                awaitState(store, id, "running");
                queue.deactivate();
                assertEquals("queued", store.job(id).orElseThrow().state());
            }
        }
    }

    @Test
    void oldEndedJobsAreDeletedWithTheirFoldersAndRunningOnesKept() throws Exception {
        Fakes.FakeJobs jobs = new Fakes.FakeJobs(); // runs wait 30 s unless cancelled
        try (LabStore store = new LabStore(data)) {
            JobQueue queue = new JobQueue(store, jobs, null, 1);
            long running = queue.submit(JOB, List.of()).id();
            long cancelled = queue.submit(JOB, List.of()).id();
            awaitState(store, running, "running");
            assertTrue(queue.cancel(cancelled));
            java.nio.file.Files.createDirectories(queue.folder(cancelled).resolve("dem.calender"));
            java.nio.file.Files.writeString(queue.folder(cancelled).resolve("dem.calender/a.vtp"), "x");
            assertEquals(0, queue.deleteEndedBefore(java.time.Instant.now().minusSeconds(3600)));
            assertEquals(1, queue.deleteEndedBefore(java.time.Instant.now().plusSeconds(1)));
            assertTrue(store.job(cancelled).isEmpty());
            assertTrue(!java.nio.file.Files.exists(queue.folder(cancelled)));
            assertEquals("running", store.job(running).orElseThrow().state());
            assertEquals(false, queue.delete(running));
            queue.deactivate();
        }
    }

    private int attempts(long id) throws Exception {
        try (LabStore store = new LabStore(data)) {
            return store.job(id).orElseThrow().attempts();
        }
    }

    private static JobRecord awaitEnd(LabStore store, long id) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            JobRecord r = store.job(id).orElseThrow();
            if (r.ended()) {
                return r;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("job " + id + " did not end: " + store.job(id));
    }

    private static void awaitState(LabStore store, long id, String state) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!store.job(id).orElseThrow().state().equals(state)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("job " + id + " is not " + state + ": " + store.job(id));
            }
            Thread.sleep(5);
        }
    }
}
