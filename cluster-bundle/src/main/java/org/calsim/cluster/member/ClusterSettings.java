package org.calsim.cluster.member;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.calsim.api.stage.InvalidInputException;

/**
 * How this container takes part in a cluster, read from the configuration PID {@value #PID} that {@code calsim serve}
 * and {@code calsim sweep --cluster} write. Every value is checked before a member starts.
 *
 * @param name       the cluster's name ({@code local} for a lone server), 1 to 64 of {@code A-Z a-z 0-9 . _ -}
 * @param members    addresses of the servers to join, {@code host} or {@code host:port}; empty for a lone member
 * @param bind       the address this member listens on (loopback unless given)
 * @param port       the first port tried (the next free one of {@value #PORT_COUNT} is taken)
 * @param tokenFile  the cluster token: members whose token differs never join
 * @param role       {@code server} (runs points) or {@code submitter} (publishes a sweep's points and collects them)
 * @param workers    points a server runs at once (0 for a submitter)
 * @param resultsDir where a server writes the folders of the points it runs
 */
public record ClusterSettings(String name, List<String> members, String bind, int port, Path tokenFile, String role,
                              int workers, Path resultsDir) {
    /** Configuration PID of the cluster member. */
    public static final String PID = "org.calsim.cluster";
    /** How many ports from {@link #port} a member may take, so several members fit on one machine. */
    public static final int PORT_COUNT = 20;
    /** The role of a container that runs points. */
    public static final String SERVER = "server";
    /** The role of a {@code calsim sweep} that only publishes points and collects their results. */
    public static final String SUBMITTER = "submitter";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern MEMBER = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:]+\\])(:([0-9]{1,5}))?");

    /** The configuration as SCR hands it over; names follow the DS mapping ({@code cluster.name} ↔ cluster_name). */
    public @interface Config {
        String cluster_name() default "local";

        String[] cluster_members() default {};

        String cluster_bind() default "127.0.0.1";

        int cluster_port() default 5701;

        String cluster_token_file();

        String cluster_role() default SERVER;

        int cluster_workers() default 2;

        String cluster_results_dir() default "";
    }

    /**
     * @return the checked settings
     * @throws InvalidInputException naming the first setting that is not allowed
     */
    public static ClusterSettings of(Config c) {
        if (!NAME.matcher(c.cluster_name()).matches()) {
            throw new InvalidInputException("--cluster", c.cluster_name(),
                    "1 to 64 letters, digits, dots, underscores or hyphens");
        }
        List<String> members = new ArrayList<>();
        for (String m : c.cluster_members()) {
            for (String part : m.split(",")) {
                String s = part.strip();
                if (s.isEmpty()) {
                    continue;
                }
                Matcher address = MEMBER.matcher(s);
                if (!address.matches() || (address.group(3) != null && (Integer.parseInt(address.group(3)) < 1
                        || Integer.parseInt(address.group(3)) > 65535))) {
                    throw new InvalidInputException("--members", s, "host or host:port, with a port from 1 to 65535");
                }
                members.add(s);
            }
        }
        if (c.cluster_port() < 1 || c.cluster_port() > 65535 - PORT_COUNT) {
            throw new InvalidInputException("--cluster-port", c.cluster_port(), "a port from 1 to " + (65535 - PORT_COUNT));
        }
        if (!c.cluster_role().equals(SERVER) && !c.cluster_role().equals(SUBMITTER)) {
            throw new InvalidInputException("cluster.role", c.cluster_role(), SERVER + " or " + SUBMITTER);
        }
        int workers = c.cluster_role().equals(SUBMITTER) ? 0 : c.cluster_workers();
        if (c.cluster_role().equals(SERVER) && (workers < 1 || workers > 64)) {
            throw new InvalidInputException("--jobs", workers, "a whole number from 1 to 64 (points a server runs at once)");
        }
        if (c.cluster_role().equals(SERVER) && c.cluster_results_dir().isBlank()) {
            throw new InvalidInputException("cluster.results.dir", "", "the folder a server writes its points to");
        }
        Path results = c.cluster_results_dir().isBlank() ? null : Path.of(c.cluster_results_dir());
        return new ClusterSettings(c.cluster_name(), List.copyOf(members), c.cluster_bind(), c.cluster_port(),
                Path.of(c.cluster_token_file()), c.cluster_role(), workers, results);
    }

    /** @return whether this member only publishes points (a Hazelcast lite member: it holds no data) */
    public boolean submitter() {
        return role.equals(SUBMITTER);
    }
}
