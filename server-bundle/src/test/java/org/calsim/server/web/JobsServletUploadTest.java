package org.calsim.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.calsim.server.FakeHttp;
import org.calsim.server.queue.Fakes;
import org.calsim.server.queue.JobInputs;
import org.calsim.server.queue.JobInputsTest;
import org.calsim.server.queue.JobQueue;
import org.calsim.server.security.RequestGuard;
import org.calsim.server.security.ServerToken;
import org.calsim.server.store.LabStore;
import org.calsim.support.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/jobs} as {@code multipart/form-data}: the job, its overrides and its input files (nested names
 * too) are stored and the job runs on them; its inputs are listed apart from its results and are not in its
 * results.zip. Hostile names, too many files or bytes, a missing job part and a job naming a file it was not given are
 * refused, naming the field or the limit, with nothing left behind.
 */
class JobsServletUploadTest {
    private static final String JOB = "name: scan\nstages:\n  - use: image.load\n    with:\n      file: slices/s0.tif\n";

    @TempDir
    Path data;

    private LabStore store;
    private Fakes.FakeJobs jobs;
    private String bearer;

    @BeforeEach
    void open() throws Exception {
        store = new LabStore(data);
        jobs = new Fakes.FakeJobs();
        jobs.checker = Fakes.fileCheck();
        jobs.nanos = TimeUnit.MILLISECONDS.toNanos(10);
        new ServerToken(data); // creates the token file
        bearer = "Bearer " + Files.readString(data.resolve(ServerToken.FILE)).trim();
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void aJobIsStoredWithItsNestedInputsWhichAreListedApartFromItsResults() throws Exception {
        JobQueue queue = new JobQueue(store, jobs, null, 1);
        JobsServlet servlet = servlet(queue);
        CountDownLatch deleted = new CountDownLatch(5);
        List<Part> parts = List.of(
                FakeHttp.part("job", "scan.yaml", JOB.getBytes(StandardCharsets.UTF_8), deleted), // curl -F job=@…
                FakeHttp.part("set", null, "seed=3".getBytes(StandardCharsets.UTF_8), deleted),
                FakeHttp.part("files", "scan.tif", new byte[] {1, 2}, deleted),
                FakeHttp.part("files", "slices/s0.tif", new byte[] {3}, deleted),
                FakeHttp.part("files", "slices/s1.tif", new byte[] {4}, deleted));
        FakeHttp.Response r = post(servlet, parts, 1000, "set=calendering.line_load_kN_per_m%3D800");
        assertEquals(201, r.status, r.text());
        long id = Json.reader().readTree(r.text()).get("id").asLong();
        assertEquals("/api/jobs/" + id, r.headers.get("location"));
        assertTrue(deleted.await(0, TimeUnit.SECONDS), "every part's temporary file is deleted");
        assertEquals(List.of("calendering.line_load_kN_per_m=800", "seed=3"), store.job(id).orElseThrow().overrides());
        assertEquals(List.of("scan.tif", "slices/s0.tif", "slices/s1.tif"), JobInputs.names(queue.inputsFolder(id)));
        awaitEnded(id);
        assertEquals(queue.inputsFolder(id), jobs.runs.get(0).baseDir());

        Files.writeString(queue.folder(id).resolve("summary.json"), "{}"); // a result
        FakeHttp.Response shown = get(servlet, "/" + id);
        JsonNode job = Json.reader().readTree(shown.text());
        assertEquals("[\"summary.json\"]", job.get("files").toString());
        assertEquals("[\"scan.tif\",\"slices/s0.tif\",\"slices/s1.tif\"]", job.get("inputs").toString());
        FakeHttp.Response input = get(servlet, "/" + id + "/files/inputs/slices/s1.tif");
        assertEquals(200, input.status, input.text());
        assertEquals(4, input.body.toByteArray()[0]);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ResultsZip.write(queue.folder(id), "job/", zip);
        assertEquals(List.of("job/summary.json"), entries(zip.toByteArray()));
        assertFalse(job.has("error"), job.toString());
        assertEmpty(data.resolve("uploads"));
        queue.deactivate();
    }

    @Test
    void aJobWithoutInputsHasNoInputsList() throws Exception {
        JobQueue queue = new JobQueue(store, jobs, null, 1);
        JobsServlet servlet = servlet(queue);
        FakeHttp.Response r = post(servlet, List.of(FakeHttp.field("job", "name: q\n")), 100, null);
        assertEquals(201, r.status, r.text());
        long id = Json.reader().readTree(r.text()).get("id").asLong();
        awaitEnded(id);
        assertEquals(queue.folder(id), jobs.runs.get(0).baseDir());
        assertFalse(Json.reader().readTree(get(servlet, "/" + id).text()).has("inputs"));
        queue.deactivate();
    }

    @Test
    void everyHostileNameIsRefusedNamingThePartAndNothingIsLeft() throws Exception {
        JobQueue queue = new JobQueue(store, jobs, null, 1);
        JobsServlet servlet = servlet(queue);
        for (String name : JobInputsTest.HOSTILE) {
            CountDownLatch deleted = new CountDownLatch(3);
            List<Part> parts = List.of(FakeHttp.part("job", null, JOB.getBytes(StandardCharsets.UTF_8), deleted),
                    FakeHttp.part("slices", "slices/s0.tif", new byte[] {1}, deleted), // placed, then removed
                    FakeHttp.part("slices", name, "SECRET-CONTENT".getBytes(StandardCharsets.UTF_8), deleted));
            FakeHttp.Response r = post(servlet, parts, 500, null);
            assertEquals(400, r.status, name + ": " + r.text());
            JsonNode error = Json.reader().readTree(r.text());
            assertEquals("slices", error.get("field").asText(), r.text());
            assertEquals(name, error.get("value").asText(), r.text());
            assertTrue(error.get("allowed").asText().startsWith("a relative path inside the job's inputs folder"));
            assertFalse(r.text().contains("SECRET-CONTENT"));
            assertTrue(deleted.await(0, TimeUnit.SECONDS), name);
        }
        assertEquals(0, store.jobCount());
        assertEmpty(data.resolve("uploads"));
        assertFalse(Files.exists(data.resolve("jobs")));
        queue.deactivate();
    }

    @Test
    void tooManyBytesOrFilesAre413NamingTheLimitAndAnUnannouncedLengthIs411() throws Exception {
        JobQueue queue = new JobQueue(store, jobs, null, 1, new JobInputs.Limits(300, 2));
        JobsServlet servlet = servlet(queue);
        List<Part> three = List.of(FakeHttp.field("job", JOB), FakeHttp.file("files", "slices/s0.tif", "a"),
                FakeHttp.file("files", "slices/s1.tif", "b"), FakeHttp.file("files", "slices/s2.tif", "c"));
        FakeHttp.Response r = post(servlet, three, 301, null);
        assertEquals(413, r.status, r.text());
        assertTrue(r.text().contains("at most 300 bytes") && r.text().contains("upload.max.bytes"), r.text());
        r = post(servlet, three, 300, null);
        assertEquals(413, r.status, r.text());
        assertTrue(r.text().contains("at most 2 input files") && r.text().contains("upload.max.files"), r.text());
        r = post(servlet, three, -1, null);
        assertEquals(411, r.status, r.text());
        r = post(servlet, List.of(FakeHttp.field("job", "#".repeat(JobsServlet.MAX_JOB_BYTES + 1))), 300, null);
        assertEquals(413, r.status, r.text());
        r = post(servlet, three.subList(0, 3), 300, null);
        assertEquals(201, r.status, r.text());
        assertEquals(1, store.jobCount());
        awaitEnded(Json.reader().readTree(r.text()).get("id").asLong()); // not stopped while it starts
        assertEmpty(data.resolve("uploads"));
        queue.deactivate();
    }

    @Test
    void aMissingJobAnUnknownFieldOrAFileTheJobNamesButWasNotGivenIsRefused() throws Exception {
        JobQueue queue = new JobQueue(store, jobs, null, 1);
        JobsServlet servlet = servlet(queue);
        FakeHttp.Response r = post(servlet, List.of(FakeHttp.file("files", "slices/s0.tif", "a")), 100, null);
        assertEquals(400, r.status, r.text());
        assertEquals("job", Json.reader().readTree(r.text()).get("field").asText());
        r = post(servlet, List.of(FakeHttp.field("job", JOB), FakeHttp.field("seed", "2")), 100, null);
        assertEquals(400, r.status, r.text());
        assertEquals("seed", Json.reader().readTree(r.text()).get("field").asText());
        r = post(servlet, List.of(FakeHttp.field("job", JOB), FakeHttp.file("files", "slice/s0.tif", "a")), 100,
                null);
        assertEquals(400, r.status, r.text());
        assertEquals("stages[0].with.file", Json.reader().readTree(r.text()).get("field").asText(), r.text());
        r = post(servlet, List.of(FakeHttp.field("job", JOB.replace("slices/s0.tif", "../../token")),
                FakeHttp.file("files", "slices/s0.tif", "a")), 100, null);
        assertEquals(400, r.status, r.text());
        assertEquals("stages[0].with.file", Json.reader().readTree(r.text()).get("field").asText(), r.text());
        assertEquals(0, store.jobCount());
        assertEmpty(data.resolve("uploads"));
        assertFalse(Files.exists(data.resolve("jobs")));
        queue.deactivate();
    }

    @Test
    void aBodyWithMorePartsThanTheContainerReadsIs413AndAMalformedOne400() throws Exception {
        JobQueue queue = new JobQueue(store, jobs, null, 1);
        JobsServlet servlet = servlet(queue);
        for (Exception parsing : List.of(new IOException("Error parsing multipart request",
                new FileCountLimitExceededException()), new IOException("Stream ended unexpectedly"))) {
            HttpServletRequest request = FakeHttp.multipart("POST", "/api/jobs", null, List.of(), "Host",
                    "127.0.0.1:8080", "Authorization", bearer, "Content-Type", "multipart/form-data; boundary=x",
                    "Content-Length", "100");
            HttpServletRequest failing = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> {
                        if (m.getName().equals("getParts")) {
                            throw parsing; // as the container does when it parses the body
                        }
                        return m.invoke(request, args);
                    });
            FakeHttp.Response r = new FakeHttp.Response();
            servlet.service(failing, r.servlet());
            if (parsing.getCause() != null) {
                assertEquals(413, r.status, r.text());
                assertTrue(r.text().contains("more parts than the " + JobUpload.MAX_PARTS), r.text());
            } else {
                assertEquals(400, r.status, r.text());
                assertTrue(r.text().contains("not a readable multipart/form-data"), r.text());
            }
        }
        assertEquals(0, store.jobCount());
        queue.deactivate();
    }

