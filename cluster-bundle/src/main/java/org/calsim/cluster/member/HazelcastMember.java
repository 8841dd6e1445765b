package org.calsim.cluster.member;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * This container's embedded Hazelcast member, started when the configuration {@value ClusterSettings#PID} exists
 * ({@code calsim serve} always writes one: a lone server is a cluster of one, named {@code local}).
 *
 * <p>Members find each other only through the given member list (TCP/IP join; multicast and cloud auto-detection are
 * off), bind only the given address (not every interface), and are named after the cluster token
 * ({@link ClusterToken}). After joining, the member compares its calsim bundles with those of every other member
 * (the member attribute {@value #BUNDLES}) and leaves the cluster, failing to activate with a message that lists the
 * differences, if they differ.
 */
@Component(service = HazelcastMember.class, configurationPid = ClusterSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
public final class HazelcastMember {
    /** Member attribute: the member's calsim bundles, {@link BundleSet#encode()}. */
    public static final String BUNDLES = "calsim.bundles";
    /** Member attribute: {@link ClusterSettings#role()}. */
    public static final String ROLE = "calsim.role";
    /** Member attribute: how many points the member runs at once. */
    public static final String WORKERS = "calsim.workers";
    /** Seconds without a heartbeat after which Hazelcast removes a member (its default, 60, is long for a lab). */
    public static final int NO_HEARTBEAT_SECONDS = 15;
    /** Hazelcast logs at INFO for every partition move; warnings and errors are what a lab needs to see. */
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");
    private static final Logger LOG = Logger.getLogger("org.calsim.cluster");

    private final ClusterSettings settings;
    private final BundleContext context;
    private final BundleSet joinedWith;
    private volatile BundleSet bundles;
    private final BundleListener bundleWatcher = this::bundleChanged;
    private final HazelcastInstance instance;

    @Activate
    public HazelcastMember(BundleContext context, ClusterSettings.Config config) throws IOException {
        this.settings = ClusterSettings.of(config);
        this.context = context;
        this.joinedWith = BundleSet.of(context);
        this.bundles = joinedWith;
        ClusterToken token = ClusterToken.load(settings.tokenFile(), !settings.submitter());
        HAZELCAST_LOG.setLevel(Level.WARNING);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Hazelcast.class.getClassLoader());
        try {
            this.instance = Hazelcast.newHazelcastInstance(config(token));
        } finally {
            thread.setContextClassLoader(previous);
        }
        String refused = refusal();
        if (refused != null) {
            instance.shutdown();
            throw new IllegalStateException(refused);
        }
        context.addBundleListener(bundleWatcher);
        instance.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                String diff = joinedWith.difference(BundleSet.decode(e.getMember().getAttribute(BUNDLES)));
                if (diff.isEmpty()) {
                    LOG.info(() -> "cluster " + settings.name() + ": " + describe(e.getMember()) + " joined");
                } else {
                    LOG.warning(() -> "cluster " + settings.name() + ": " + describe(e.getMember()) + " runs other "
                            + "calsim bundles (" + diff + "); it is refused and leaves");
                }
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                LOG.info(() -> "cluster " + settings.name() + ": " + describe(e.getMember()) + " left");
            }
        });
    }

    /** @return the settings this member started with */
    public ClusterSettings settings() {
        return settings;
    }

    /**
     * @return the calsim bundles of this container now: a plugin deployed or removed after joining changes them, and
     *         then this member takes only points published by members with the same bundles
     */
    public BundleSet bundles() {
        return bundles;
    }

    /** @return the running Hazelcast member */
    public HazelcastInstance hazelcast() {
        return instance;
    }

    /** @return this member's unique id */
    public String id() {
        return instance.getCluster().getLocalMember().getUuid().toString();
    }

    /** @return "server 127.0.0.1:5702" or "submitter 10.0.0.5:5801" */
    public static String describe(Member m) {
        String role = m.getAttribute(ROLE);
        return (role == null ? "member" : role) + " " + m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(bundleWatcher);
        instance.shutdown();
    }

    private void bundleChanged(BundleEvent event) {
        BundleSet now = BundleSet.of(context);
        if (!now.equals(bundles)) {
            bundles = now;
            String diff = now.difference(joinedWith);
            LOG.warning(() -> "cluster " + settings.name() + ": the calsim bundles of this member changed since it "
                    + "joined (" + (diff.isEmpty() ? "back as they were" : diff.replace(" there", " when it joined"))
                    + "); it takes only points published with the same bundles");
        }
    }

    private Config config(ClusterToken token) throws IOException {
        Config c = new Config();
        c.setClusterName(token.clusterName(settings.name()));
        c.setInstanceName("calsim-" + settings.role() + "-" + UUID.randomUUID());
        c.setLiteMember(settings.submitter());
        c.getMemberAttributeConfig().setAttribute(BUNDLES, joinedWith.encode());
        c.getMemberAttributeConfig().setAttribute(ROLE, settings.role());
        c.getMemberAttributeConfig().setAttribute(WORKERS, Integer.toString(settings.workers()));
        c.setProperty("hazelcast.logging.type", "jdk");
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        c.setProperty("hazelcast.socket.bind.any", "false");
        c.setProperty("hazelcast.heartbeat.interval.seconds", "2");
        c.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(NO_HEARTBEAT_SECONDS));
        c.setProperty("hazelcast.wait.seconds.before.join", "1");
        c.setProperty("hazelcast.merge.first.run.delay.seconds", "10");
        c.setProperty("hazelcast.merge.next.run.delay.seconds", "10");
        NetworkConfig network = c.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(true).setPortCount(ClusterSettings.PORT_COUNT);
        network.getInterfaces().setEnabled(true).addInterface(InetAddress.getByName(settings.bind()).getHostAddress());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        List<String> members = new ArrayList<>(settings.members());
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2).setMembers(members);
        c.getSerializationConfig().setJavaSerializationFilterConfig(serializationFilter());
        return c;
    }

    /**
     * The allow-list of classes this member deserialises with Java serialization from other members: Hazelcast's own
     * and a few JDK packages (values, collections, exceptions), nothing else, so that a member holding the cluster
     * token cannot make another member build an object of an arbitrary class (a deserialisation gadget). calsim's own
     * data never needs it: points travel as JSON text ({@code PointEntry}).
     *
     * @return the filter, Hazelcast's default lists disabled
     */
    public static JavaSerializationFilterConfig serializationFilter() {
        String[] packages = {"java.lang", "java.util", "java.util.concurrent", "java.math", "java.time", "java.io",
            "java.net", "java.nio.file"};
        ClassFilter allowed = new ClassFilter().addPrefixes("com.hazelcast.", "[Lcom.hazelcast.").addPackages(packages)
                .addClasses("[Z", "[B", "[C", "[S", "[I", "[J", "[F", "[D");
        for (String p : packages) { // arrays of their classes (an exception's StackTraceElement[]): "[Ljava.lang.X;"
            allowed.addPackages("[L" + p);
        }
        return new JavaSerializationFilterConfig().setDefaultsDisabled(true).setWhitelist(allowed);
    }

    /** @return why this member may not stay in the cluster (other calsim bundles elsewhere), or {@code null} */
    private String refusal() {
        for (Member m : instance.getCluster().getMembers()) {
            if (m.localMember()) {
                continue;
            }
            String diff = joinedWith.difference(BundleSet.decode(m.getAttribute(BUNDLES)));
            if (!diff.isEmpty()) {
                return "refused by cluster " + settings.name() + ": " + describe(m) + " runs other calsim bundles ("
                        + diff + "); every member must run the same calsim bundles, so install the same calsim "
                        + "build and plugins on every machine";
            }
        }
        return null;
    }
}
