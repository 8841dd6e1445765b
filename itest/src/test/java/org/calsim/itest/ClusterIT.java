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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three lab servers on loopback (three JVMs) joined into one cluster run a 30-point sweep of the empirical chain that a
 * fourth process submits with {@code calsim sweep --cluster}. One server is frozen (SIGSTOP) while both its workers
 * run points and then killed (SIGKILL): the points it had not finished run again elsewhere (attempt 2), every other
 * point ran once, and the dataset is byte for byte the dataset of the same sweep run on one machine without a
 * cluster. A fourth server with an extra plugin bundle is refused.
 */
class ClusterIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int POINTS = 30;
    private static final long SWEEP_SECONDS = 300;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> processes = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void threeServersShareASweepLoseOneAndEndWithTheSingleMachineDataset() throws Exception {
        Path work = dir.resolve("work");
        Files.createDirectories(work);
        // the chain fits its tortuosity law to a measured file: the file travels with each point (issue 17)
        Files.writeString(work.resolve("empirical-chain.yaml"), Files.readString(Calsim.home()
                .resolve("examples/ml/empirical-chain.yaml")).replaceFirst("a: 1\\.02\\s+b: -0\\.53",
                "fit_csv: measured/tau.csv"));
        Files.createDirectories(work.resolve("measured"));
        Files.writeString(work.resolve("measured/tau.csv"),
                "porosity,tortuosity_factor\n0.25,2.137\n0.30,1.944\n0.35,1.797\n0.40,1.661\n0.48,1.503\n");
        String sweep = Files.readString(Calsim.home().resolve("examples/ml/sweep.yaml"))
                .replaceFirst("(?m)^points: \\d+", "points: " + POINTS);
        Files.writeString(work.resolve("sweep.yaml"), sweep);

        Calsim.Result local = Calsim.run(work, "sweep", "sweep.yaml", "--out", "single-machine");
        assertEquals(0, local.exit(), local.out() + local.err());

        int[] clusterPorts = {Calsim.freePort(), Calsim.freePort(), Calsim.freePort()};
        String members = String.join(",", "127.0.0.1:" + clusterPorts[0], "127.0.0.1:" + clusterPorts[1],
                "127.0.0.1:" + clusterPorts[2]);
        int[] httpPorts = new int[3];
        Path[] data = new Path[3];
        for (int i = 0; i < 3; i++) {
            httpPorts[i] = Calsim.freePort();
            data[i] = dir.resolve("server" + i + "/data");
            if (i > 0) { // every member holds the first server's token
                Files.createDirectories(data[i]);
                Files.copy(data[0].resolve("cluster-token"), data[i].resolve("cluster-token"));
            }
            processes.add(Calsim.serve(dir.resolve("server" + i), httpPorts[i], data[i], "--cluster", "it",
                    "--members", members, "--cluster-port", Integer.toString(clusterPorts[i])));
        }
        String first = "http://127.0.0.1:" + httpPorts[0] + "/api/cluster";
        String victim = "http://127.0.0.1:" + httpPorts[2] + "/api/cluster";
        JsonNode view = JSON.readTree(get(first));
        assertEquals(3, view.get("members").size(), view.toString());

        Process submitter = Calsim.start(work, false, "sweep", "sweep.yaml", "--cluster", "it", "--members", members,
                "--cluster-token", data[0].resolve("cluster-token").toString(), "--cluster-port",
                Integer.toString(Calsim.freePort()));
        submitter.getOutputStream().close();
        processes.add(submitter);

        // freeze the third server while both its workers run points, then kill it
        Process third = processes.get(2);
        String thirdId = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SWEEP_SECONDS);
        while (thirdId == null) {
            assertTrue(System.nanoTime() < deadline, "the third server never ran two points at once");
            for (JsonNode m : JSON.readTree(get(victim)).get("members")) {
                if (m.get("local").asBoolean() && m.get("running").size() == 2) {
                    thirdId = m.get("id").asText();
                }
            }
            Thread.sleep(20);
        }
        signal("STOP", third);
        third.destroyForcibly();

        assertTrue(submitter.waitFor(SWEEP_SECONDS, TimeUnit.SECONDS), "the sweep did not end");
        String out = Files.readString(work.resolve("stdout.txt"));
        assertEquals(0, submitter.exitValue(), out + Files.readString(work.resolve("stderr.txt")));
        assertTrue(out.contains(POINTS + " points (sobol), " + POINTS + " succeeded, 0 failed"), out);

        Path clustered = work.resolve("results/calendering-sweep");
        assertArrayEquals(Files.readAllBytes(work.resolve("single-machine/dataset.csv")),
                Files.readAllBytes(clustered.resolve("dataset.csv")), "dataset.csv differs from the single-machine one");
        // the points the third server had started: its folders; those it did not finish ran again elsewhere
        Set<String> startedByThird = new TreeSet<>();
        try (Stream<Path> sweeps = Files.list(data[2].resolve("cluster-points"))) {
            for (Path sweepFolder : sweeps.toList()) {
                try (Stream<Path> points = Files.list(sweepFolder)) {
                    points.forEach(p -> startedByThird.add(p.getFileName().toString()));
                }
            }
        }
        Set<String> ranOn = new TreeSet<>();
        int rerun = 0;
        for (int p = 0; p < POINTS; p++) {
            String id = String.format("p%04d", p);
            JsonNode where = JSON.readTree(clustered.resolve("points/" + id + "/cluster.json").toFile());
            String member = where.get("member").asText();
            ranOn.add(member);
            boolean heldWhenKilled = startedByThird.contains(id) && !member.equals(thirdId);
            assertEquals(heldWhenKilled ? 2 : 1, where.get("attempt").asInt(), id + ": " + where);
            // each claim runs in its own folder on its member: a rerun neither overwrites nor mixes with the first
            assertTrue(where.get("folder").asText().endsWith("/" + id + "/attempt-" + where.get("attempt").asInt()),
                    id + ": " + where);
            rerun += heldWhenKilled ? 1 : 0;
        }
        assertTrue(rerun >= 1, "no point was running on the killed server: " + startedByThird);
        assertTrue(ranOn.size() >= 2, "the points ran on " + ranOn);
        assertEquals(0, JSON.readTree(get(first)).get("points").size(), "the sweep collected and removed every point");

        // a server whose calsim bundles differ (one more plugin) is refused and does not start
        Path odd = dir.resolve("server3");
        Files.createDirectories(odd.resolve("data"));
        Files.createDirectories(odd.resolve("deploy"));
        Files.copy(data[0].resolve("cluster-token"), odd.resolve("data/cluster-token"));
        Files.copy(Path.of(System.getProperty("calsim.plugin.jar")), odd.resolve("deploy/plugin.jar"));
        Process refused = Calsim.start(odd, false, "serve", "--port", Integer.toString(Calsim.freePort()), "--data",
                "data", "--cluster", "it", "--members", members, "--cluster-port", Integer.toString(Calsim.freePort()));
        refused.getOutputStream().close();
        processes.add(refused);
        assertTrue(refused.waitFor(120, TimeUnit.SECONDS), "the odd server neither started nor ended");
        String err = Files.readString(odd.resolve("stderr.txt"));
        assertEquals(1, refused.exitValue(), err);
        assertTrue(err.contains("refused by cluster it") && err.contains("only here"), err);
        JsonNode after = JSON.readTree(get(first)).get("members");
        for (int i = 0; i < 100 && after.size() != 2; i++) { // it leaves as it is refused; the others see it go
            Thread.sleep(100);
            after = JSON.readTree(get(first)).get("members");
        }
        assertEquals(2, after.size(), "the refused server left the cluster: " + after);
    }

    @Test
    void aSweepForAClusterWithoutTokenOrServersIsRefusedAndNamed() throws Exception {
        Path work = dir.resolve("alone");
        Files.createDirectories(work);
        Files.copy(Calsim.home().resolve("examples/ml/empirical-chain.yaml"), work.resolve("empirical-chain.yaml"));
        Files.copy(Calsim.home().resolve("examples/ml/sweep.yaml"), work.resolve("sweep.yaml"));

        Calsim.Result noToken = Calsim.run(work, "sweep", "sweep.yaml", "--cluster", "it", "--cluster-token",
                "missing-token");
        assertEquals(2, noToken.exit(), noToken.out() + noToken.err());
        assertTrue(noToken.err().contains("--cluster-token missing-token: no such file"), noToken.err());

        Files.writeString(work.resolve("token"), "ab".repeat(32) + "\n");
        Calsim.Result noServer = Calsim.run(work, "sweep", "sweep.yaml", "--cluster", "it", "--cluster-token", "token",
                "--cluster-port", Integer.toString(Calsim.freePort()), "--members", "127.0.0.1:"
                        + Calsim.freePort());
        assertEquals(2, noServer.exit(), noServer.out() + noServer.err());
        assertTrue(noServer.err().contains("expected a cluster with at least one calsim server"), noServer.err());
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private static void signal(String name, Process p) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }
}
