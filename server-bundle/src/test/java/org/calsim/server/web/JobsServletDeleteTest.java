package org.calsim.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.calsim.server.FakeHttp;
import org.calsim.server.queue.Fakes;
import org.calsim.server.queue.JobQueue;
import org.calsim.server.security.RequestGuard;
import org.calsim.server.security.ServerToken;
import org.calsim.server.store.LabStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code DELETE /api/jobs/{id}}: with the token, a job that has ended goes with its files; a queued one stays. */
class JobsServletDeleteTest {
    @TempDir
    Path data;

    @Test
    void anEndedJobIsDeletedWithItsFilesAndOnlyWithTheToken() throws Exception {
        try (LabStore store = new LabStore(data)) {
            Fakes.FakeJobs jobs = new Fakes.FakeJobs();
            JobQueue queue = new JobQueue(store, jobs, null, 1);
            JobsServlet servlet = new JobsServlet(store, queue, new RequestGuard(new ServerToken(data), "127.0.0.1",
                    8080));
            String bearer = "Bearer " + Files.readString(data.resolve(ServerToken.FILE)).trim();
            long running = queue.submit("name: a\n", List.of()).id();
            long queued = queue.submit("name: b\n", List.of()).id();

            FakeHttp.Response r = delete(servlet, queued, null);
            assertEquals(401, r.status, r.text());
            r = delete(servlet, queued, bearer);
            assertEquals(409, r.status, r.text());
            assertTrue(r.text().contains("is queued; cancel it first"), r.text());

            assertTrue(queue.cancel(queued));
            Files.createDirectories(queue.folder(queued));
            Files.writeString(queue.folder(queued).resolve("summary.json"), "{}");
            r = delete(servlet, queued, bearer);
            assertEquals(204, r.status, r.text());
            assertFalse(Files.exists(queue.folder(queued)));
            FakeHttp.Response gone = new FakeHttp.Response();
            servlet.service(FakeHttp.requestAt("GET", "/api/jobs", "/" + queued, "Host", "127.0.0.1:8080"),
                    gone.servlet());
            assertEquals(404, gone.status);
            assertEquals(404, delete(servlet, queued, bearer).status);
            assertTrue(store.job(running).isPresent());
            queue.deactivate();
        }
    }

    private static FakeHttp.Response delete(JobsServlet servlet, long id, String bearer) throws Exception {
        FakeHttp.Response r = new FakeHttp.Response();
        servlet.service(bearer == null
                ? FakeHttp.requestAt("DELETE", "/api/jobs", "/" + id, "Host", "127.0.0.1:8080")
                : FakeHttp.requestAt("DELETE", "/api/jobs", "/" + id, "Host", "127.0.0.1:8080", "Authorization", bearer),
                r.servlet());
        return r;
    }
}
