import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load, fault and bad-input check of the lab server (bench/server/fault.sh runs it with the JDK's single-file launcher:
 * {@code java FaultCheck.java ...}; nothing beyond the JDK).
 *
 * <p>It starts {@code calsim serve --jobs 2} itself (so that it can kill it), on 127.0.0.1 only, and then:
 * <ol>
 *   <li>50 client threads: each of the first 20 submits one job (the job file with its own {@code ?set=}); then all
 *   poll the jobs API back to back ({@code GET /api/jobs/{id}}, {@code GET /api/jobs}, {@code GET /api/health}, now
 *   and then a result file or {@code results.zip} of a finished job);</li>
 *   <li>two of the queued jobs are cancelled (202 expected: they must end cancelled);</li>
 *   <li>4 threads send the hostile requests over raw sockets (so that Host and Content-Length can be forged): bad YAML,
 *   bad JSON, huge and non-finite numbers, path traversal in file parameters and in file downloads, forged Host,
 *   missing and wrong token, oversize uploads announced by Content-Length (the first KB of the body sent), unknown routes, bad queries;
 *   60 % before the kill, the rest after the restart. Every one must be answered 4xx (never 2xx, 3xx or 5xx), and
 *   no answer may contain a line of /etc/passwd or the server's token;</li>
 *   <li>once a few jobs have succeeded while others run and wait, {@code kill -9} of the server, and a restart on the
 *   same data folder and port while the clients keep going;</li>
 *   <li>right after the restart and again once every job has ended: every job answered 201 must still be there
 *   ("jobs lost"), and a job may be reported succeeded only with its complete results (summary of all six stages,
 *   provenance saying succeeded, every result file downloadable and not empty), cancelled only if a cancel was
 *   answered 202, never failed, and a job once reported succeeded stays succeeded ("jobs wrongly reported").</li>
 * </ol>
 * The report goes to {@code --out} and to standard output; the exit code is 1 if any check failed, and every failing
 * hostile request is written out whole with the answer it got.
 *
 * <p>Arguments: {@code --jar calsim.jar --dir WORKDIR --port P --job JOB.yaml --chain EMPIRICAL.yaml --out FILE
 * [--jobs 20] [--clients 50] [--hostile 200]}.
 */
public final class FaultCheck {
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern JOB_STATE = Pattern.compile("\"id\":(\\d+),\"name\":\"[^\"]*\",\"state\":\"([a-z]+)\"");
    private static final List<String> STAGES = List.of("dem.generate", "dem.calender", "empirical.porosity",
            "empirical.roll-gap", "empirical.tortuosity", "empirical.rate-capability");
    /** The result files of bench/server/job.yaml (the stages' tables, plots and VTK files, summary, provenance). */
    private static final List<String> EXPECTED_FILES = List.of("dem.calender-compression.csv",
            "dem.calender-fabric.png", "dem.calender-porosity-compaction.png", "dem.calender-porosity-pressure.png",
            "dem.calender-porosity-profile.csv", "dem.calender-porosity-profile.png",
            "dem.calender-pressure-thickness.png", "dem.calender-stress.png", "dem.calender/particles-final.vtp",
            "dem.calender/particles-initial.vtp", "dem.calender/particles-maximum-load.vtp",
            "dem.generate-porosity-profile.csv", "dem.generate-porosity-profile.png", "dem.generate/generated.vtp",
            "empirical.porosity-porosity-vs-line-load.csv", "empirical.porosity-porosity-vs-line-load.png",
            "empirical.rate-capability-capacity-vs-current-density.csv",
            "empirical.rate-capability-capacity-vs-current-density.png",
            "empirical.tortuosity-tortuosity-vs-porosity.csv", "empirical.tortuosity-tortuosity-vs-porosity.png",
            "provenance.json", "summary.json");

    private final Map<String, String> args;
    private final Path dir;
    private final Path data;
    private final int port;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String token;
    private List<String> passwdLines;
    private Process server;
    private int starts;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    // the outage: from the kill to the restarted server's first answer (nanoTime; 0 = not yet)
    private volatile long killedAt;
    private volatile long readyAgainAt;
    private volatile boolean stop;

    /** latencies (ns) of answered requests per endpoint */
    private final Map<String, Samples> latency = new ConcurrentHashMap<>();
    /** "kind" → count: load requests not answered 200 (by endpoint and status), connection errors */
    private final Map<String, AtomicInteger> loadErrors = new ConcurrentHashMap<>();
    /** hostile class → status → count */
    private final Map<String, Map<String, AtomicInteger>> hostileStatus = new ConcurrentHashMap<>();
    private final AtomicLong served = new AtomicLong();
    private final AtomicInteger hostileNot4xx = new AtomicInteger();
    private final AtomicInteger hostilePasswd = new AtomicInteger();
    private final AtomicInteger hostileToken = new AtomicInteger();
    private final AtomicLong unanswered = new AtomicLong();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    // jobs
    private final List<Long> ids = Collections.synchronizedList(new ArrayList<>());
    private final Set<Long> cancelled202 = ConcurrentHashMap.newKeySet();
    private final Set<Long> cancelRefused409 = ConcurrentHashMap.newKeySet();
    private final Set<Long> seenSucceeded = ConcurrentHashMap.newKeySet();
    private final Set<Long> hostileJobs = ConcurrentHashMap.newKeySet();
    private final Map<Long, String> stateAtKill = new ConcurrentHashMap<>();

    /** Latencies of one endpoint, in nanoseconds. */
    static final class Samples {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized long[] sorted() {
            long[] v = Arrays.copyOf(values, size);
            Arrays.sort(v);
            return v;
        }
    }

    /** A raw HTTP request: the exact bytes sent are shown when it fails ({@code sendBody}: the body follows). */
    record Raw(String kind, String method, String target, List<String[]> headers, byte[] body, boolean sendBody) {
        String text() {
            StringBuilder s = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
            for (String[] h : headers) {
                s.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
            s.append("\r\n");
            return s.toString();
        }
    }

