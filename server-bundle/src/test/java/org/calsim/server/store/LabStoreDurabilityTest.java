package org.calsim.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Stored" means stored: a process that inserts jobs and changes states, and dies the moment each call returns
 * (halted: no shutdown hook, no close, as under {@code kill -9}), leaves a database holding every one of them.
 */
class LabStoreDurabilityTest {
    private static final int JOBS = 5;

    @TempDir
    Path data;

    @Test
    void whatAStoreCallReturnedSurvivesTheProcessDyingRightAfter() throws Exception {
        for (int round = 0; round < 3; round++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), InsertAndDie.class.getName(), data.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
            assertEquals(9, p.exitValue(), out);
            try (LabStore store = new LabStore(data)) {
                List<JobRecord> jobs = store.jobs(null, null, 1000);
                assertEquals((round + 1) * JOBS, jobs.size(), out);
                assertEquals("cancelled", jobs.get(0).state(), "the last change before the process died");
                assertEquals("succeeded", jobs.get(1).state(), "a job that ended just before the process died");
            }
        }
    }

    /**
     * Inserts {@value #JOBS} jobs, runs the one before the last to its end (succeeded), cancels the last, and halts the
     * Java VM at once.
     */
    static final class InsertAndDie {
        public static void main(String[] args) throws Exception {
            LabStore store = new LabStore(Path.of(args[0]));
            long id = 0;
            for (int k = 0; k < JOBS; k++) {
                id = store.insert("job" + k, "name: job" + k + "\n", List.of("a=1", "b=2"));
            }
            store.start(id - 1);
            store.end(id - 1, "succeeded", null);
            store.cancelQueued(id);
            System.out.println("stored " + id);
            System.out.flush();
            Runtime.getRuntime().halt(9);
        }
    }
}
