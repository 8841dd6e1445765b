package org.calsim.api.cluster;

import java.util.List;
import java.util.Objects;

/**
 * The cluster at one moment.
 *
 * @param name    the cluster's name as given to {@code calsim serve --cluster} ({@code local} for a lone server)
 * @param members its members, the oldest first
 * @param points  the points of sweeps that are queued or running, and those finished but not yet collected by the
 *                sweep that published them
 */
public record ClusterView(String name, List<ClusterMember> members, List<ClusterPoint> points) {
    public ClusterView {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
        points = List.copyOf(points);
    }
}
