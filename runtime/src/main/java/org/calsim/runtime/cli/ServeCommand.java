package org.calsim.runtime.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Dictionary;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.cm.ConfigurationAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code calsim serve [--port N] [--data DIR] [--cluster NAME --members HOST,...]}: runs the lab server until the
 * process is stopped.
 *
 * <p>It first makes the container a member of the cluster ({@link ClusterJoin}; a cluster of this server alone unless
 * {@code --cluster} and {@code --members} say otherwise), so that a server refused by its cluster never serves.
 *
 * <p>It configures Felix HTTP (PID {@value #HTTP_PID}: enabled, port N, host, by default {@value #HOST}) and the lab server
 * (PID {@value #SERVER_PID}: {@code data.dir}, {@code jobs.concurrent}, {@code keep.days}, {@code upload.max.bytes},
 * {@code upload.max.files}, ...) through Configuration Admin, then raises the framework to start
 * level {@value #HTTP_START_LEVEL}, where {@code calsim.bndrun} puts Felix HTTP Jetty, so that ordinary commands
 * never start the web server. It waits until {@code /api/health} answers (or a lab server component fails to
 * activate), prints the address and blocks the launcher's main thread. On SIGTERM or SIGINT a shutdown hook
 * releases the main thread, on which the bnd launcher stops the framework (the lab server closes its database),
 * and waits for the framework to stop: the launcher itself would otherwise let the JVM end without stopping the
 * bundles.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the lab server (HTTP API and pages, job queue, database in the data "
                + "folder) until the process is stopped with Ctrl-C or SIGTERM.")
final class ServeCommand implements Callable<Integer> {
    /** The interface the lab server listens on unless --host says otherwise: loopback. */
    static final String HOST = "127.0.0.1";
    /** Configuration PID of Felix HTTP Jetty. */
    static final String HTTP_PID = "org.apache.felix.http";
    /** Configuration PID of the lab server (org.calsim.server); its property {@code data.dir} names the data folder. */
    static final String SERVER_PID = "org.calsim.server";
    /** Bundle-SymbolicName of the lab server, whose failed components end the wait for it. */
    static final String SERVER_BUNDLE = "org.calsim.server";
    /** Start level of Felix HTTP Jetty in calsim.bndrun; the framework begins at 1. */
    static final int HTTP_START_LEVEL = 2;
    /** The longest --keep-days: a hundred years. */
    static final int MAX_KEEP_DAYS = 36_500;
    /** The largest --upload-max-mb: 1 TiB. */
    static final long MAX_UPLOAD_MB = 1L << 20;
    /** The largest --upload-max-files: the most the lab server can be configured for (its JobInputs.MOST_FILES). */
    static final int MAX_UPLOAD_FILES = 100_000;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Hazelcast's java.util.logging logger: errors only, so that a start shows calsim's own lines and not its warnings
     * (a busy default port, which it then avoids). Held here, as java.util.logging keeps loggers only weakly and would
     * forget the level.
     */
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final BundleContext context;
    private final PrintStream out;
    private final PrintStream err;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "TCP port, 1 to 65535 (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = HOST,
            description = "address to listen on (default: ${DEFAULT-VALUE}); on any other, every request needs the "
                    + "token in <data>/token")
    String host;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "2",
            description = "jobs that run at once, 1 to 64 (default: ${DEFAULT-VALUE}); the others wait in the queue. "
                    + "Sweep points this server runs for its cluster use another N workers of their own")
    int concurrentJobs;

    @Option(names = "--keep-days", paramLabel = "N", defaultValue = "0",
            description = "delete jobs that ended more than N days ago, with their results, at the start and every "
                    + "hour; 0 keeps every job (default: ${DEFAULT-VALUE})")
    int keepDays;

    @Option(names = "--upload-max-mb", paramLabel = "N", defaultValue = "2048",
            description = "largest job submission with input files (an image, a folder of slices), in MB of 2^20 "
                    + "bytes, 1 to " + MAX_UPLOAD_MB + " (default: ${DEFAULT-VALUE}); a larger one is refused (413)")
    long uploadMaxMb;

    @Option(names = "--upload-max-files", paramLabel = "N", defaultValue = "10000",
            description = "most input files of one job submission, 1 to " + MAX_UPLOAD_FILES
                    + " (default: ${DEFAULT-VALUE})")
    int uploadMaxFiles;

    @Option(names = "--no-deploy", description = "refuse to deploy plugins through the API and the shell; the "
            + "token then cannot be used to run new code in the server (job files and swaps still work)")
    boolean noDeploy;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "lab-data",
            description = "folder of the lab server's database, created if missing, for its owner only "
                    + "(default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--cluster", paramLabel = "NAME", defaultValue = "local",
            description = "the cluster this server belongs to; servers given the same name, token and member list "
                    + "share the points of sweeps (default: ${DEFAULT-VALUE}, a cluster of this server alone)")
    String cluster;

    @Option(names = "--members", paramLabel = "HOST[:PORT],...", split = ",",
            description = "other servers of the cluster, found over TCP/IP (multicast is off); port 5701 and the "
                    + "next ones are tried if none is given")
    List<String> members = new ArrayList<>();

    @Option(names = "--cluster-bind", paramLabel = "ADDRESS", defaultValue = HOST,
            description = "address the cluster member listens on (default: ${DEFAULT-VALUE}; give this machine's "
                    + "lab-network address to join servers on other machines)")
    String clusterBind;

    @Option(names = "--cluster-port", paramLabel = "N", defaultValue = "5701",
            description = "first port the cluster member tries; it takes the first free one of the next 20 "
                    + "(default: ${DEFAULT-VALUE})")
    int clusterPort;

    @Option(names = "--cluster-token", paramLabel = "FILE",
            description = "the cluster token, created if missing; every member needs the same file "
                    + "(default: <data>/cluster-token)")
    Path clusterToken;

    @Option(names = "--cluster-results", paramLabel = "DIR",
            description = "where this server writes the sweep points it runs for the cluster, a shared folder if "
                    + "you like (default: <data>/cluster-points)")
    Path clusterResults;

    /** Whether the command holds the main thread until the process is stopped (false under the Gogo shell). */
    private final boolean blocking;

    ServeCommand(BundleContext context, PrintStream out, PrintStream err) {
        this(context, out, err, true);
    }

    ServeCommand(BundleContext context, PrintStream out, PrintStream err, boolean blocking) {
        this.blocking = blocking;
        this.context = context;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws InterruptedException {
        Path data = dataDir.toAbsolutePath().normalize();
        Path token = clusterToken != null ? clusterToken : data.resolve("cluster-token");
        String bad = badInput(data, token);
        if (bad != null) {
            err.println("calsim: " + bad);
            return ExitCodes.BAD_INPUT;
        }
        // from here on SIGTERM or Ctrl-C stops the framework cleanly (the database closes), also while starting
        Bundle system = context.getBundle(0);
        CountDownLatch stop = new CountDownLatch(1);
        if (blocking) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                awaitStopped(system);
            }, "calsim serve: stop the framework"));
        }
        HAZELCAST_LOG.setLevel(Level.SEVERE);
        String notJoined = ClusterJoin.join(context, cluster, members, clusterBind, clusterPort, token,
                "server", concurrentJobs, clusterResults != null ? clusterResults : data.resolve("cluster-points"));
        if (notJoined != null) {
            err.println("calsim: the server did not join the cluster " + cluster + ": " + notJoined);
            return ExitCodes.FAILED;
        }
        String notConfigured = configureServer(data);
        if (notConfigured != null) {
            err.println("calsim: " + notConfigured);
            return ExitCodes.FAILED;
        }
        raiseStartLevel(system);

        String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/";
        String notHealthy = awaitHealthy(URI.create(url + "api/health"));
        if (notHealthy != null) {
            err.println("calsim: the lab server did not start: " + notHealthy);
            return ExitCodes.FAILED;
        }
        out.println("calsim: lab server on " + url + " (health: " + url + "api/health); data in " + data + "; "
                + concurrentJobs + " job(s) at a time");
        out.println("calsim: " + ClusterJoin.describe(context, token));
        out.println("calsim: submitting, cancelling, deploying and swapping need the token in " + data.resolve("token")
                + (isLoopback(host) ? "" : "; on " + host + " every request does"));
        if (!blocking) {
            out.println("calsim: the shell's calsim:jobs, calsim:submit, calsim:submitWith, calsim:cancel, "
                    + "calsim:deploy, calsim:undeploy and calsim:swap act on it; leave with: exit 0");
            out.flush();
            return ExitCodes.OK;
        }
        out.println("calsim: stop it with Ctrl-C or SIGTERM");
        out.flush();
        stop.await();
        return ExitCodes.OK;
    }

    /**
     * Checks the options before anything starts: the numbers, the data folder, the port, the cluster settings.
     *
     * @param data  the data folder, absolute
     * @param token the cluster token file
     * @return what is wrong and what is expected, or {@code null} if nothing is
     */
    private String badInput(Path data, Path token) {
        if (port < 1 || port > 65535) {
            return "--port " + port + " is not allowed; expected a TCP port from 1 to 65535";
        }
        if (concurrentJobs < 1 || concurrentJobs > 64) {
            return "--jobs " + concurrentJobs + " is not allowed; expected a whole number from 1 to 64";
        }
        if (keepDays < 0 || keepDays > MAX_KEEP_DAYS) {
            return "--keep-days " + keepDays + " is not allowed; expected a whole number of days from 0 "
                    + "(keep every job) to " + MAX_KEEP_DAYS;
        }
        if (uploadMaxMb < 1 || uploadMaxMb > MAX_UPLOAD_MB) {
            return "--upload-max-mb " + uploadMaxMb + " is not allowed; expected a whole number of MB "
                    + "from 1 to " + MAX_UPLOAD_MB;
        }
        if (uploadMaxFiles < 1 || uploadMaxFiles > MAX_UPLOAD_FILES) {
            return "--upload-max-files " + uploadMaxFiles + " is not allowed; expected a whole number "
                    + "from 1 to " + MAX_UPLOAD_FILES;
        }
        String unusable = unusableFolder(data);
        if (unusable != null) {
            return "--data " + dataDir + ": " + unusable + "; expected a folder calsim can create and write to";
        }
        String taken = unusablePort(host, port);
        if (taken != null) {
            return "--port " + port + " / --host " + host + ": cannot listen on " + host + ":" + port
                    + " (" + taken + "); expected a free port on an address of this machine";
        }
        String bad = ClusterJoin.badInput(cluster, clusterPort, token, false);
        return bad != null ? bad : ClusterJoin.unreachable(members, clusterBind);
    }

    /**
     * Configures the HTTP service and the lab server through Configuration Admin.
     *
     * @return why they could not be configured, or {@code null} once they are
     */
    private String configureServer(Path data) {
        ServiceReference<ConfigurationAdmin> ref = context.getServiceReference(ConfigurationAdmin.class);
        ConfigurationAdmin cm = ref == null ? null : context.getService(ref);
        if (cm == null) {
            return "no Configuration Admin service is active; the lab server cannot be configured";
        }
        try {
            Hashtable<String, Object> http = new Hashtable<>();
            http.put("org.apache.felix.http.enable", Boolean.TRUE);
            http.put("org.osgi.service.http.port", port);
            http.put("org.apache.felix.http.host", host);
            configure(cm, HTTP_PID, http);
            Hashtable<String, Object> server = new Hashtable<>();
            server.put("data.dir", data.toString());
            server.put("http.host", host);
            server.put("http.port", port);
            server.put("jobs.concurrent", concurrentJobs);
            server.put("keep.days", keepDays);
            server.put("upload.max.bytes", uploadMaxMb << 20);
            server.put("upload.max.files", uploadMaxFiles);
            server.put("deploy.enabled", !noDeploy);
            configure(cm, SERVER_PID, server);
        } catch (IOException e) {
            return "the lab server could not be configured: " + e;
        } finally {
            context.ungetService(ref);
        }
        return null;
    }

    /** @return why {@code dir} cannot hold the database, or {@code null} if it can (it then exists) */
    static String unusableFolder(Path dir) {
        try {
            if (!Files.exists(dir)) {
                // the data folder holds the token and every user's jobs: created for its owner only
                Files.createDirectories(dir.toAbsolutePath().getParent());
                if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectory(dir);
                }
            }
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".calsim-write-check", ".tmp"));
            return null;
        } catch (FileAlreadyExistsException e) {
            return "a file, not a folder, is in the way at " + e.getFile();
        } catch (AccessDeniedException e) {
            return "permission denied at " + e.getFile();
        } catch (IOException | SecurityException e) {
            return "cannot create or write the folder " + dir + " (" + e + ")";
        }
    }

    /** @return whether {@code host} is a loopback address or a name of one ({@link InetAddress#isLoopbackAddress()}) */
    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    /** @return why {@code host}:{@code port} cannot be listened on (in use, not permitted, unknown), or {@code null} */
    static String unusablePort(String host, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** Writes the configuration {@code pid}, for whichever bundle asks for it. */
    private static void configure(ConfigurationAdmin cm, String pid, Dictionary<String, Object> properties)
            throws IOException {
        cm.getConfiguration(pid, "?").update(properties);
    }

    /** Raises the framework to {@value #HTTP_START_LEVEL}, which starts Felix HTTP Jetty, and waits for it. */
    private static void raiseStartLevel(Bundle system) throws InterruptedException {
        FrameworkStartLevel levels = system.adapt(FrameworkStartLevel.class);
        if (levels.getStartLevel() >= HTTP_START_LEVEL) {
            return;
        }
        CountDownLatch reached = new CountDownLatch(1);
        levels.setStartLevel(HTTP_START_LEVEL, event -> {
            if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                reached.countDown();
            }
        });
        reached.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Polls {@code health} until it answers 200 with status ok, for at most {@link #START_TIMEOUT}; stops early when
     * a component of the lab server bundle failed to activate (its database did not open, say).
     *
     * @return {@code null}, or what went wrong last
     */
    private String awaitHealthy(URI health) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String failure = "no answer from " + health;
        while (System.nanoTime() < deadline) {
            String failed = ComponentFailures.of(context, SERVER_BUNDLE);
            if (failed != null) {
                return failed;
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"status\":\"ok\"")) {
                    return null;
                }
                boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
                failure = health + " answered " + response.statusCode() + (json ? " " + response.body().strip() : "");
            } catch (IOException e) {
                failure = "no answer from " + health + ": " + e;
            }
            Thread.sleep(200);
        }
        return failure + " within " + START_TIMEOUT.toSeconds() + " s";
    }

    /** Waits, up to {@link #STOP_TIMEOUT}, until the framework whose system bundle is {@code system} has stopped. */
    private static void awaitStopped(Bundle system) {
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while ((system.getState() & (Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING)) != 0
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