    /** What Felix HTTP's multipart parser throws, wrapped, for a body of more parts than it reads. */
    private static final class FileCountLimitExceededException extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private JobsServlet servlet(JobQueue queue) throws Exception {
        return new JobsServlet(store, queue, new RequestGuard(new ServerToken(data), "127.0.0.1", 8080));
    }

    /** @return the answer to a multipart POST of {@code parts} announcing {@code length} bytes (−1: none) */
    private FakeHttp.Response post(JobsServlet servlet, List<Part> parts, long length, String query) throws Exception {
        List<String> headers = new ArrayList<>(List.of("Host", "127.0.0.1:8080", "Authorization", bearer,
                "Content-Type", "multipart/form-data; boundary=xyz"));
        if (length >= 0) {
            headers.addAll(List.of("Content-Length", Long.toString(length)));
        }
        if (query != null) {
            headers.addAll(List.of(":query", query));
        }
        FakeHttp.Response r = new FakeHttp.Response();
        servlet.service(FakeHttp.multipart("POST", "/api/jobs", null, parts, headers.toArray(String[]::new)),
                r.servlet());
        return r;
    }

    private static FakeHttp.Response get(JobsServlet servlet, String path) throws Exception {
        FakeHttp.Response r = new FakeHttp.Response();
        servlet.service(FakeHttp.requestAt("GET", "/api/jobs", path, "Host", "127.0.0.1:8080"), r.servlet());
        return r;
    }

    private void awaitEnded(long id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!store.job(id).orElseThrow().ended() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(store.job(id).orElseThrow().ended());
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static void assertEmpty(Path folder) throws Exception {
        try (var left = Files.list(folder)) {
            assertEquals(List.of(), left.toList());
        }
    }
}
