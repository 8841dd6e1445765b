package org.calsim.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.calsim.api.job.JobRequest;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.server.store.JobRecord;
import org.calsim.server.store.LabStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job submitted with input files: checked against its staged files, stored with them in
 * {@code <data>/jobs/<id>/inputs/}, run (also after a restart) with that folder as its base folder and its own folder
 * for results, and deleted with them. A job naming a file it was not given is refused with nothing stored.
 */
class JobQueueInputsTest {
    private static final String JOB = "name: scan\nstages:\n  - use: image.load\n    with:\n      file: slices/s0.tif\n";
    /** A job run again after a restart without stages to look up for resuming (these queues have no bundles). */
    private static final String NO_STAGES = "name: scan\nimage:\n  file: slices/s0.tif\n";

    @TempDir
    Path data;

    @Test
    void aJobRunsWithItsInputsAsBaseFolderAndItsOwnFolderForResults() throws Exception {
        Fakes.FakeJobs jobs = new Fakes.FakeJobs();
        jobs.checker = Fakes.fileCheck();
        jobs.nanos = TimeUnit.MILLISECONDS.toNanos(10);
        try (LabStore store = new LabStore(data)) {
            JobQueue queue = new JobQueue(store, jobs, null, 1);
            long id;
            try (JobInputs inputs = queue.stageInputs()) {
                Files.writeString(inputs.place("files", "slices/s0.tif", 4), "tiff");
                Files.writeString(inputs.place("files", "slices/s1.tif", 4), "tiff");
                id = queue.submit(JOB, List.of("seed=2"), inputs).id();
            }
            assertEquals("succeeded", awaitEnd(store, id).state());
            JobRequest run = jobs.runs.get(0);
            assertEquals(queue.folder(id).resolve("inputs"), run.baseDir());
            assertEquals(queue.folder(id), run.outputDir());
            assertEquals(List.of("seed=2"), run.overrides());
            assertEquals(List.of("slices/s0.tif", "slices/s1.tif"), JobInputs.names(queue.inputsFolder(id)));
            assertEmpty(data.resolve("uploads"));
            queue.deactivate();
        }
    }

    @Test
    void aJobWithoutFilesRunsInItsOwnFolderAsBefore() throws Exception {
        Fakes.FakeJobs jobs = new Fakes.FakeJobs();
        jobs.nanos = TimeUnit.MILLISECONDS.toNanos(10);
        try (LabStore store = new LabStore(data)) {
            JobQueue queue = new JobQueue(store, jobs, null, 1);
            long id;
            try (JobInputs none = queue.stageInputs()) {
                id = queue.submit("name: q\n", List.of(), none).id();
            }
            awaitEnd(store, id);
            assertEquals(queue.folder(id), jobs.runs.get(0).baseDir());
            assertFalse(Files.exists(queue.inputsFolder(id)));
            assertEmpty(data.resolve("uploads"));
            queue.deactivate();
        }
    }

    @Test
    void aJobNamingAFileItWasNotGivenIsRefusedAndNothingIsStored() throws Exception {
        Fakes.FakeJobs jobs = new Fakes.FakeJobs();
        jobs.checker = Fakes.fileCheck();
        try (LabStore store = new LabStore(data)) {
            JobQueue queue = new JobQueue(store, jobs, null, 1);
            for (String job : List.of(JOB, JOB.replace("slices/s0.tif", "../../token"))) {
                try (JobInputs inputs = queue.stageInputs()) {
                    Files.writeString(inputs.place("files", "slice/s0.tif", 4), "tiff"); // misnamed folder
                    InvalidInputException e = assertThrows(InvalidInputException.class,
                            () -> queue.submit(job, List.of(), inputs));
                    assertEquals("stages[0].with.file", e.field());
                }
            }
            assertEquals(0, store.jobCount());
            assertEmpty(data.resolve("uploads"));
            assertFalse(Files.exists(data.resolve("jobs")), "no job folder");
            queue.deactivate();
        }
    }

    @Test
    void afterARestartTheJobRunsAgainWithItsInputsAndDeletingItRemovesThem() throws Exception {
        Fakes.FakeJobs jobs = new Fakes.FakeJobs(); // runs take 30 s: the job is running when the server stops
        jobs.checker = Fakes.fileCheck();
        long id;
        try (LabStore store = new LabStore(data)) {
            JobQueue queue = new JobQueue(store, jobs, null, 1);
            try (JobInputs inputs = queue.stageInputs()) {
                Files.writeString(inputs.place("files", "slices/s0.tif", 4), "tiff");
                id = queue.submit(NO_STAGES, List.of(), inputs).id();
            }
            awaitState(store, id, "running");
            Files.writeString(queue.folder(id).resolve("summary.json"), "{}"); // what the first run wrote
            queue.deactivate(); // a clean stop: back in the queue
        }
        // what a submission being uploaded when the server stopped left behind
        Files.createDirectories(data.resolve("uploads/job-123/slices"));
        Fakes.FakeJobs again = new Fakes.FakeJobs();
        again.nanos = TimeUnit.MILLISECONDS.toNanos(10);
        try (LabStore store = new LabStore(data)) {
            JobQueue queue = new JobQueue(store, again, null, 1);
            assertFalse(Files.exists(data.resolve("uploads/job-123")), "removed at the start");
            assertEquals("succeeded", awaitEnd(store, id).state());
            assertEquals(queue.inputsFolder(id), again.runs.get(0).baseDir());
            assertEquals(queue.folder(id), again.runs.get(0).outputDir());
            assertTrue(Files.isRegularFile(queue.inputsFolder(id).resolve("slices/s0.tif")), "kept for the resumed run");
            assertFalse(Files.exists(queue.folder(id).resolve("summary.json")), "the first run's results are cleared");

            assertTrue(queue.delete(id));
            assertFalse(Files.exists(queue.folder(id)), "deleted with its inputs");
            queue.deactivate();
        }
    }

    private static JobRecord awaitEnd(LabStore store, long id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JobRecord r = store.job(id).orElseThrow();
        while (!r.ended() && System.nanoTime() < deadline) {
            Thread.sleep(5);
            r = store.job(id).orElseThrow();
        }
        assertTrue(r.ended(), "job " + id + " is still " + r.state());
        return r;
    }

    private static void awaitState(LabStore store, long id, String state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!store.job(id).orElseThrow().state().equals(state) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(state, store.job(id).orElseThrow().state());
    }

    private static void assertEmpty(Path folder) throws Exception {
        try (var left = Files.list(folder)) {
            assertEquals(List.of(), left.toList());
        }
    }
}
