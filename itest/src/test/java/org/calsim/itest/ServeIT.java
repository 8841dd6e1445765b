package org.calsim.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calsim serve} on the exported container jar: the health endpoint and the start page answer on
 * 127.0.0.1, SIGTERM stops the framework so that the database is closed cleanly, a server killed with SIGKILL
 * leaves a database the next server opens, and a bad port or upload limit is refused before anything starts.
 */
class ServeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void servesHealthAndStartPageStopsCleanlyAndReopensAfterAKill() throws Exception {
        Path data = dir.resolve("lab");
        int port = freePort();
        String base = "http://127.0.0.1:" + port + "/";

        Process first = start(dir.resolve("first"), port, data);
        try {
            HttpResponse<String> health = get(base + "api/health");
            assertEquals(200, health.statusCode(), health.body());
            JsonNode body = JSON.readTree(health.body());
            assertEquals("ok", body.get("status").asText());
            assertEquals(0, body.get("jobs").asInt());
            assertTrue(body.get("services").asInt() > 10, health.body());
            HttpResponse<String> page = get(base);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("calsim lab server"), page.body());
            assertEquals(200, get(base + "static/index.html").statusCode());
            assertEquals(404, get(base + "nothing-here").statusCode());
            // a clean start: calsim's own lines on stdout, nothing on stderr (no Jetty or Felix HTTP notices)
            assertEquals("", Files.readString(dir.resolve("first/stderr.txt")).strip());
        } finally {
            first.destroy(); // SIGTERM
        }
        assertTrue(first.waitFor(60, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        // H2 marks its file header "clean" only when the database is closed, i.e. when the framework was stopped
        assertTrue(header(data.resolve("calsim.mv.db")).contains("clean:1"), header(data.resolve("calsim.mv.db")));

        Process second = start(dir.resolve("second"), port, data);
        second.destroyForcibly(); // SIGKILL: no shutdown hook, the database stays open
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));

        Process third = start(dir.resolve("third"), port, data);
        try {
            assertEquals(200, get(base + "api/health").statusCode());
        } finally {
            third.destroy();
            assertTrue(third.waitFor(60, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        }
    }

    @Test
    void aPortOutOfRangeIsRefusedAndNamed() throws Exception {
        Calsim.Result r = Calsim.run(dir, "serve", "--port", "99999", "--data", dir.resolve("lab").toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("--port 99999 is not allowed; expected a TCP port from 1 to 65535"), r.err());
        r = Calsim.run(dir, "serve", "--keep-days", "-1", "--data", dir.resolve("lab").toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("--keep-days -1 is not allowed; expected a whole number of days from 0"), r.err());
        r = Calsim.run(dir, "serve", "--upload-max-files", "0", "--data", dir.resolve("lab").toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("--upload-max-files 0 is not allowed; expected a whole number from 1 to 100000"),
                r.err());
    }

    private static Process start(Path runDir, int port, Path data) throws IOException, InterruptedException {
        return Calsim.serve(runDir, port, data);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        return Calsim.freePort();
    }

    /** @return the text header at the start of an H2 MVStore file */
    private static String header(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(256), StandardCharsets.ISO_8859_1).trim();
        }
    }
}
