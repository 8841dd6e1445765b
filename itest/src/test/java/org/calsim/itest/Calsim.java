package org.calsim.itest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the exported {@code calsim.jar} as a separate process, the way {@code ./calsim} does. */
final class Calsim {
    /**
     * A guard against a hung process, not a speed check: the longest example (permeability-series, about 2.5 min on
     * 2 idle cores) takes 4 min when other processes share those cores.
     */
    private static final long TIMEOUT_SECONDS = 600;
    private static final long SERVE_START_SECONDS = 90;

    /** What a finished process printed. */
    record Result(int exit, String out, String err) {
    }

    private Calsim() {
    }

    /** @return the repository root */
    static Path home() {
        return Path.of(System.getProperty("calsim.home")).toAbsolutePath().normalize();
    }

    /** Starts {@code java -jar calsim.jar args…} in {@code dir}. */
    static Process start(Path dir, boolean shell, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Djava.awt.headless=true");
        if (!shell) {
            cmd.add("-Dgosh.args=--nointeractive");
        }
        cmd.add("-jar");
        cmd.add(Path.of(System.getProperty("calsim.jar")).toAbsolutePath().toString());
        cmd.addAll(List.of(args));
        Files.createDirectories(dir.resolve("deploy"));
        return new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
    }

    /** Runs a command to its end. */
    static Result run(Path dir, String... args) throws IOException, InterruptedException {
        Process p = start(dir, false, args);
        p.getOutputStream().close();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("calsim " + String.join(" ", args) + " did not end in " + TIMEOUT_SECONDS + " s");
        }
        return new Result(p.exitValue(), Files.readString(dir.resolve("stdout.txt")),
                Files.readString(dir.resolve("stderr.txt")));
    }

    /** Sends one line to a shell process. */
    static void type(Process shell, String line) throws IOException {
        OutputStream in = shell.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /**
     * Starts {@code serve --port port --data data [more …]} in {@code runDir} and waits until it reports its address.
     * Stop it with {@link Process#destroy()} (SIGTERM).
     */
    static Process serve(Path runDir, int port, Path data, String... more) throws IOException, InterruptedException {
        Files.createDirectories(runDir);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("serve", "--port",
                Integer.toString(port), "--data", data.toString()));
        args.addAll(java.util.List.of(more));
        Process p = start(runDir, false, args.toArray(new String[0]));
        p.getOutputStream().close();
        return awaitServing(p, runDir);
    }

    /** Waits until a {@code serve} process started in {@code runDir} reports its address; ends it if it does not. */
    static Process awaitServing(Process p, Path runDir) throws IOException, InterruptedException {
        Path out = runDir.resolve("stdout.txt");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SERVE_START_SECONDS);
        while (!(Files.exists(out) && Files.readString(out).contains("calsim: lab server on"))) {
            if (!p.isAlive()) {
                throw new IllegalStateException("serve ended with " + p.exitValue() + ":\n"
                        + Files.readString(runDir.resolve("stderr.txt")));
            }
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException("serve did not start in " + SERVE_START_SECONDS + " s:\n"
                        + Files.readString(runDir.resolve("stderr.txt")));
            }
            Thread.sleep(200);
        }
        return p;
    }

    /** @return a TCP port that was free a moment ago */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
