package org.calsim.runtime.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import org.calsim.api.cluster.ClusterMember;
import org.calsim.api.cluster.ClusterStatus;
import org.calsim.api.cluster.ClusterView;
import org.calsim.api.study.SweepExecutor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Makes this container a member of a calsim cluster (what {@code serve --cluster} and {@code sweep --cluster} share):
 * writes the configuration PID {@value #PID}, on which the cluster bundle starts its Hazelcast member, and waits until
 * the cluster's sweep executor and status are registered or the member failed to start (refused by the cluster, say).
 */
final class ClusterJoin {
    /** Configuration PID of the cluster member (org.calsim.cluster). */
    static final String PID = "org.calsim.cluster";
    /** Bundle-SymbolicName of the cluster bundle. */
    static final String BUNDLE = "org.calsim.cluster";
    /** How long joining may take: Hazelcast tries every listed member, 2 s each, a few times. */
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(90);

    private ClusterJoin() {
    }

    /**
     * @return why the member list cannot be reached from {@code bind} (a member off loopback while this member listens
     *         on loopback only), or {@code null}
     */
    static String unreachable(List<String> members, String bind) {
        if (!ServeCommand.isLoopback(bind)) {
            return null;
        }
        for (String m : members) {
            String host = m.startsWith("[") ? m.substring(1, m.indexOf(']')) : m.split(":")[0];
            try {
                if (!InetAddress.getByName(host).isLoopbackAddress()) {
                    return "--members " + m + " is not on this machine, but this member listens on " + bind
                            + " only; give --cluster-bind the address of this machine on the lab network";
                }
            } catch (UnknownHostException e) {
                return "--members " + m + ": unknown host";
            }
        }
        return null;
    }

    /** @return one line on the cluster this container joined: its name, this member's address, its servers, the token */
    static String describe(BundleContext context, Path tokenFile) {
        var ref = context.getServiceReference(ClusterStatus.class);
        ClusterStatus status = ref == null ? null : context.getService(ref);
        if (status == null) {
            return "not a member of a cluster";
        }
        try {
            ClusterView view = status.view();
            String here = view.members().stream().filter(ClusterMember::local).map(ClusterMember::address)
                    .findFirst().orElse("?");
            long servers = view.members().stream().filter(m -> m.role().equals("server")).count();
            return "cluster " + view.name() + ": this member listens on " + here + "; " + servers
                    + " server(s) in the cluster; token in " + tokenFile.toAbsolutePath().normalize();
        } finally {
            context.ungetService(ref);
        }
    }

    /**
     * Checks what the command line gives before the member is configured, so that bad input is named without a
     * member starting (the cluster bundle checks the same again).
     *
     * @return what is not allowed, naming the option, or {@code null}
     */
    static String badInput(String name, int port, Path tokenFile, boolean mustExist) {
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            return "--cluster " + name + " is not allowed; expected 1 to 64 letters, digits, dots, underscores or "
                    + "hyphens";
        }
        if (port < 1 || port > 65515) {
            return "--cluster-port " + port + " is not allowed; expected a port from 1 to 65515";
        }
        if (mustExist && !Files.isRegularFile(tokenFile)) {
            return "--cluster-token " + tokenFile + ": no such file; expected the token file of the cluster, copied "
                    + "from the data folder of one of its servers (<data>/cluster-token)";
        }
        return null;
    }

    /**
     * Configures and waits for the member.
     *
     * @return {@code null} once the member runs, else why it does not
     */
    static String join(BundleContext context, String name, List<String> members, String bind, int port,
                       Path tokenFile, String role, int workers, Path resultsDir)
            throws InterruptedException {
        var ref = context.getServiceReference(ConfigurationAdmin.class);
        ConfigurationAdmin cm = ref == null ? null : context.getService(ref);
        if (cm == null) {
            return "no Configuration Admin service is active; the cluster member cannot be configured";
        }
        try {
            Hashtable<String, Object> c = new Hashtable<>();
            c.put("cluster.name", name);
            c.put("cluster.members", members.toArray(String[]::new));
            c.put("cluster.bind", bind);
            c.put("cluster.port", port);
            c.put("cluster.token.file", tokenFile.toAbsolutePath().normalize().toString());
            c.put("cluster.role", role);
            c.put("cluster.workers", workers);
            c.put("cluster.results.dir", resultsDir == null ? "" : resultsDir.toAbsolutePath().normalize().toString());
            cm.getConfiguration(PID, "?").update(c);
        } catch (IOException e) {
            return "the cluster member could not be configured: " + e;
        } finally {
            context.ungetService(ref);
        }
        long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String failed = ComponentFailures.of(context, BUNDLE);
            if (failed != null) {
                return failed;
            }
            try {
                if (context.getServiceReferences(SweepExecutor.class.getName(), "(calsim.name=cluster)") != null
                        && context.getServiceReference(ClusterStatus.class) != null) {
                    return null;
                }
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException("the filter is a constant", e);
            }
            Thread.sleep(100);
        }
        return "the cluster member did not start within " + JOIN_TIMEOUT.toSeconds() + " s";
    }
}
