package org.calsim.api.cluster;

import java.util.Objects;

/**
 * One member of the cluster.
 *
 * @param id      the member's unique id (a UUID, new at every start)
 * @param address host and port the member listens on for the cluster
 * @param role    {@code server} (runs points) or {@code submitter} (a {@code calsim sweep} that only publishes points
 *                and collects their results)
 * @param local   whether it is this container
 * @param workers how many points it runs at once (0 for a submitter)
 */
public record ClusterMember(String id, String address, String role, boolean local, int workers) {
    public ClusterMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(role, "role");
    }
}