    /** An answer read off the socket. */
    record Answer(int status, String head, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private FaultCheck(Map<String, String> args) {
        this.args = args;
        this.dir = Path.of(args.get("dir")).toAbsolutePath();
        this.data = dir.resolve("lab");
        this.port = Integer.parseInt(args.get("port"));
        this.base = "http://127.0.0.1:" + port;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        for (String required : List.of("jar", "dir", "port", "job", "chain", "out")) {
            if (!a.containsKey(required)) {
                System.err.println("usage: java FaultCheck.java --jar calsim.jar --dir WORKDIR --port P --job JOB.yaml "
                        + "--chain EMPIRICAL.yaml --out FILE [--jobs 20] [--clients 50] [--hostile 200]");
                System.exit(2);
            }
        }
        FaultCheck check = new FaultCheck(a);
        int code;
        try {
            code = check.run();
        } finally {
            check.stopServer();
        }
        System.exit(code);
    }

    private int intArg(String name, int fallback) {
        return args.containsKey(name) ? Integer.parseInt(args.get(name)) : fallback;
    }

    private void note(String line) {
        String l = String.format(Locale.ROOT, "[%s] %s", java.time.LocalTime.now().withNano(0), line);
        log.add(l);
        System.out.println(l);
    }

    // ---------------------------------------------------------------------------------------------------- the run

    private int run() throws Exception {
        int jobCount = intArg("jobs", 20);
        int clients = intArg("clients", 50);
        int hostileCount = intArg("hostile", 200);
        String job = Files.readString(Path.of(args.get("job")));
        String chain = Files.readString(Path.of(args.get("chain")));
        passwdLines = Files.readAllLines(Path.of("/etc/passwd")).stream().map(String::trim).toList();
        ZonedDateTime date = ZonedDateTime.now();
        String loadBefore = loadAverage();
        long t0 = System.nanoTime();

        startServer();
        token = Files.readString(data.resolve("token")).trim();

        List<Raw> hostile = hostileRequests(chain, job, hostileCount);
        int beforeKill = (int) Math.round(hostile.size() * 0.6);
        ConcurrentLinkedQueue<Raw> firstBatch = new ConcurrentLinkedQueue<>(hostile.subList(0, beforeKill));
        ConcurrentLinkedQueue<Raw> secondBatch = new ConcurrentLinkedQueue<>(hostile.subList(beforeKill, hostile.size()));

        // the clients: the first jobCount submit a job first, then all poll
        AtomicInteger submitted = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int k = c;
            Thread t = new Thread(() -> {
                if (k < jobCount) {
                    submit(job, k);
                }
                submitted.incrementAndGet();
                poll();
            }, "client-" + c);
            threads.add(t);
            t.start();
        }
        while (submitted.get() < clients) {
            Thread.sleep(50);
        }
        note("submitted: " + ids.size() + " of " + jobCount + " jobs answered 201");

        // two queued jobs are cancelled (the last two submitted: still queued behind the two workers)
        List<Long> sorted = new ArrayList<>(ids);
        Collections.sort(sorted);
        for (int k = Math.max(0, sorted.size() - 2); k < sorted.size(); k++) {
            long id = sorted.get(k);
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/jobs/" + id + "/cancel"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    "POST /api/jobs/{id}/cancel");
            if (r != null && r.statusCode() == 202) {
                cancelled202.add(id);
            } else if (r != null && r.statusCode() == 409) {
                cancelRefused409.add(id);
            }
            note("cancel job " + id + ": " + (r == null ? "no answer" : r.statusCode()));
        }

        // hostile requests, first batch, while the jobs run
        List<Thread> hostileThreads = hostileThreads(firstBatch);
        for (Thread t : hostileThreads) {
            t.join();
        }
        note("hostile: " + beforeKill + " requests sent before the kill");

        // kill -9 once a few jobs have succeeded and others are running and queued (or after 3 minutes)
        long killDeadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        Map<Long, String> states = Map.of();
        while (System.nanoTime() < killDeadline) {
            states = listStates();
            long ok = states.values().stream().filter("succeeded"::equals).count();
            long running = states.values().stream().filter("running"::equals).count();
            if (ok >= 4 && running >= 1) {
                break;
            }
            Thread.sleep(200);
        }
        states = listStates();
        stateAtKill.putAll(states);
        long pid = server.pid();
        killedAt = System.nanoTime();
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
        kill.waitFor();
        server.waitFor();
        note("kill -9 " + pid + " (exit " + server.exitValue() + "); job states just before: " + counts(stateAtKill));

        // restart on the same data folder and port while the clients keep going
        startServer();
        readyAgainAt = System.nanoTime();
        note(String.format(Locale.ROOT, "restarted: answering again %.1f s after the kill",
                (readyAgainAt - killedAt) / 1e9));
        List<String> afterRestart = checkJobs("right after the restart", false);

        // hostile requests, second batch
        hostileThreads = hostileThreads(secondBatch);
        for (Thread t : hostileThreads) {
            t.join();
        }
        note("hostile: " + (hostile.size() - beforeKill) + " requests sent after the restart");

        // until every job has ended (at most 5 minutes)
        long endDeadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < endDeadline) {
            Map<Long, String> s = listStates();
            if (ids.stream().allMatch(id -> s.containsKey(id) && !s.get(id).equals("queued")
                    && !s.get(id).equals("running"))) {
                break;
            }
            Thread.sleep(500);
        }
        stop = true;
        for (Thread t : threads) {
            t.join();
        }
        List<String> atEnd = checkJobs("at the end", true);
        double seconds = (System.nanoTime() - t0) / 1e9;
        report(date, loadBefore, seconds, jobCount, clients, hostile.size(), beforeKill, afterRestart, atEnd);
        return failures.isEmpty() ? 0 : 1;
    }

    // ------------------------------------------------------------------------------------------------ the server

