package org.calsim.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab server killed with SIGKILL in the middle of a DEM job: the next server on the same data folder lists the
 * job, resumes it from the checkpoint of {@code dem.calender} (attempt 2) and ends with exactly the numbers and files
 * of an uninterrupted run of the same job; a job that had succeeded before the crash keeps its state and files, and
 * a job that was queued runs.
 *
 * <p>The job is a small DEM calendering (436 particles, about 75,000 steps, 20–40 s on 2 cores) that writes a
 * checkpoint every 5,000 steps. The server runs one job at a time, so the uninterrupted reference run and the
 * crashed run see the same machine.
 */
class LabServerCrashIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long JOB_SECONDS = 300;
    private static final String CHECKPOINT = "checkpoints/dem.calender/dem-calender.ckpt";

    /** dem.generate + dem.calender (plate to 150 MPa, hold, release) with checkpoints every 5,000 steps. */
    static final String DEM_JOB = String.join("\n",
            "name: crash-dem",
            "description: DEM coating and plate calendering with checkpoints, for the crash test",
            "seed: 1",
            "recipe:",
            "  active_material: NMC622",
            "  conductive_additive: carbon-black-C65",
            "  binder: PVDF",
            "  electrolyte: LiPF6-EC-EMC",
            "  active_fraction: 0.96",
            "  additive_fraction: 0.02",
            "  binder_fraction: 0.02",
            "  active_loading_mg_per_cm2: 20",
            "  initial_porosity: 0.48",
            "  particle_d50_um: 10",
            "calendering:",
            "  line_load_kN_per_m: 500",
            "  roll_radius_mm: 150",
            "  roll_temperature_C: 60",
            "  speed_m_per_min: 1",
            "  coating_width_mm: 100",
            "stages:",
            "  - use: dem.generate",
            "    with:",
            "      box_x_d50: 8",
            "      box_y_d50: 8",
            "      cbd: bonds",
            "      bond_youngs_modulus_GPa: 1.0",
            "      bond_tensile_strength_MPa: 20",
            "      bond_shear_strength_MPa: 20",
            "      density_scaling: 1.0e8",
            "      contact_law: bonded",
            "  - use: dem.calender",
            "    with:",
            "      mode: plate",
            "      target: pressure",
            "      target_pressure_MPa: 150",
            "      plate_speed_m_per_s: 0.00003",
            "      hold_steps: 2000",
            "      relax_steps: 2000",
            "      contact_law: bonded",
            "      checkpoint_every_steps: 5000",
            "");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void aJobKilledWithTheServerResumesFromItsCheckpointAndEndsAsAnUninterruptedRun() throws Exception {
        Path data = dir.resolve("lab");
        int port = Calsim.freePort();
        String base = "http://127.0.0.1:" + port + "/api/jobs";

        Process first = Calsim.serve(dir.resolve("first"), port, data, "--jobs", "1");
        long referenceId;
        long crashedId;
        long queuedId;
        double referenceSeconds;
        try {
            String token = Files.readString(data.resolve("token")).trim();
            // the uninterrupted reference run, on the same server
            long t0 = System.nanoTime();
            referenceId = submit(base, token, DEM_JOB);
            JsonNode reference = awaitEnd(base, referenceId);
            referenceSeconds = (System.nanoTime() - t0) / 1e9;
            assertEquals("succeeded", reference.get("state").asText(), reference.toString());
            assertEquals(1, reference.get("attempts").asInt());

            // the same job again, and a short one queued behind it (one job at a time)
            crashedId = submit(base, token, DEM_JOB);
            queuedId = submit(base, token, Files.readString(Calsim.home().resolve("examples/ml/empirical-chain.yaml")));
            Path checkpoint = data.resolve("jobs").resolve(Long.toString(crashedId)).resolve(CHECKPOINT);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(JOB_SECONDS);
            while (true) {
                JsonNode job = JSON.readTree(get(base + "/" + crashedId).body());
                assertEquals("running", job.get("state").asText(), "the job ended before the kill: " + job);
                if (job.path("progress").path("stage").asText().equals("dem.calender") && Files.exists(checkpoint)) {
                    break;
                }
                assertTrue(System.nanoTime() < deadline, "no checkpoint of dem.calender within " + JOB_SECONDS + " s");
                Thread.sleep(200);
            }
            Thread.sleep(1000); // past the checkpoint: the steps after it are lost with the process
            assertEquals("queued", JSON.readTree(get(base + "/" + queuedId).body()).get("state").asText());
        } finally {
            // SIGKILL to the server's JVM itself (Calsim.start runs java directly, no wrapper script)
            assertTrue(first.info().command().orElse("java").endsWith("java"), first.info().toString());
            first.destroyForcibly();
        }
        assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the killed server did not end");
        assertEquals(137, first.exitValue(), "killed by SIGKILL");

        // what the crash left: the checkpoint, the earlier stage's results, no summary (the job never ended)
        Path crashedFolder = data.resolve("jobs").resolve(Long.toString(crashedId));
        assertTrue(Files.isRegularFile(crashedFolder.resolve(CHECKPOINT)));
        assertFalse(Files.exists(crashedFolder.resolve("summary.json")), "the killed job wrote no summary");
        Path referenceFolder = data.resolve("jobs").resolve(Long.toString(referenceId));
        Map<String, byte[]> referenceFiles = contents(referenceFolder);

        Process second = Calsim.serve(dir.resolve("second"), port, data, "--jobs", "1");
        try {
            JsonNode list = JSON.readTree(get(base).body());
            List<Long> ids = new ArrayList<>();
            list.forEach(j -> ids.add(j.get("id").asLong()));
            assertEquals(List.of(queuedId, crashedId, referenceId), ids, "every job is listed after the crash");

            // nothing finished is lost: the reference job is still succeeded, with the same files
            JsonNode reference = JSON.readTree(get(base + "/" + referenceId).body());
            assertEquals("succeeded", reference.get("state").asText(), reference.toString());
            assertEquals(1, reference.get("attempts").asInt());
            assertEquals(referenceFiles.keySet(), contents(referenceFolder).keySet());
            for (JsonNode f : reference.get("files")) {
                HttpResponse<byte[]> file = getBytes(base + "/" + referenceId + "/files/" + f.asText());
                assertEquals(200, file.statusCode(), f.asText());
                assertArrayEquals(referenceFiles.get(f.asText()), file.body(), f.asText());
            }

            long t0 = System.nanoTime();
            JsonNode resumed = awaitEnd(base, crashedId);
            double resumedSeconds = (System.nanoTime() - t0) / 1e9;
            assertEquals("succeeded", resumed.get("state").asText(), resumed.toString());
            assertEquals(2, resumed.get("attempts").asInt(), "run again once, after the restart");
            JsonNode queued = awaitEnd(base, queuedId);
            assertEquals("succeeded", queued.get("state").asText(), queued.toString());
            assertEquals(1, queued.get("attempts").asInt());

            JsonNode a = reference.get("summary");
            JsonNode b = resumed.get("summary");
            JsonNode calender = stage(b, "dem.calender");
            assertTrue(calender.path("notes").path("resumed").asText().contains("resumed from"),
                    "dem.calender continued from its checkpoint: " + calender);
            assertFalse(stage(a, "dem.calender").path("notes").has("resumed"));
            int compared = 0;
            for (String name : List.of("dem.generate", "dem.calender")) {
                JsonNode ra = stage(a, name).get("results");
                JsonNode rb = stage(b, name).get("results");
                assertEquals(names(ra), names(rb), name);
                for (Iterator<String> it = ra.fieldNames(); it.hasNext(); ) {
                    String key = it.next();
                    assertEquals(ra.get(key).get("value").asDouble(), rb.get(key).get("value").asDouble(), 0.0,
                            name + " " + key);
                    compared++;
                }
                assertEquals(stage(a, name).get("files"), stage(b, name).get("files"), name);
            }
            assertEquals(a.get("state"), b.get("state"), "the job's final state values");
            assertTrue(compared > 20, compared + " numbers");

            // the same files, byte for byte (tables, VTK snapshots, plots); summary and provenance hold times
            Map<String, byte[]> resumedFiles = contents(crashedFolder);
            assertEquals(referenceFiles.keySet(), resumedFiles.keySet());
            for (Map.Entry<String, byte[]> e : referenceFiles.entrySet()) {
                if (!e.getKey().equals("summary.json") && !e.getKey().equals("provenance.json")) {
                    assertArrayEquals(e.getValue(), resumedFiles.get(e.getKey()), e.getKey());
                }
            }
            String note = calender.path("notes").path("resumed").asText();
            System.out.printf("crash test: reference run %.1f s; killed in dem.calender; %s; resumed run %.1f s; "
                    + "%d numbers equal; final porosity %s, final thickness %s um, max pressure %s MPa%n",
                    referenceSeconds, note.substring(note.lastIndexOf(" at step ") + 1), resumedSeconds, compared,
                    stage(b, "dem.calender").at("/results/final_porosity/value"),
                    stage(b, "dem.calender").at("/results/final_thickness_um/value"),
                    stage(b, "dem.calender").at("/results/max_pressure_MPa/value"));
        } finally {
            second.destroy();
            assertTrue(second.waitFor(60, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        }
    }

    private long submit(String base, String token, String job) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(job)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("id").asLong();
    }

    /** @return the job once it has ended */
    private JsonNode awaitEnd(String base, long id) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(JOB_SECONDS);
        while (true) {
            JsonNode job = JSON.readTree(get(base + "/" + id).body());
            String state = job.get("state").asText();
            if (!state.equals("queued") && !state.equals("running")) {
                return job;
            }
            assertTrue(System.nanoTime() < deadline, "job " + id + " did not end within " + JOB_SECONDS + " s: " + job);
            Thread.sleep(250);
        }
    }

    private static JsonNode stage(JsonNode summary, String name) {
        for (JsonNode s : summary.get("stages")) {
            if (s.get("stage").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no stage " + name + " in " + summary);
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** @return the result files of a job folder (without checkpoints and hidden files) and their bytes */
    private static Map<String, byte[]> contents(Path folder) throws IOException {
        Map<String, byte[]> out = new java.util.TreeMap<>();
        try (var files = Files.walk(folder)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String name = folder.relativize(p).toString().replace('\\', '/');
                if (!name.startsWith("checkpoints/") && !name.startsWith(".")) {
                    out.put(name, Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
