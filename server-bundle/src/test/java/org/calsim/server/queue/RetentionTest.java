package org.calsim.server.queue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.calsim.server.store.LabStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --keep-days 1}: a job that ended two days ago goes at the start, with its folder; a recent one stays. */
class RetentionTest {
    @TempDir
    Path data;

    @Test
    void jobsEndedLongerAgoThanKeepDaysAreDeletedAtTheStart() throws Exception {
        try (LabStore store = new LabStore(data)) {
            JobQueue queue = new JobQueue(store, new Fakes.FakeJobs(), null, 1);
            long running = queue.submit("name: a\n", List.of()).id();
            long old = queue.submit("name: b\n", List.of()).id();
            long recent = queue.submit("name: c\n", List.of()).id();
            assertTrue(queue.cancel(old));
            assertTrue(queue.cancel(recent));
            Files.createDirectories(queue.folder(old));
            try (Connection c = new org.h2.Driver().connect("jdbc:h2:file:" + data.resolve("calsim"), new Properties());
                 Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE jobs SET finished = DATEADD('DAY', -2, finished) WHERE id = " + old);
            }
            Retention retention = new Retention(queue, keepDays(1));
            long end = System.nanoTime() + 10_000_000_000L;
            // the row goes first, then the folder
            while ((store.job(old).isPresent() || Files.exists(queue.folder(old))) && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertTrue(store.job(old).isEmpty());
            assertTrue(!Files.exists(queue.folder(old)));
            assertTrue(store.job(recent).isPresent());
            assertTrue(store.job(running).isPresent());
            retention.deactivate();
            queue.deactivate();
        }
    }

    private static Retention.Config keepDays(int days) {
        return new Retention.Config() {
            @Override
            public int keep_days() {
                return days;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return Retention.Config.class;
            }
        };
    }
}