    private void startServer() throws Exception {
        starts++;
        Path run = dir.resolve("run");
        Files.createDirectories(run.resolve("deploy"));
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        Path serveLog = run.resolve("serve-" + starts + ".log");
        server = new ProcessBuilder(java, "-Djava.awt.headless=true", "-Dgosh.args=--nointeractive", "-jar",
                args.get("jar"), "serve", "--host", "127.0.0.1", "--port", Integer.toString(port), "--data",
                data.toString(), "--jobs", "2").directory(run.toFile()).redirectErrorStream(true)
                .redirectOutput(serveLog.toFile()).start();
        Files.writeString(dir.resolve("server.pid"), Long.toString(server.pid()));
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("calsim serve exited with " + server.exitValue() + ":\n"
                        + Files.readString(serveLog));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && Files.readString(serveLog).contains("calsim: lab server on")) {
                    note("calsim serve (start " + starts + ", pid " + server.pid() + ") answers on " + base);
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("calsim serve did not start within 3 minutes:\n" + Files.readString(serveLog));
    }

    private void stopServer() {
        if (server != null && server.isAlive()) {
            server.destroy(); // SIGTERM: a clean stop
            try {
                if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                server.destroyForcibly();
            }
        }
    }

    // ----------------------------------------------------------------------------------------- the load clients

    private void submit(String job, int k) {
        String set = "?set=" + enc("stages[1].with.target_pressure_MPa=" + (60 + 5 * k))
                + "&set=" + enc("calendering.line_load_kN_per_m=" + (100 + 100 * k));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/jobs" + set))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(job)).build(), "POST /api/jobs");
        if (r != null && r.statusCode() == 201) {
            Matcher m = ID.matcher(r.body());
            if (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
                return;
            }
        }
        failures.add("submitting job " + k + " was not answered 201: "
                + (r == null ? "no answer" : r.statusCode() + " " + r.body()));
    }

    private void poll() {
        int n = 0;
        while (!stop) {
            n++;
            List<Long> known = new ArrayList<>(ids);
            if (known.isEmpty()) {
                return;
            }
            long id = known.get(ThreadLocalRandom.current().nextInt(known.size()));
            List<Long> done = new ArrayList<>(seenSucceeded);
            String endpoint;
            String url;
            if (n % 40 == 0 && !done.isEmpty()) {
                endpoint = "GET /api/jobs/{id}/results.zip";
                url = base + "/api/jobs/" + done.get(ThreadLocalRandom.current().nextInt(done.size())) + "/results.zip";
            } else if (n % 10 == 0 && !done.isEmpty()) {
                endpoint = "GET /api/jobs/{id}/files/summary.json";
                url = base + "/api/jobs/" + done.get(ThreadLocalRandom.current().nextInt(done.size()))
                        + "/files/summary.json";
            } else if (n % 10 == 5) {
                endpoint = "GET /api/health";
                url = base + "/api/health";
            } else if (n % 2 == 0) {
                endpoint = "GET /api/jobs";
                url = base + "/api/jobs?limit=50";
            } else {
                endpoint = "GET /api/jobs/{id}";
                url = base + "/api/jobs/" + id;
            }
            long sent = System.nanoTime();
            HttpResponse<byte[]> r = sendBytes(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .GET().build(), endpoint);
            if (r == null) {
                continue;
            }
            if (r.statusCode() != 200 && killedAt != 0 && sent >= killedAt && (readyAgainAt == 0 || sent <= readyAgainAt)) {
                // the restarted server answers before its servlets are all registered: not an error of the API
                loadErrors.computeIfAbsent(endpoint + " " + r.statusCode() + " while the server was starting again",
                        x -> new AtomicInteger()).incrementAndGet();
                continue;
            }
            if (r.statusCode() == 200) {
                if (endpoint.equals("GET /api/jobs/{id}")) {
                    String body = new String(r.body(), StandardCharsets.UTF_8);
                    if (body.contains("\"state\":\"succeeded\"")) {
                        seenSucceeded.add(id);
                    }
                }
            } else if (r.statusCode() == 503 && endpoint.endsWith("results.zip")
                    && r.headers().firstValue("Retry-After").isPresent()) {
                loadErrors.computeIfAbsent(endpoint + " 503 busy (Retry-After, allowed)", x -> new AtomicInteger())
                        .incrementAndGet();
            } else {
                loadErrors.computeIfAbsent(endpoint + " " + r.statusCode(), x -> new AtomicInteger()).incrementAndGet();
                failures.add("load request " + url + " answered " + r.statusCode() + ": "
                        + abbreviate(new String(r.body(), StandardCharsets.UTF_8), 600));
            }
        }
    }

    private HttpResponse<String> send(HttpRequest request, String endpoint) {
        HttpResponse<byte[]> r = sendBytes(request, endpoint);
        if (r == null) {
            return null;
        }
        String body = new String(r.body(), StandardCharsets.UTF_8);
        return new HttpResponse<>() {
            public int statusCode() { return r.statusCode(); }
            public HttpRequest request() { return r.request(); }
            public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
            public java.net.http.HttpHeaders headers() { return r.headers(); }
            public String body() { return body; }
            public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
            public URI uri() { return r.uri(); }
            public HttpClient.Version version() { return r.version(); }
        };
    }

