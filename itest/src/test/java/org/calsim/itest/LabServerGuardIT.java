package org.calsim.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab server's guard on a real {@code calsim serve}, from the first moment it listens: requests raced against the
 * starting server (a job posted without the token, a read with a forged Host) are never served, and once it runs a
 * forged Host (DNS rebinding) is answered 421 while the loopback names work, with the headers that forbid framing and
 * sniffing on every answer; the data folder and the token are its owner's only; a job answered 201 is still there
 * after a SIGKILL that follows the answer at once; and a server started with {@code --no-deploy} refuses plugins.
 * Two server starts for all of it.
 */
class LabServerGuardIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @Test
    void nothingIsServedUnguardedFromTheFirstMomentAndForeignHostsNever() throws Exception {
        Path data = dir.resolve("lab");
        int port = Calsim.freePort();
        String base = "http://127.0.0.1:" + port;
        String job = Files.readString(Calsim.home().resolve("examples/ml/empirical-chain.yaml"));
        Path run = dir.resolve("run");
        Files.createDirectories(run);

        // race: from before the process starts until well after it reports its address
        AtomicBoolean stop = new AtomicBoolean();
        Map<String, Integer> seen = new TreeMap<>();
        List<String> served = new ArrayList<>();
        Thread racer = new Thread(() -> {
            while (!stop.get()) {
                try {
                    HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/api/jobs"))
                            .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(job)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    record(seen, served, "POST /api/jobs without token", post.statusCode());
                    String forged = rawGet(port, "/api/jobs", "evil.example.com:" + port);
                    record(seen, served, "GET /api/jobs Host evil", status(forged));
                } catch (IOException e) {
                    synchronized (seen) {
                        seen.merge("not listening", 1, Integer::sum);
                    }
                    pause();
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        racer.start();
        Process server = Calsim.start(run, false, "serve", "--port", Integer.toString(port), "--data", data.toString());
        server.getOutputStream().close();
        try {
            Calsim.awaitServing(server, run);
            Thread.sleep(1000);
            stop.set(true);
            racer.join();
            synchronized (seen) {
                assertTrue(served.isEmpty(), "served unguarded while starting: " + served + "; all: " + seen);
                assertTrue(seen.getOrDefault("POST /api/jobs without token 401", 0) > 0, seen.toString());
            }

            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(data)), "the data folder is its owner's only");
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(data.resolve("token"))));

            // DNS rebinding: a page whose name now points at 127.0.0.1 reads nothing
            String forged = rawGet(port, "/api/jobs", "evil.example.com:" + port);
            assertEquals(421, status(forged), forged);
            assertFalse(forged.contains("\"state\""), forged);
            assertEquals(421, status(rawGet(port, "/", "evil.example.com")));
            assertEquals(421, status(rawGet(port, "/static/index.html", "evil.example.com")));
            assertEquals(421, status(rawGet(port, "/api/jobs", "127.0.0.1:" + (port == 65535 ? 1 : port + 1))));
            for (String host : new String[] {"localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port}) {
                String ok = rawGet(port, "/api/jobs", host);
                assertEquals(200, status(ok), host + ": " + ok);
                assertTrue(ok.contains("\r\nX-Frame-Options: DENY\r\n"), ok);
                assertTrue(ok.contains("\r\nX-Content-Type-Options: nosniff\r\n"), ok);
                assertTrue(ok.contains("frame-ancestors 'none'"), ok);
            }
            String page = rawGet(port, "/static/index.html", "localhost:" + port);
            assertEquals(200, status(page));
            assertTrue(page.contains("\r\nX-Frame-Options: DENY\r\n"), page);
            assertTrue(page.contains("frame-ancestors 'none'"), page);

            // a 201 means stored: SIGKILL the moment the answer arrives, and the next start has the job
            String token = Files.readString(data.resolve("token")).trim();
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/jobs"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(job)).build(),
                    HttpResponse.BodyHandlers.ofString());
            server.destroyForcibly();
            assertEquals(201, created.statusCode(), created.body());
            assertTrue(server.waitFor(60, TimeUnit.SECONDS));
            String location = created.headers().firstValue("Location").orElseThrow();
            server = Calsim.serve(dir.resolve("run2"), port, data, "--no-deploy");
            HttpResponse<String> kept = http.send(HttpRequest.newBuilder(URI.create(base + location)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, kept.statusCode(), location + " after SIGKILL: " + kept.body());

            // --no-deploy: the token no longer deploys code
            byte[] plugin = Files.readAllBytes(Path.of(System.getProperty("calsim.plugin.jar")));
            HttpResponse<String> deploy = http.send(HttpRequest.newBuilder(URI.create(base + "/api/bundles"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(plugin))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, deploy.statusCode(), deploy.body());
            assertTrue(deploy.body().contains("--no-deploy"), deploy.body());
        } finally {
            stop.set(true);
            server.destroy();
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void record(Map<String, Integer> seen, List<String> served, String what, int status) {
        synchronized (seen) {
            seen.merge(what + " " + status, 1, Integer::sum);
            if (status >= 200 && status < 300) {
                served.add(what + " -> " + status);
            }
        }
    }

    /** @return the whole answer (status line, headers, body) of a GET with this Host header, over a plain socket */
    static String rawGet(int port, String path, String host) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static int status(String answer) {
        return answer.startsWith("HTTP/1.") && answer.length() >= 12 ? Integer.parseInt(answer.substring(9, 12)) : -1;
    }
}
