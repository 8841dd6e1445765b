package org.calsim.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.calsim.server.FakeHttp;
import org.calsim.server.queue.Fakes;
import org.calsim.server.queue.JobQueue;
import org.calsim.server.security.RequestGuard;
import org.calsim.server.security.ServerToken;
import org.calsim.server.store.LabStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event streams are capped: {@value StreamSlots#PER_JOB} per job, then 503 with Retry-After; slots come back. */
class JobsServletEventsTest {
    @TempDir
    Path data;

    @Test
    void streamsOverTheCapPerJobAreRefusedAndSlotsComeBack() throws Exception {
        try (LabStore store = new LabStore(data)) {
            JobQueue queue = new JobQueue(store, new Fakes.FakeJobs(), null, 1); // runs wait 30 s unless cancelled
            JobsServlet servlet = new JobsServlet(store, queue, new RequestGuard(new ServerToken(data), "127.0.0.1",
                    8080));
            long id = queue.submit("name: q\n", List.of()).id();
            List<Thread> open = new ArrayList<>();
            List<FakeHttp.Response> answers = new ArrayList<>();
            for (int k = 0; k < StreamSlots.PER_JOB; k++) {
                FakeHttp.Response r = new FakeHttp.Response();
                answers.add(r);
                Thread t = new Thread(() -> {
                    try {
                        servlet.service(FakeHttp.requestAt("GET", "/api/jobs", "/" + id + "/events", "Host",
                                "127.0.0.1:8080"), r.servlet());
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
                t.start();
                open.add(t);
            }
            for (FakeHttp.Response r : answers) {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!r.text().startsWith("event: ") && System.nanoTime() < end) {
                    Thread.sleep(10);
                }
                assertTrue(r.text().startsWith("event: progress"), r.text());
            }
            FakeHttp.Response refused = new FakeHttp.Response();
            servlet.service(FakeHttp.requestAt("GET", "/api/jobs", "/" + id + "/events", "Host", "127.0.0.1:8080"),
                    refused.servlet());
            assertEquals(503, refused.status, refused.text());
            assertEquals("10", refused.headers.get("retry-after"));
            assertTrue(refused.text().contains("8 per job"), refused.text());

            assertTrue(queue.cancel(id));
            for (Thread t : open) {
                t.join(20_000);
            }
            for (FakeHttp.Response r : answers) {
                assertTrue(r.text().contains("event: end"), r.text());
            }
            FakeHttp.Response again = new FakeHttp.Response();
            servlet.service(FakeHttp.requestAt("GET", "/api/jobs", "/" + id + "/events", "Host", "127.0.0.1:8080"),
                    again.servlet());
            assertEquals(200, again.status);
            assertTrue(again.text().startsWith("event: end"), again.text());
            queue.deactivate();
        }
    }

    @Test
    void theOverallCapHoldsAcrossJobs() {
        StreamSlots slots = new StreamSlots(2, 3);
        assertTrue(slots.take(1));
        assertTrue(slots.take(1));
        assertEquals(false, slots.take(1));
        assertTrue(slots.take(2));
        assertEquals(false, slots.take(3));
        slots.release(1);
        assertTrue(slots.take(3));
        slots.release(2);
        slots.release(2); // a release without a take changes nothing
        assertTrue(slots.take(4));
        assertEquals(false, slots.take(5));
    }
}
