package org.calsim.itest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab server's REST API against a running {@code calsim serve} on loopback: submit, poll to completion, download
 * a plot and the zip, the event stream, a bad job file (400 naming the field), a missing token (401), paths that try
 * to leave the results folder (404), a job uploaded with its input files (a folder of TIFF slices, as a multipart
 * form) run through {@code image.load} and {@code fem.microstructure}, hostile input names, cancelling a queued and a
 * running job, the registry, deploying and undeploying the example plugin, swap errors, the OpenAPI description, and
 * jobs kept across a restart.
 */
class LabServerApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private String base;
    private String token;

    @Test
    void submitWatchDownloadCancelDeployAndRestart() throws Exception {
        Path data = dir.resolve("lab");
        int port = Calsim.freePort();
        base = "http://127.0.0.1:" + port;
        Process server = Calsim.serve(dir.resolve("run1"), port, data);
        long uploaded;
        try {
            token = Files.readString(data.resolve("token")).trim();
            assertEquals(64, token.length());
            assertTrue(Files.readString(dir.resolve("run1/stdout.txt")).contains(token), "shown on the first start");

            JsonNode api = JSON.readTree(get("/api/openapi.json").body());
            assertEquals("3.0.3", api.get("openapi").asText());
            assertTrue(api.get("paths").has("/api/jobs/{id}/events"));

            String job = Files.readString(Calsim.home().resolve("examples/ml/empirical-chain.yaml"));
            HttpResponse<String> noToken = send(HttpRequest.newBuilder(uri("/api/jobs"))
                    .POST(HttpRequest.BodyPublishers.ofString(job)));
            assertEquals(401, noToken.statusCode(), noToken.body());

            HttpResponse<String> bad = post("/api/jobs", job.replace("initial_porosity: 0.48", "initial_porosity: 1.5"));
            assertEquals(400, bad.statusCode(), bad.body());
            assertEquals("recipe.initial_porosity", JSON.readTree(bad.body()).get("field").asText(), bad.body());

            // issue 17: a job's files stay in its own folder; neither /etc/passwd nor the token next to the jobs
            // folder is read, and nothing of them comes back
            for (String file : new String[] {"/etc/passwd", "../../token", "../check/../../token"}) {
                HttpResponse<String> leak = post("/api/jobs", job.replaceFirst("a: 1\\.02\\s+b: -0\\.53",
                        "fit_csv: '" + file + "'"));
                assertEquals(400, leak.statusCode(), leak.body());
                assertEquals("stages[2].with.fit_csv", JSON.readTree(leak.body()).get("field").asText(), leak.body());
                assertFalse(leak.body().contains("root:") || leak.body().contains(token), leak.body());
                assertTrue(leak.body().contains("relative to the job's folder"), leak.body());
            }

            HttpResponse<String> created = post("/api/jobs?set=calendering.line_load_kN_per_m=800", job);
            assertEquals(201, created.statusCode(), created.body());
            long id = JSON.readTree(created.body()).get("id").asLong();
            JsonNode done = awaitEnd(id);
            assertEquals("succeeded", done.get("state").asText(), done.toString());
            assertEquals(800, done.at("/summary/stages/0/results/line_load_kN_per_m/value").asDouble(), 1e-9);
            List<String> files = new ArrayList<>();
            done.get("files").forEach(f -> files.add(f.asText()));
            String plot = files.stream().filter(f -> f.endsWith(".png")).findFirst().orElseThrow();
            HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(uri("/api/jobs/" + id + "/files/" + plot))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, png.statusCode());
            assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
            assertEquals(0x89, png.body()[0] & 0xff);
            HttpResponse<byte[]> zip = http.send(HttpRequest.newBuilder(uri("/api/jobs/" + id + "/results.zip"))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, zip.statusCode());
            assertTrue(zipEntries(zip.body()).contains("job-" + id + "/summary.json"));
            HttpResponse<String> events = get("/api/jobs/" + id + "/events");
            assertTrue(events.body().startsWith("event: end\ndata: {"), events.body());

            // Jetty answers an ambiguous path with 400 and closes the connection; a client of their own keeps those
            // connections out of the pool the later requests use (the JDK client once sent the next POST on one:
            // "header parser received no bytes")
            HttpClient hostile = HttpClient.newHttpClient();
            for (String escape : new String[] {"/../../token", "/..%2F..%2Ftoken", "/%2e%2e/%2e%2e/token",
                "/../../../../../etc/passwd"}) {
                HttpResponse<String> r = hostile.send(HttpRequest.newBuilder(uri("/api/jobs/" + id + "/files" + escape))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(r.statusCode() == 404 || r.statusCode() == 400, escape + ": " + r.statusCode());
                assertFalse(r.body().contains(token), escape);
            }

            uploaded = uploadSlicesAndRunThem(data);

            // cancelling: a running DEM job stops at its next step; with 2 workers busy a third job waits and is
            // cancelled before it starts
            String quickstart = Files.readString(Calsim.home().resolve("examples/quickstart.yaml"));
            long running = JSON.readTree(post("/api/jobs", quickstart).body()).get("id").asLong();
            long second = JSON.readTree(post("/api/jobs", quickstart).body()).get("id").asLong();
            long queued = JSON.readTree(post("/api/jobs", quickstart).body()).get("id").asLong();
            assertEquals("queued", JSON.readTree(get("/api/jobs/" + queued).body()).get("state").asText());
            HttpResponse<String> cancelQueued = post("/api/jobs/" + queued + "/cancel", "");
            assertEquals(202, cancelQueued.statusCode(), cancelQueued.body());
            assertEquals("cancelled", JSON.readTree(get("/api/jobs/" + queued).body()).get("state").asText());
            awaitState(running, "running");
            assertEquals(202, post("/api/jobs/" + running + "/cancel", "").statusCode());
            assertEquals(202, post("/api/jobs/" + second + "/cancel", "").statusCode());
            assertEquals("cancelled", awaitEnd(running).get("state").asText());
            assertEquals("cancelled", awaitEnd(second).get("state").asText());
            assertEquals(409, post("/api/jobs/" + running + "/cancel", "").statusCode());
            JsonNode list = JSON.readTree(get("/api/jobs?state=cancelled").body());
            assertEquals(3, list.size(), list.toString());
            assertEquals(400, get("/api/jobs?state=finished").statusCode());

            JsonNode registry = JSON.readTree(get("/api/registry").body());
            assertTrue(registry.get("services").toString().contains("\"empirical.porosity\""));
            assertTrue(registry.get("bundles").toString().contains("\"org.calsim.server\""));

            // refused uploads on the client of their own too: Jetty may answer before it has read the body and close
            // the connection (the next POST on it once failed the same way, at the authorised deploy below)
            HttpResponse<String> notAJar = hostile.send(authorised("/api/bundles")
                    .POST(HttpRequest.BodyPublishers.ofString("not a jar")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, notAJar.statusCode());
            byte[] plugin = Files.readAllBytes(Path.of(System.getProperty("calsim.plugin.jar")));
            HttpResponse<String> noTokenDeploy = hostile.send(HttpRequest.newBuilder(uri("/api/bundles"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(plugin)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, noTokenDeploy.statusCode());
            HttpResponse<String> deployed = send(authorised("/api/bundles")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(plugin)));
            assertEquals(201, deployed.statusCode(), deployed.body());
            String bsn = JSON.readTree(deployed.body()).get("symbolic_name").asText();
            // the answer waits for the plugin's component too (SCR reads a bundle after it is active): no polling
            assertTrue(get("/api/registry").body().contains("\"walton-braun\""), "listed once deployed");
            HttpResponse<String> swapUnknown = post("/api/swap", "{\"name\":\"no-such-law\",\"implementation\":\"x\"}");
            assertEquals(400, swapUnknown.statusCode(), swapUnknown.body());
            HttpResponse<String> swapWrong = post("/api/swap", "{\"name\":\"walton-braun\",\"implementation\":\"x\"}");
            assertEquals(400, swapWrong.statusCode(), swapWrong.body());
            assertEquals("implementation", JSON.readTree(swapWrong.body()).get("field").asText());
            // a second implementation of the same name (the plugin under another bundle, component and PID), then the
            // swap to it: its component gets the highest ranking, so walton-braun resolves to it
            HttpResponse<String> copy = send(authorised("/api/bundles")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(copyOfPlugin(plugin))));
            assertEquals(201, copy.statusCode(), copy.body());
            String copyState = JSON.readTree(copy.body()).path("components").path(COPY_COMPONENT).asText();
            assertTrue(copyState.equals("satisfied") || copyState.equals("active"), copy.body());
            HttpResponse<String> swapped = post("/api/swap",
                    "{\"name\":\"walton-braun\",\"implementation\":\"" + COPY_COMPONENT + "\"}");
            assertEquals(200, swapped.statusCode(), swapped.body());
            assertEquals(101, JSON.readTree(swapped.body()).get("ranking").asInt());
            JsonNode best = null;
            for (JsonNode s : JSON.readTree(get("/api/registry").body()).get("services")) {
                if (s.get("name").asText().equals("walton-braun")
                        && (best == null || s.get("ranking").asInt() > best.get("ranking").asInt())) {
                    best = s;
                }
            }
            assertEquals(COPY_COMPONENT, best.get("implementation").asText(), String.valueOf(best));
            assertEquals(204, send(authorised("/api/bundles/" + COPY_BUNDLE).DELETE()).statusCode());
            assertEquals(204, send(authorised("/api/bundles/" + bsn).DELETE()).statusCode());
            assertFalse(get("/api/registry").body().contains("\"walton-braun\""));
        } finally {
            server.destroy();
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        }

        Process again = Calsim.serve(dir.resolve("run2"), port, data, "--upload-max-files", "3");
        try {
            JsonNode jobs = JSON.readTree(get("/api/jobs").body());
            assertEquals(5, jobs.size(), jobs.toString());
            assertEquals("succeeded", jobs.get(4).get("state").asText());
            JsonNode kept = JSON.readTree(get("/api/jobs/" + uploaded).body());
            assertEquals(SLICES, kept.get("inputs").size(), kept.toString());
            List<Part> tooMany = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                tooMany.add(new Part("files", "slice_" + k + ".tif", new byte[] {1}));
            }
            tooMany.add(new Part("job", null, kept.get("source").asText().getBytes(UTF_8)));
            HttpResponse<String> refused = postForm("/api/jobs", tooMany);
            assertEquals(413, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("at most 3 input files") && refused.body().contains("upload.max.files"),
                    refused.body());
            assertFalse(Files.readString(dir.resolve("run2/stdout.txt")).contains(token), "the token is shown once");
        } finally {
            again.destroy();
            assertTrue(again.waitFor(60, TimeUnit.SECONDS));
        }
    }

    private static final int SLICES = 12;

    /**
     * Issue 19: a folder of TIFF slices written here (12 x 12 x 12 voxels: straight pore channels, CBD walls, AM)
     * uploaded with its job as {@code multipart/form-data}, each slice under its relative name; the job reads it with
     * {@code image.load} ({@code tiff_slices}) and runs {@code fem.microstructure}. The inputs are listed apart from
     * the results and are not in results.zip. Hostile names, and a job whose file leaves its inputs folder, are
     * refused naming the field, with nothing left in the staging folder.
     *
     * @return the job's id
     */
    private long uploadSlicesAndRunThem(Path data) throws Exception {
        List<Part> slices = new ArrayList<>();
        for (int z = 0; z < SLICES; z++) {
            java.awt.image.BufferedImage page = new java.awt.image.BufferedImage(SLICES, SLICES,
                    java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < SLICES; y++) {
                for (int x = 0; x < SLICES; x++) {
                    page.getRaster().setSample(x, y, 0, x % 4 == 0 ? 0 : y % 4 == 0 ? 2 : 1);
                }
            }
            java.io.ByteArrayOutputStream tiff = new java.io.ByteArrayOutputStream();
            assertTrue(javax.imageio.ImageIO.write(page, "tiff", tiff), "a TIFF writer");
            slices.add(new Part("files", String.format("slices/slice_%04d.tif", z), tiff.toByteArray()));
        }
        String recipe = Files.readString(Calsim.home().resolve("examples/xct-image.yaml")).split("\nstages:")[0];
        String job = recipe.replace("name: xct-image", "name: uploaded-slices") + "\nstages:\n"
                + "  - use: image.load\n    with:\n      file: slices/slice_0000.tif\n      format: tiff_slices\n"
                + "      voxel_size_um: 1\n      through_plane_axis: z\n      collector_at: low\n"
                + "  - use: fem.microstructure\n";

        for (String name : new String[] {"../../token", "/etc/passwd", "slices\\slice_0000.tif", "nul\0.tif"}) {
            List<Part> hostile = new ArrayList<>(List.of(new Part("job", null, job.getBytes(UTF_8)), slices.get(0)));
            hostile.add(new Part("files", name, "not an image".getBytes(UTF_8)));
            HttpResponse<String> refused = postForm("/api/jobs", hostile);
            assertEquals(400, refused.statusCode(), name + ": " + refused.body());
            assertEquals("files", JSON.readTree(refused.body()).get("field").asText(), refused.body());
        }
        List<Part> leaving = new ArrayList<>(slices);
        leaving.add(new Part("job", null, job.replace("file: slices/slice_0000.tif", "file: ../../token")
                .getBytes(UTF_8)));
        HttpResponse<String> leak = postForm("/api/jobs", leaving);
        assertEquals(400, leak.statusCode(), leak.body());
        assertEquals("stages[0].with.file", JSON.readTree(leak.body()).get("field").asText(), leak.body());
        assertFalse(leak.body().contains(token), leak.body());
        try (var left = Files.list(data.resolve("uploads"))) {
            assertEquals(List.of(), left.toList(), "a refused submission leaves no file behind");
        }

        List<Part> form = new ArrayList<>(List.of(new Part("job", "uploaded-slices.yaml", job.getBytes(UTF_8)),
                new Part("set", null, "seed=3".getBytes(UTF_8))));
        form.addAll(slices);
        HttpResponse<String> created = postForm("/api/jobs", form);
        assertEquals(201, created.statusCode(), created.body());
        long id = JSON.readTree(created.body()).get("id").asLong();
        JsonNode done = awaitEnd(id);
        assertEquals("succeeded", done.get("state").asText(), done.toString());
        assertEquals(SLICES, done.at("/summary/stages/0/results/voxels_z/value").asInt(), done.toString());
        List<String> files = new ArrayList<>();
        done.get("files").forEach(f -> files.add(f.asText()));
        assertTrue(files.stream().anyMatch(f -> f.startsWith("fem.microstructure") && f.endsWith(".png")),
                files.toString());
        assertTrue(files.stream().noneMatch(f -> f.startsWith("inputs/")), files.toString());
        assertEquals(SLICES, done.get("inputs").size(), done.toString());
        assertEquals("slices/slice_0000.tif", done.get("inputs").get(0).asText());
        HttpResponse<byte[]> zip = http.send(HttpRequest.newBuilder(uri("/api/jobs/" + id + "/results.zip")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        List<String> entries = zipEntries(zip.body());
        assertTrue(entries.contains("job-" + id + "/summary.json") && entries.stream()
                .noneMatch(e -> e.contains("/inputs/")), entries.toString());
        HttpResponse<byte[]> slice = http.send(HttpRequest.newBuilder(uri("/api/jobs/" + id
                + "/files/inputs/slices/slice_0000.tif")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, slice.statusCode());
        assertEquals(slices.get(0).content().length, slice.body().length);
        return id;
    }

    /** A part of a multipart form: its name, its file name (null for a field) and its bytes. */
    private record Part(String name, String fileName, byte[] content) {
    }

    /** POSTs {@code parts} as {@code multipart/form-data} (RFC 7578), with the token. */
    private HttpResponse<String> postForm(String path, List<Part> parts) throws IOException, InterruptedException {
        String boundary = "calsim-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Part p : parts) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                    + (p.fileName() == null ? "" : "; filename=\"" + p.fileName() + "\"\r\n"
                    + "Content-Type: application/octet-stream") + "\r\n\r\n").getBytes(UTF_8));
            body.write(p.content());
            body.write("\r\n".getBytes(UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(UTF_8));
        return send(authorised(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static final String COPY_BUNDLE = "org.calsim.example.contact.copy";
    private static final String COPY_COMPONENT = "org.calsim.example.contact.WaltonBraunLawCopy";

    /**
     * @return the example plugin as another bundle: another symbolic name, component name and configuration PID, the
     *         same law under the same name ({@code walton-braun}, ranking 100)
     */
    private static byte[] copyOfPlugin(byte[] plugin) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.jar.JarInputStream in = new java.util.jar.JarInputStream(new ByteArrayInputStream(plugin))) {
            java.util.jar.Manifest manifest = in.getManifest();
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", COPY_BUNDLE);
            try (java.util.jar.JarOutputStream jar = new java.util.jar.JarOutputStream(out, manifest)) {
                for (java.util.jar.JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    byte[] bytes = in.readAllBytes();
                    if (e.getName().startsWith("OSGI-INF/") && e.getName().endsWith("WaltonBraunLaw.xml")) {
                        bytes = new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                                .replace("name=\"org.calsim.example.contact.WaltonBraunLaw\"",
                                        "name=\"" + COPY_COMPONENT + "\"")
                                .replace("configuration-pid=\"org.calsim.example.contact.walton\"",
                                        "configuration-pid=\"" + COPY_COMPONENT + "\"")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    }
                    jar.putNextEntry(new java.util.jar.JarEntry(e.getName()));
                    jar.write(bytes);
                    jar.closeEntry();
                }
            }
        }
        return out.toByteArray();
    }

    private JsonNode awaitEnd(long id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            JsonNode j = JSON.readTree(get("/api/jobs/" + id).body());
            String s = j.get("state").asText();
            if (!s.equals("queued") && !s.equals("running")) {
                return j;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("job " + id + " did not end");
    }

    private void awaitState(long id, String state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!JSON.readTree(get("/api/jobs/" + id).body()).get("state").asText().equals(state)) {
            assertTrue(System.nanoTime() < deadline, "job " + id + " never " + state);
            Thread.sleep(100);
        }
    }

    private static List<String> zipEntries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private HttpRequest.Builder authorised(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(authorised(path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
