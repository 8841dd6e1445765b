package org.calsim.server.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.server.queue.Fakes;
import org.calsim.server.queue.InputsTooLargeException;
import org.calsim.server.queue.JobInputs;
import org.calsim.server.queue.JobQueue;
import org.calsim.server.store.LabStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calsim:submitWith FILE INPUTS}: a folder's files, under their paths relative to it, or one file, become the
 * job's inputs; a missing folder, a job naming a file it was not given and too many files are refused, nothing left.
 */
class LabCommandsTest {
    private static final String JOB = "name: scan\nstages:\n  - use: image.load\n    with:\n      file: slices/s0.tif\n";

    @TempDir
    Path data;
    @TempDir
    Path work;

    @Test
    void aFoldersFilesOrOneFileAreTheJobsInputs() throws Exception {
        Fakes.FakeJobs jobs = new Fakes.FakeJobs();
        jobs.checker = Fakes.fileCheck();
        jobs.nanos = TimeUnit.MILLISECONDS.toNanos(10);
        Path job = Files.writeString(work.resolve("scan.yaml"), JOB);
        Path scans = Files.createDirectories(work.resolve("scans/slices"));
        Files.writeString(scans.resolve("s0.tif"), "tiff");
        Files.writeString(scans.resolve("s1.tif"), "tiff");
        Path single = Files.writeString(work.resolve("s0.tif"), "tiff");
        Path one = Files.writeString(work.resolve("one.yaml"), JOB.replace("slices/s0.tif", "s0.tif"));
        try (LabStore store = new LabStore(data)) {
            JobQueue queue = new JobQueue(store, jobs, null, 1, new JobInputs.Limits(1 << 20, 2));
            LabCommands shell = new LabCommands(store, queue, null);
            String answer = shell.submitWith(job.toString(), work.resolve("scans").toString(), "seed=2");
            assertTrue(answer.startsWith("job 1 (scan) queued with 2 input file(s)"), answer);
            assertEquals(List.of("slices/s0.tif", "slices/s1.tif"), JobInputs.names(queue.inputsFolder(1)));
            assertEquals(List.of("seed=2"), store.job(1).orElseThrow().overrides());

            answer = shell.submitWith(one.toString(), single.toString());
            assertTrue(answer.startsWith("job 2 (scan) queued with 1 input file(s)"), answer);
            assertEquals(List.of("s0.tif"), JobInputs.names(queue.inputsFolder(2)));

            assertEquals("inputs", assertThrows(InvalidInputException.class,
                    () -> shell.submitWith(job.toString(), work.resolve("nothing").toString())).field());
            assertEquals("stages[0].with.file", assertThrows(InvalidInputException.class,
                    () -> shell.submitWith(job.toString(), single.toString())).field());
            Files.writeString(scans.resolve("s2.tif"), "tiff");
            assertThrows(InputsTooLargeException.class,
                    () -> shell.submitWith(job.toString(), work.resolve("scans").toString()));
            assertEquals(2, store.jobCount());
            try (var left = Files.list(data.resolve("uploads"))) {
                assertEquals(0, left.count(), "refused submissions leave nothing behind");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!(store.job(1).orElseThrow().ended() && store.job(2).orElseThrow().ended())
                    && System.nanoTime() < deadline) {
                Thread.sleep(5); // not stopped while a job starts
            }
            queue.deactivate();
        }
    }
}
