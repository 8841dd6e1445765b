import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load check of the lab server (bench/server/run.sh starts the server and runs this with the JDK's single-file
 * launcher: {@code java LoadCheck.java ...}; no dependencies beyond the JDK).
 *
 * <p>Submits N jobs (the job file with a different {@code ?set=} per job), then lets C concurrent clients poll
 * {@code GET /api/jobs/{id}} (a random one of the submitted jobs) and {@code GET /api/jobs} in turn, back to back,
 * for S seconds. Every request's latency is recorded; the report gives per endpoint the count, errors, throughput
 * and p50/p90/p99/max, overall and split by whether jobs were still queued or running when the request started,
 * and how long the N jobs took (submission of the first to the end of the last, from the server's own times).
 *
 * <p>Arguments: {@code --base URL --token-file F --job YAML --jobs N --clients C --seconds S --out FILE
 * [--serve-log F]}.
 */
public final class LoadCheck {
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern STATE = Pattern.compile("\"id\":(\\d+),\"name\":\"[^\"]*\",\"state\":\"([a-z]+)\"");

    /** Latencies of one endpoint in one phase, in nanoseconds. */
    static final class Samples {
        private long[] values = new long[1024];
        private int size;
        long errors;
        final Map<String, Integer> errorKinds = new HashMap<>();

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized void error(String kind) {
            errors++;
            errorKinds.merge(kind, 1, Integer::sum);
        }

        synchronized long[] sorted() {
            long[] v = Arrays.copyOf(values, size);
            Arrays.sort(v);
            return v;
        }
    }

    private final Map<String, String> args;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    /** endpoint → phase ("jobs running", "queue empty") → samples */
    private final Map<String, Map<String, Samples>> samples = new ConcurrentHashMap<>();
    private volatile boolean jobsActive = true;

    private LoadCheck(Map<String, String> args) {
        this.args = args;
        this.base = args.get("base").replaceAll("/$", "");
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        for (String required : List.of("base", "token-file", "job", "out")) {
            if (!a.containsKey(required)) {
                System.err.println("usage: java LoadCheck.java --base URL --token-file FILE --job YAML --out FILE "
                        + "[--jobs 20] [--clients 50] [--seconds 60] [--serve-log FILE]");
                System.exit(2);
            }
        }
        new LoadCheck(a).run();
    }

    private int intArg(String name, int fallback) {
        return args.containsKey(name) ? Integer.parseInt(args.get(name)) : fallback;
    }

    private void run() throws Exception {
        int jobCount = intArg("jobs", 20);
        int clients = intArg("clients", 50);
        int seconds = intArg("seconds", 60);
        String token = Files.readString(Path.of(args.get("token-file"))).trim();
        String job = Files.readString(Path.of(args.get("job")));
        String loadBefore = loadAverage();
        ZonedDateTime date = ZonedDateTime.now();

        // submit the jobs: target pressure 60 ... 155 MPa and line load 100 ... 2000 kN/m, one pair per job
        List<Long> ids = new ArrayList<>();
        for (int k = 0; k < jobCount; k++) {
            String set = "?set=" + enc("stages[1].with.target_pressure_MPa=" + (60 + 5 * k))
                    + "&set=" + enc("calendering.line_load_kN_per_m=" + (100 + 100 * k));
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/jobs" + set))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString(job)).build(), HttpResponse.BodyHandlers.ofString());
            record("POST /api/jobs", System.nanoTime() - t0, r.statusCode() == 201 ? null : "HTTP " + r.statusCode());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("submitting job " + k + " failed: " + r.statusCode() + " " + r.body());
            }
            Matcher m = ID.matcher(r.body());
            m.find();
            ids.add(Long.parseLong(m.group(1)));
        }
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();

        // a watcher marks the moment every job has ended (not counted among the client requests)
        AtomicLong allEnded = new AtomicLong();
        Thread watcher = new Thread(() -> {
            while (allEnded.get() == 0) {
                try {
                    String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/jobs")).GET().build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    Matcher m = STATE.matcher(body);
                    int ended = 0;
                    while (m.find()) {
                        String s = m.group(2);
                        if (ids.contains(Long.parseLong(m.group(1))) && !s.equals("queued") && !s.equals("running")) {
                            ended++;
                        }
                    }
                    if (ended == ids.size()) {
                        allEnded.set(System.nanoTime());
                        jobsActive = false;
                        return;
                    }
                    Thread.sleep(250);
                } catch (IOException e) {
                    // counted by the clients; try again
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "watcher");
        watcher.setDaemon(true);
        watcher.start();

        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> poll(ids, end), "client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double polled = (System.nanoTime() - start) / 1e9;
        long waitUntil = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (allEnded.get() == 0 && System.nanoTime() < waitUntil) {
            Thread.sleep(250);
        }
        watcher.interrupt();

        // the jobs as the server recorded them
        List<String> states = new ArrayList<>();
        Instant firstSubmitted = null;
        Instant lastFinished = null;
        double[] runSeconds = new double[ids.size()];
        double[] waitSeconds = new double[ids.size()];
        Map<String, Integer> stateCounts = new LinkedHashMap<>();
        for (int k = 0; k < ids.size(); k++) {
            String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/jobs/" + ids.get(k))).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String state = field(body, "state");
            stateCounts.merge(state, 1, Integer::sum);
            states.add(state);
            Instant submitted = instant(field(body, "submitted"));
            Instant started = instant(field(body, "started"));
            Instant finished = instant(field(body, "finished"));
            if (submitted != null && (firstSubmitted == null || submitted.isBefore(firstSubmitted))) {
                firstSubmitted = submitted;
            }
            if (finished != null && (lastFinished == null || finished.isAfter(lastFinished))) {
                lastFinished = finished;
            }
            runSeconds[k] = started == null || finished == null ? Double.NaN
                    : Duration.between(started, finished).toMillis() / 1000.0;
            waitSeconds[k] = submitted == null || started == null ? Double.NaN
                    : Duration.between(submitted, started).toMillis() / 1000.0;
        }
        report(date, loadBefore, jobCount, clients, seconds, polled, stateCounts, firstSubmitted, lastFinished,
                runSeconds, waitSeconds, allEnded.get() == 0 ? Double.NaN : (allEnded.get() - start) / 1e9);
        long errors = samples.values().stream().flatMap(m -> m.values().stream()).mapToLong(s -> s.errors).sum();
        if (errors > 0 || stateCounts.getOrDefault("succeeded", 0) != jobCount) {
            System.err.println("load check: " + errors + " request error(s); jobs " + stateCounts);
            System.exit(1);
        }
    }

    /** One client: GET /api/jobs/{random id} and GET /api/jobs in turn until {@code end}. */
    private void poll(List<Long> ids, long end) {
        boolean one = ThreadLocalRandom.current().nextBoolean();
        while (System.nanoTime() < end) {
            String endpoint;
            String url;
            if (one) {
                endpoint = "GET /api/jobs/{id}";
                url = base + "/api/jobs/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            } else {
                endpoint = "GET /api/jobs";
                url = base + "/api/jobs";
            }
            one = !one;
            String phase = jobsActive ? "jobs running" : "queue empty";
            long t0 = System.nanoTime();
            String error = null;
            try {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    error = "HTTP " + r.statusCode();
                } else if (r.body().length == 0) {
                    error = "empty body";
                }
            } catch (IOException e) {
                error = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                return;
            }
            long t = System.nanoTime() - t0;
            record(endpoint, phase, t, error);
        }
    }

    private void record(String endpoint, long nanos, String error) {
        record(endpoint, "submission", nanos, error);
    }

    private void record(String endpoint, String phase, long nanos, String error) {
        Samples s = samples.computeIfAbsent(endpoint, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(phase, p -> new Samples());
        if (error == null) {
            s.add(nanos);
        } else {
            s.error(error);
        }
    }

    private void report(ZonedDateTime date, String loadBefore, int jobCount, int clients, int seconds, double polled,
                        Map<String, Integer> stateCounts, Instant firstSubmitted, Instant lastFinished,
                        double[] runSeconds, double[] waitSeconds, double allEndedAfter) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# calsim lab server load check (bench/server/run.sh)\n");
        out.append("date: ").append(date.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
        out.append("machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (")
                .append(cpuModel()).append("), ").append(memory()).append(", ").append(System.getProperty("os.name"))
                .append(' ').append(System.getProperty("os.version")).append(' ').append(System.getProperty("os.arch"))
                .append('\n');
        out.append("java: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (server and client)\n");
        out.append("load average before / after: ").append(loadBefore).append(" / ").append(loadAverage())
                .append(" (1, 5, 15 min; other processes on the machine count too)\n");
        out.append(String.format(Locale.ROOT, "setup: calsim serve --jobs 2 on 127.0.0.1, fresh data folder; %d jobs "
                + "(bench/server/job.yaml: DEM coating of 174 particles, plate calendering, empirical chain; "
                + "target pressure and line load set per job) submitted at once; then %d clients, each back to back "
                + "GET /api/jobs/{random job} and GET /api/jobs in turn, for %d s (%.1f s measured); "
                + "java.net.http.HttpClient, HTTP/1.1, one shared client%n", jobCount, clients, seconds, polled));
        out.append('\n');

        out.append("## jobs\n");
        out.append("states: ").append(stateCounts).append('\n');
        if (firstSubmitted != null && lastFinished != null) {
            out.append(String.format(Locale.ROOT, "all %d jobs: %.1f s from the first submission to the end of the "
                    + "last (server times)%n", jobCount, Duration.between(firstSubmitted, lastFinished).toMillis()
                    / 1000.0));
        }
        out.append(String.format(Locale.ROOT, "all ended %.1f s after the clients started%n", allEndedAfter));
        out.append(String.format(Locale.ROOT, "run time per job (started to finished): median %.1f s, max %.1f s; "
                + "time queued: median %.1f s, max %.1f s%n", median(runSeconds), max(runSeconds),
                median(waitSeconds), max(waitSeconds)));
        out.append('\n');

        out.append("## requests\n");
        out.append(String.format(Locale.ROOT, "%-20s %-13s %8s %7s %9s %8s %8s %8s %8s%n", "endpoint", "phase",
                "requests", "errors", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms"));
        List<String> endpoints = new ArrayList<>(List.of("POST /api/jobs", "GET /api/jobs/{id}", "GET /api/jobs"));
        Map<String, String> errorLines = new LinkedHashMap<>();
        for (String endpoint : endpoints) {
            Map<String, Samples> byPhase = samples.getOrDefault(endpoint, Map.of());
            List<String> phases = endpoint.startsWith("POST") ? List.of("submission")
                    : List.of("jobs running", "queue empty", "all");
            for (String phase : phases) {
                long[] v;
                long errors = 0;
                if (phase.equals("all")) {
                    List<long[]> parts = new ArrayList<>();
                    for (Samples s : byPhase.values()) {
                        parts.add(s.sorted());
                        errors += s.errors;
                    }
                    v = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
                } else {
                    Samples s = byPhase.get(phase);
                    if (s == null) {
                        continue;
                    }
                    v = s.sorted();
                    errors = s.errors;
                    if (!s.errorKinds.isEmpty()) {
                        errorLines.put(endpoint + " (" + phase + ")", s.errorKinds.toString());
                    }
                }
                double running = Double.isNaN(allEndedAfter) ? polled : Math.min(polled, allEndedAfter);
                double window = phase.equals("all") ? polled : phase.equals("jobs running") ? running : polled - running;
                String rate = phase.equals("submission") || window <= 0 ? "-"
                        : String.format(Locale.ROOT, "%.0f", (v.length + errors) / window);
                out.append(String.format(Locale.ROOT, "%-20s %-13s %8d %7d %9s %8.1f %8.1f %8.1f %8.1f%n", endpoint,
                        phase, v.length + errors, errors, rate, pct(v, 0.50), pct(v, 0.90), pct(v, 0.99),
                        v.length == 0 ? Double.NaN : v[v.length - 1] / 1e6));
            }
        }
        out.append("errors: ").append(errorLines.isEmpty() ? "none" : errorLines.toString()).append('\n');
        out.append("(latency: from sending the request to the whole body received, on the client; req/s: requests "
                + "of that endpoint per second of the phase, errors included)\n");
        Path file = Path.of(args.get("out"));
        Files.writeString(file, out.toString());
        System.out.print(out);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int k = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, k))] / 1e6;
    }

    private static double median(double[] v) {
        double[] s = Arrays.stream(v).filter(x -> !Double.isNaN(x)).sorted().toArray();
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2]
                : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).filter(x -> !Double.isNaN(x)).max().orElse(Double.NaN);
    }

    /** @return the text value of a top-level string field in a JSON object (the API's job fields), or null */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(null|\"([^\"]*)\")").matcher(json);
        return m.find() && m.group(2) != null ? m.group(2) : null;
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GiB RAM", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        var os = ManagementFactory.getOperatingSystemMXBean();
        return "RAM unknown (" + os.getName() + ")";
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }
}