    /** Sends a well-formed request; records its latency or its connection error (expected only during the outage). */
    private HttpResponse<byte[]> sendBytes(HttpRequest request, String endpoint) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            latency.computeIfAbsent(endpoint, e -> new Samples()).add(System.nanoTime() - t0);
            served.incrementAndGet();
            return r;
        } catch (IOException e) {
            long t1 = System.nanoTime();
            unanswered.incrementAndGet();
            boolean outage = killedAt != 0 && t1 >= killedAt && (readyAgainAt == 0 || t0 <= readyAgainAt);
            String kind = (outage ? "no answer while the server was down (kill -9 to restart): "
                    : "connection error while the server was up: ") + e.getClass().getSimpleName();
            loadErrors.computeIfAbsent(kind, x -> new AtomicInteger()).incrementAndGet();
            if (!outage) {
                failures.add(endpoint + " " + request.uri() + ": " + e);
            } else {
                try {
                    Thread.sleep(100); // do not spin while the server is down
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** @return id → state of every job the server lists (the API's list, newest first, at most 1000) */
    private Map<Long, String> listStates() {
        Map<Long, String> out = new TreeMap<>();
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/jobs?limit=1000"))
                .timeout(Duration.ofSeconds(30)).build(), "GET /api/jobs (checker)");
        if (r != null && r.statusCode() == 200) {
            Matcher m = JOB_STATE.matcher(r.body());
            while (m.find()) {
                long id = Long.parseLong(m.group(1));
                if (ids.contains(id)) {
                    out.put(id, m.group(2));
                    if (m.group(2).equals("succeeded")) {
                        seenSucceeded.add(id);
                    }
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------- the job checks

    /**
     * Checks every job answered 201: still there; succeeded only with complete results; cancelled only after a 202;
     * never failed; still succeeded if it was reported succeeded before. With {@code end}, a job still queued or
     * running is reported too.
     *
     * @return the lines of the report (also adds to the failures)
     */
    private List<String> checkJobs(String when, boolean end) {
        List<String> out = new ArrayList<>();
        int lost = 0;
        int wrong = 0;
        Map<String, Integer> counts = new TreeMap<>();
        List<Long> all = new ArrayList<>(ids);
        Collections.sort(all);
        for (long id : all) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/jobs/" + id))
                    .timeout(Duration.ofSeconds(30)).build(), "GET /api/jobs/{id} (checker)");
            if (r == null || r.statusCode() != 200) {
                lost++;
                String why = "job " + id + " (answered 201) is missing " + when + ": "
                        + (r == null ? "no answer" : r.statusCode() + " " + abbreviate(r.body(), 300));
                out.add(why);
                failures.add(why);
                continue;
            }
            String state = field(r.body(), "state");
            counts.merge(state, 1, Integer::sum);
            String problem = null;
            if ("succeeded".equals(state)) {
                problem = incomplete(id, r.body());
                if (problem == null && cancelled202.contains(id)) {
                    problem = "reported succeeded although its cancel was answered 202";
                }
            } else if ("cancelled".equals(state) && !cancelled202.contains(id)) {
                problem = "reported cancelled, but no cancel of it was answered 202";
            } else if ("failed".equals(state)) {
                problem = "reported failed: " + field(r.body(), "error");
            } else if (!"cancelled".equals(state) && seenSucceeded.contains(id)) {
                problem = "was reported succeeded before, now " + state;
            } else if (end && ("queued".equals(state) || "running".equals(state))) {
                problem = "still " + state + " at the end of the check";
            }
            if (problem != null) {
                wrong++;
                String why = "job " + id + " " + when + ": " + problem;
                out.add(why);
                failures.add(why);
            }
        }
        out.add(0, String.format(Locale.ROOT, "%s: %d jobs answered 201, states %s; jobs lost: %d, jobs wrongly "
                + "reported: %d", when, all.size(), counts, lost, wrong));
        note(out.get(0));
        lastLost = lost;
        lastWrong = wrong;
        return out;
    }

    private int lastLost;
    private int lastWrong;

    /** @return null if the succeeded job's results are complete, else what is missing */
    private String incomplete(long id, String jobJson) {
        String summary = jobJson.contains("\"summary\":") ? jobJson.substring(jobJson.indexOf("\"summary\":")) : "";
        List<String> stages = new ArrayList<>();
        Matcher m = Pattern.compile("\"stage\":\"([^\"]+)\"").matcher(summary);
        while (m.find()) {
            stages.add(m.group(1));
        }
        if (!stages.equals(STAGES)) {
            return "reported succeeded, but its summary lists the stages " + stages + " instead of " + STAGES;
        }
        for (String f : EXPECTED_FILES) {
            if (!jobJson.contains("\"" + f + "\"")) {
                return "reported succeeded, but its file list lacks " + f;
            }
            HttpResponse<byte[]> r = sendBytes(HttpRequest.newBuilder(URI.create(base + "/api/jobs/" + id + "/files/" + f))
                    .timeout(Duration.ofSeconds(30)).build(), "GET /api/jobs/{id}/files/{path} (checker)");
            if (r == null || r.statusCode() != 200 || r.body().length == 0) {
                return "reported succeeded, but " + f + " is " + (r == null ? "not answered" : r.statusCode()
                        + " with " + r.body().length + " bytes");
            }
            if (f.equals("provenance.json")
                    && !Pattern.compile("\"status\"\\s*:\\s*\"succeeded\"").matcher(new String(r.body(),
                    StandardCharsets.UTF_8)).find()) {
                return "reported succeeded, but provenance.json does not say succeeded";
            }
        }
        return null;
    }

    // --------------------------------------------------------------------------------------- hostile requests

    private List<Thread> hostileThreads(ConcurrentLinkedQueue<Raw> batch) {
        List<Thread> out = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                Raw r;
                while ((r = batch.poll()) != null) {
                    hostile(r);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "hostile-" + t);
            th.start();
            out.add(th);
        }
        return out;
    }

    private void hostile(Raw req) {
        long t0 = System.nanoTime();
        Answer a;
        try {
            a = exchange(req);
        } catch (IOException e) {
            unanswered.incrementAndGet();
            hostileStatus.computeIfAbsent(req.kind(), k -> new ConcurrentHashMap<>())
                    .computeIfAbsent("no answer (" + e.getClass().getSimpleName() + ")", k -> new AtomicInteger())
                    .incrementAndGet();
            failures.add("HOSTILE REQUEST NOT ANSWERED (" + req.kind() + "): " + e + "\n--- request ---\n"
                    + shown(req));
            return;
        }
        served.incrementAndGet();
        latency.computeIfAbsent("hostile (all classes)", e -> new Samples()).add(System.nanoTime() - t0);
        hostileStatus.computeIfAbsent(req.kind(), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(Integer.toString(a.status()), k -> new AtomicInteger()).incrementAndGet();
        String body = a.bodyText();
        List<String> wrong = new ArrayList<>();
        if (a.status() < 400 || a.status() > 499) {
            wrong.add("answered " + a.status() + " (a hostile request must get a 4xx)");
            hostileNot4xx.incrementAndGet();
        }
        for (String line : passwdLines) {
            if (line.length() >= 8 && (body.contains(line) || a.head().contains(line))) {
                wrong.add("the answer contains a line of /etc/passwd: '" + line + "'");
                hostilePasswd.incrementAndGet();
                break;
            }
        }
        if (body.contains(token) || a.head().contains(token)) {
            wrong.add("the answer contains the server's token");
            hostileToken.incrementAndGet();
        }
        if (a.status() == 201 && req.target().startsWith("/api/jobs")) {
            Matcher m = ID.matcher(body);
            if (m.find()) {
                long id = Long.parseLong(m.group(1));
                hostileJobs.add(id);
                // cancel it at once: a hostile job must not run (it could exhaust the machine)
                HttpResponse<String> c = send(HttpRequest.newBuilder(URI.create(base + "/api/jobs/" + id + "/cancel"))
                        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        "POST /api/jobs/{id}/cancel (hostile job)");
                wrong.add("it created job " + id + " (cancelled at once: " + (c == null ? "no answer" : c.statusCode())
                        + ")");
            }
        }
        if (!wrong.isEmpty()) {
            failures.add("HOSTILE REQUEST (" + req.kind() + "): " + String.join("; ", wrong) + "\n--- request ---\n"
                    + shown(req) + "\n--- response ---\n" + a.head() + abbreviate(body, 4000));
        }
    }

    private static String shown(Raw req) {
        String body = req.body() == null ? "" : req.body().length > 0 && req.body()[0] == 0
                ? "(" + req.body().length + " zero bytes of the announced body, then nothing)"
                : new String(req.body(), StandardCharsets.UTF_8);
        return req.text() + abbreviate(body, 3000);
    }

    /** One request on its own connection, the bytes exactly as given; reads the whole answer. */
    private Answer exchange(Raw req) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(req.text().getBytes(StandardCharsets.ISO_8859_1));
            if (req.body() != null && req.sendBody()) {
                out.write(req.body());
            }
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            int match = 0;
            while ((b = in.read()) != -1) {
                head.write(b);
                match = (b == '\r' && (match == 0 || match == 2)) || (b == '\n' && (match == 1 || match == 3))
                        ? match + 1 : (b == '\r' ? 1 : 0);
                if (match == 4) {
                    break;
                }
            }
            String h = head.toString(StandardCharsets.ISO_8859_1);
            if (!h.startsWith("HTTP/")) {
                throw new IOException("no HTTP answer (" + h.length() + " bytes: " + abbreviate(h, 200) + ")");
            }
            int status = Integer.parseInt(h.substring(9, 12));
            String lower = h.toLowerCase(Locale.ROOT);
            byte[] body;
            Matcher cl = Pattern.compile("\r\ncontent-length:\\s*(\\d+)").matcher(lower);
            if (req.method().equals("HEAD") || status == 204 || status == 304) {
                body = new byte[0];
            } else if (lower.contains("\r\ntransfer-encoding: chunked")) {
                ByteArrayOutputStream o = new ByteArrayOutputStream();
                while (true) {
                    String size = line(in).trim();
                    int n = Integer.parseInt(size.replaceFirst(";.*$", ""), 16);
                    if (n == 0) {
                        break;
                    }
                    o.write(in.readNBytes(n));
                    line(in);
                }
                body = o.toByteArray();
            } else if (cl.find()) {
                body = in.readNBytes(Integer.parseInt(cl.group(1)));
            } else {
                body = in.readAllBytes();
            }
            return new Answer(status, h, body);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                s.append((char) b);
            }
        }
        return s.toString();
    }

    private Raw raw(String kind, String method, String target, String body, String contentType, boolean auth,
                    String... extraHeaders) {
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Host", "127.0.0.1:" + port});
        if (auth) {
            h.add(new String[] {"Authorization", "Bearer " + token});
        }
        if (contentType != null) {
            h.add(new String[] {"Content-Type", contentType});
        }
        byte[] b = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        if (b != null) {
            h.add(new String[] {"Content-Length", Integer.toString(b.length)});
        } else if (!method.equals("GET") && !method.equals("HEAD")) {
            h.add(new String[] {"Content-Length", "0"});
        }
        h.add(new String[] {"Connection", "close"});
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            String name = extraHeaders[i];
            h.removeIf(x -> x[0].equalsIgnoreCase(name));
            if (extraHeaders[i + 1] != null) {
                h.add(i == 0 && name.equals("Host") ? 0 : h.size(), new String[] {name, extraHeaders[i + 1]});
            }
        }
        return new Raw(kind, method, target, h, b, true);
    }

    private Raw announced(String kind, String target, long length, boolean auth, String contentType) {
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Host", "127.0.0.1:" + port});
        if (auth) {
            h.add(new String[] {"Authorization", "Bearer " + token});
        }
        h.add(new String[] {"Content-Type", contentType});
        h.add(new String[] {"Content-Length", Long.toString(length)});
        h.add(new String[] {"Connection", "close"});
        // the first KB of the body only: Jetty 9.4 dispatches a request with a body once its first bytes arrive
        // (delayDispatchUntilContent), so with headers alone the answer waits for the body or the idle timeout
        return new Raw(kind, "POST", target, h, new byte[1024], true);
    }

    private String withSet(String target, String... sets) {
        StringBuilder s = new StringBuilder(target);
        for (int i = 0; i < sets.length; i++) {
            s.append(i == 0 ? '?' : '&').append("set=").append(enc(sets[i]));
        }
        return s.toString();
    }

    /** The hostile requests: every class, repeated round robin up to {@code count}. */
    private List<Raw> hostileRequests(String chain, String dem, int count) {
        String y = "application/yaml";
        String j = "application/json";
        String token = this.token;
        List<Raw> c = new ArrayList<>();
        // bad YAML
        String k = "bad YAML";
        c.add(raw(k, "POST", "/api/jobs", "name: [unclosed\nstages: {", y, true));
        c.add(raw(k, "POST", "/api/jobs", "name: x\n stages:\n- use: : :\n\t- bad", y, true));
        c.add(raw(k, "POST", "/api/jobs", "", y, true));
        c.add(raw(k, "POST", "/api/jobs", "- 1\n- 2\n", y, true));
        c.add(raw(k, "POST", "/api/jobs", chain.replace("use: empirical.roll-gap", "use: no.such.stage"), y, true));
        c.add(raw(k, "POST", "/api/jobs", chain + "\nrecipe: {}\n", y, true));
        c.add(raw(k, "POST", "/api/jobs", "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
                + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
                + "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n", y, true));
        c.add(raw(k, "POST", "/api/jobs", "[".repeat(20000) + "]".repeat(20000), y, true));
        c.add(raw(k, "POST", "/api/jobs", "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
                + "[[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n", y, true));
        c.add(raw(k, "POST", "/api/jobs", chain.replace("name: empirical-chain",
                "name: !!java.io.File [\"/etc/passwd\"]"), y, true));
        c.add(raw(k, "POST", "/api/jobs", "\u0000\u0001\u00ff\ufffe garbage \u0007", y, true));
        // bad JSON
        k = "bad JSON";
        c.add(raw(k, "POST", "/api/jobs", "{\"name\": \"x\", \"stages\": [", j, true));
        c.add(raw(k, "POST", "/api/jobs", "{\"name\": 1e999999, \"stages\": []}", j, true));
        c.add(raw(k, "POST", "/api/jobs", "null", j, true));
        c.add(raw(k, "POST", "/api/swap", "{\"name\":", j, true));
        c.add(raw(k, "POST", "/api/swap", "[]", j, true));
        c.add(raw(k, "POST", "/api/swap", "{}", j, true));
        c.add(raw(k, "POST", "/api/swap", "{\"name\":\"dem.contact\",\"implementation\":\"../../etc/passwd\"}", j, true));
        c.add(raw(k, "POST", "/api/swap", "{\"name\":\"no.such.service\",\"implementation\":\"x\"}", j, true));
        c.add(raw(k, "POST", "/api/bundles", "{\"not\":\"a jar\"}", "application/java-archive", true));
        // huge and non-finite numbers
        k = "huge numbers";
        c.add(raw(k, "POST", withSet("/api/jobs", "calendering.line_load_kN_per_m=1e308"), chain, y, true));
        c.add(raw(k, "POST", withSet("/api/jobs", "calendering.line_load_kN_per_m=1e400"), chain, y, true));
        c.add(raw(k, "POST", withSet("/api/jobs", "calendering.line_load_kN_per_m=.nan"), chain, y, true));
        c.add(raw(k, "POST", withSet("/api/jobs", "calendering.line_load_kN_per_m=-1e308"), chain, y, true));
        c.add(raw(k, "POST", withSet("/api/jobs", "recipe.active_loading_mg_per_cm2=1e308"), chain, y, true));
        c.add(raw(k, "POST", withSet("/api/jobs", "recipe.particle_d50_um=1e-300"), dem, y, true));
        c.add(raw(k, "POST", withSet("/api/jobs", "stages[0].with.box_x_d50=1e9"), dem, y, true));
        c.add(raw(k, "POST", withSet("/api/jobs", "stages[1].with.hold_steps=1e18"), dem, y, true));
        c.add(raw(k, "POST", withSet("/api/jobs", "stages[0].with.threads=99999999999999999999"), dem, y, true));
        c.add(raw(k, "POST", "/api/jobs", chain.replace("c_rates: [0.5, 1, 2, 5]", "c_rates: [1e308, -1e308, .inf]"),
                y, true));
        c.add(raw(k, "POST", "/api/jobs", chain.replace("seed: 1", "seed: 1" + "9".repeat(400)), y, true));
        // path traversal in file parameters of the job file
        k = "traversal in a job file";
        for (String p : List.of("/etc/passwd", "../../etc/passwd", "../../../../../../../../etc/passwd",
                "token", "../lab/token", data.resolve("token").toString(), "calsim.mv.db", "/proc/self/environ",
                "jobs/1/summary.json", "file:///etc/passwd", "%2e%2e/%2e%2e/etc/passwd")) {
            c.add(raw(k, "POST", withSet("/api/jobs", "stages[0].with.fit_csv=" + p), chain, y, true));
        }
        c.add(raw(k, "POST", "/api/jobs", chain.replace("model: exponential",
                "model: exponential\n      fit_csv: /etc/passwd"), y, true));
        c.add(raw(k, "POST", "/api/jobs", chain.replace("model: power-law",
                "model: power-law\n      fit_csv: ../../etc/passwd"), y, true));
        c.add(raw(k, "POST", "/api/jobs", chain.replace("c_rates: [0.5, 1, 2, 5]",
                "c_rates: [0.5, 1, 2, 5]\n      fit_csv: /etc/passwd"), y, true));
        c.add(raw(k, "POST", "/api/jobs", chain + "\n  - use: fem.p2d\n    with:\n      c_rates: [1]\n"
                + "      parameter_file: /etc/passwd\n", y, true));
        c.add(raw(k, "POST", "/api/jobs", chain + "\n  - use: fem.p2d\n    with:\n      c_rates: [1]\n"
                + "      parameter_file: ../../../../etc/passwd\n", y, true));
        c.add(raw(k, "POST", "/api/jobs", chain + "\n  - use: ml.surrogate\n    with:\n      model_file: /etc/passwd\n",
                y, true));
        c.add(raw(k, "POST", "/api/jobs", "{\"name\":\"x\",\"recipe\":{\"active_material\":\"NMC622\"},\"stages\":"
                + "[{\"use\":\"empirical.porosity\",\"with\":{\"fit_csv\":\"/etc/passwd\"}}]}", j, true));
        // path traversal in result downloads (raw targets: nothing normalises them on the way)
        k = "traversal in a download";
        for (String t : List.of("/api/jobs/1/files/../../token", "/api/jobs/1/files/%2e%2e/%2e%2e/token",
                "/api/jobs/1/files/..%2f..%2ftoken", "/api/jobs/1/files//etc/passwd",
                "/api/jobs/1/files/%2Fetc%2Fpasswd", "/api/jobs/1/files/dem.generate/../../../calsim.mv.db",
                "/api/jobs/1/files/..%5c..%5ctoken", "/static/../../token", "/api/jobs/1/files/%252e%252e/token",
                "/api/jobs/1/files/../../../../../../etc/passwd", "/api/jobs/..%2f..%2ftoken/files/x")) {
            c.add(raw(k, "GET", t, null, null, false));
        }
        // forged Host
        k = "forged Host";
        for (String h : List.of("evil.example.com", "127.0.0.1.evil.example.com", "localhost:1", "evil.example.com:"
                + port, "127.0.0.1@evil.example.com", "")) {
            c.add(raw(k, "GET", "/api/jobs", null, null, false, "Host", h));
            c.add(raw(k, "POST", "/api/jobs", chain, y, true, "Host", h));
        }
        c.add(raw(k, "GET", "/", null, null, false, "Host", "evil.example.com"));
        c.add(raw(k, "GET", "/api/health", null, null, false, "Host", "evil.example.com"));
        c.add(raw(k, "GET", "/api/jobs", null, null, false, "Host", null)); // no Host at all
        // missing token
        k = "missing token";
        c.add(raw(k, "POST", "/api/jobs", chain, y, false));
        c.add(raw(k, "POST", "/api/jobs/1/cancel", null, null, false));
        c.add(raw(k, "DELETE", "/api/jobs/1", null, null, false));
        c.add(raw(k, "POST", "/api/bundles", "PK\u0003\u0004", "application/java-archive", false));
        c.add(raw(k, "DELETE", "/api/bundles/org.calsim.dem", null, null, false));
        c.add(raw(k, "POST", "/api/swap", "{\"name\":\"x\",\"implementation\":\"y\"}", j, false));
        // wrong token
        k = "wrong token";
        for (String a : List.of("Bearer " + "0".repeat(64), "Bearer " + token.substring(0, token.length() - 1),
                "Bearer " + token + "x", "Bearer ", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("calsim:" + token).getBytes(StandardCharsets.UTF_8)), token)) {
            c.add(raw(k, "POST", "/api/jobs", chain, y, false, "Authorization", a));
            c.add(raw(k, "POST", "/api/jobs/1/cancel", null, null, false, "Authorization", a));
        }
        c.add(raw(k, "DELETE", "/api/jobs/1", null, null, false, "Authorization", "Bearer nope"));
        // oversize uploads announced by Content-Length (the first KB of the body sent, the rest never)
        k = "oversize upload";
        c.add(announced(k, "/api/bundles", 60L << 20, true, "application/java-archive"));
        c.add(announced(k, "/api/bundles", 1L << 62, true, "application/java-archive"));
        c.add(announced(k, "/api/bundles", 60L << 20, false, "application/java-archive"));
        c.add(announced(k, "/api/jobs", 2L << 20, true, y));
        c.add(announced(k, "/api/jobs", 1L << 40, true, y));
        // unknown routes and methods
        k = "unknown route";
        c.add(raw(k, "GET", "/api/nope", null, null, false));
        c.add(raw(k, "GET", "/api/jobs/999999", null, null, false));
        c.add(raw(k, "GET", "/api/jobs/abc", null, null, false));
        c.add(raw(k, "GET", "/api/jobs/-1", null, null, false));
        c.add(raw(k, "GET", "/api/jobs/99999999999999999999999", null, null, false));
        c.add(raw(k, "GET", "/api/jobs/1/nope", null, null, false));
        c.add(raw(k, "POST", "/api/jobs/1/explode", null, null, true));
        c.add(raw(k, "PUT", "/api/jobs", chain, y, true));
        c.add(raw(k, "PATCH", "/api/jobs/1", "{}", j, true));
        c.add(raw(k, "DELETE", "/api/jobs/999999", null, null, true));
        c.add(raw(k, "DELETE", "/api/bundles/no.such.bundle", null, null, true));
        c.add(raw(k, "TRACE", "/api/jobs", null, null, false));
        c.add(raw(k, "GET", "/nothing.php", null, null, false));
        // bad queries
        k = "bad query";
        c.add(raw(k, "GET", "/api/jobs?limit=-1", null, null, false));
        c.add(raw(k, "GET", "/api/jobs?limit=1e9", null, null, false));
        c.add(raw(k, "GET", "/api/jobs?limit=99999999999999999999", null, null, false));
        c.add(raw(k, "GET", "/api/jobs?state=bogus", null, null, false));
        c.add(raw(k, "GET", "/api/jobs?state=%00", null, null, false));
        c.add(raw(k, "POST", withSet("/api/jobs", "nonsense"), chain, y, true));
        c.add(raw(k, "POST", withSet("/api/jobs", "stages[99].with.x=1"), chain, y, true));
        c.add(raw(k, "POST", withSet("/api/jobs", "recipe="), chain, y, true));
        c.add(raw(k, "POST", "/api/jobs?set=%zz", chain, y, true));

        List<Raw> out = new ArrayList<>();
        for (int i = 0; out.size() < count; i++) {
            out.add(c.get(i % c.size()));
        }
        note("hostile: " + c.size() + " distinct requests in " + c.stream().map(Raw::kind).distinct().count()
                + " classes, " + out.size() + " sent");
        return out;
    }

    // -------------------------------------------------------------------------------------------------- report

    private void report(ZonedDateTime date, String loadBefore, double seconds, int jobCount, int clients, int hostile,
                        int beforeKill, List<String> afterRestart, List<String> atEnd) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# calsim lab server load, fault and bad-input check (bench/server/fault.sh)\n");
        out.append("date: ").append(date.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
        out.append("machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append("; java ").append(System.getProperty("java.runtime.version")).append('\n');
        out.append("load average before / after: ").append(loadBefore).append(" / ").append(loadAverage())
                .append(" (1, 5, 15 min; other processes on the machine count too)\n");
        out.append(String.format(Locale.ROOT, "setup: calsim serve --host 127.0.0.1 --jobs 2, fresh data folder; %d "
                + "clients (the first %d each submit bench/server/job.yaml with their own ?set=, then all poll the "
                + "jobs API back to back); 2 queued jobs cancelled; %d hostile requests over raw sockets (%d before "
                + "the kill, %d after the restart); kill -9 of the server once 4 jobs had succeeded, restart on the "
                + "same data folder and port; %.0f s in all%n", clients, jobCount, hostile, beforeKill,
                hostile - beforeKill, seconds));
        out.append('\n');
        out.append("## result\n");
        out.append(String.format(Locale.ROOT, "requests served: %d (answered with any status; %d more got no answer, "
                + "%s)%n", served.get(), unanswered.get(), "see errors"));
        out.append(String.format(Locale.ROOT, "hostile requests: %d sent; answered other than 4xx: %d; not answered: "
                + "%d; answers containing /etc/passwd: %d; answers containing the token: %d%n", hostile,
                hostileNot4xx.get(), hostileStatus.values().stream().flatMap(m -> m.entrySet().stream())
                        .filter(e -> e.getKey().startsWith("no answer")).mapToInt(e -> e.getValue().get()).sum(),
                hostilePasswd.get(), hostileToken.get()));
        out.append("jobs lost: ").append(lastLost).append(", jobs wrongly reported: ").append(lastWrong).append('\n');
        out.append("check: ").append(failures.isEmpty() ? "PASSED" : "FAILED (" + failures.size()
                + " problem(s), listed below)").append('\n');
        out.append('\n');

        out.append("## latency (client side, request sent to whole answer received)\n");
        out.append(String.format(Locale.ROOT, "%-44s %8s %8s %8s %8s%n", "endpoint", "answered", "p50 ms", "p99 ms",
                "max ms"));
        List<long[]> everything = new ArrayList<>();
        for (Map.Entry<String, Samples> e : new TreeMap<>(latency).entrySet()) {
            long[] v = e.getValue().sorted();
            everything.add(v);
            out.append(String.format(Locale.ROOT, "%-44s %8d %8.1f %8.1f %8.1f%n", e.getKey(), v.length, pct(v, 0.5),
                    pct(v, 0.99), v.length == 0 ? Double.NaN : v[v.length - 1] / 1e6));
        }
        long[] all = everything.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        out.append(String.format(Locale.ROOT, "%-44s %8d %8.1f %8.1f %8.1f%n", "all", all.length, pct(all, 0.5),
                pct(all, 0.99), all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6));
        out.append('\n');

        out.append("## errors by kind\n");
        out.append("load requests not answered 200:\n");
        if (loadErrors.isEmpty()) {
            out.append("  none\n");
        }
        for (Map.Entry<String, AtomicInteger> e : new TreeMap<>(loadErrors).entrySet()) {
            out.append(String.format(Locale.ROOT, "  %6d  %s%n", e.getValue().get(), e.getKey()));
        }
        out.append("hostile requests, answers by class (every one must be 4xx):\n");
        for (Map.Entry<String, Map<String, AtomicInteger>> e : new TreeMap<>(hostileStatus).entrySet()) {
            Map<String, Integer> s = new TreeMap<>();
            e.getValue().forEach((status, n) -> s.put(status, n.get()));
            int sum = s.values().stream().mapToInt(Integer::intValue).sum();
            out.append(String.format(Locale.ROOT, "  %-26s %4d  %s%n", e.getKey(), sum, s));
        }
        out.append('\n');

        out.append("## jobs\n");
        out.append("answered 201: ").append(ids.size()).append("; cancels answered 202: ")
                .append(new java.util.TreeSet<>(cancelled202)).append("; states just before the kill: ")
                .append(counts(stateAtKill)).append('\n');
        for (String l : afterRestart) {
            out.append(l).append('\n');
        }
        for (String l : atEnd) {
            out.append(l).append('\n');
        }
        if (!hostileJobs.isEmpty()) {
            out.append("jobs created by hostile requests (cancelled at once, not counted above): ")
                    .append(hostileJobs).append('\n');
        }
        out.append('\n');
        out.append("## timeline\n");
        for (String l : log) {
            out.append(l).append('\n');
        }
        if (!failures.isEmpty()) {
            out.append('\n');
            out.append("## failures (the exact request and answer)\n");
            out.append("(the same request failing the same way is shown once, with the number of times; the token "
                    + "is shown as <TOKEN> and each line of /etc/passwd as [/etc/passwd line N])\n");
            Map<String, String> first = new LinkedHashMap<>();
            Map<String, Integer> times = new LinkedHashMap<>();
            synchronized (failures) {
                for (String f : failures) {
                    String key = f.replaceFirst("(?s)\n--- response ---.*", "").replaceAll("job \\d+", "job N");
                    first.putIfAbsent(key, f);
                    times.merge(key, 1, Integer::sum);
                }
            }
            int n = 0;
            for (Map.Entry<String, String> e : first.entrySet()) {
                int t = times.get(e.getKey());
                out.append("\n### ").append(++n).append(t > 1 ? " (" + t + " times)" : "").append('\n')
                        .append(e.getValue()).append('\n');
            }
        }
        String text = out.toString().replace(token, "<TOKEN>");
        for (int i = 0; i < passwdLines.size(); i++) {
            if (passwdLines.get(i).length() >= 8) {
                text = text.replace(passwdLines.get(i), "[/etc/passwd line " + (i + 1) + "]");
            }
        }
        Files.writeString(Path.of(args.get("out")), text);
        System.out.print(text);
    }

    private static String counts(Map<Long, String> states) {
        Map<String, Integer> c = new TreeMap<>();
        states.values().forEach(s -> c.merge(s, 1, Integer::sum));
        return c.toString();
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int k = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, k))] / 1e6;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(null|\"((?:[^\"\\\\]|\\\\.)*)\")").matcher(json);
        return m.find() && m.group(2) != null ? m.group(2) : null;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "… (" + s.length() + " characters)";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
