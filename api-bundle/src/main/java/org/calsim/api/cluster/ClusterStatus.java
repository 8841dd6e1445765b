package org.calsim.api.cluster;

import org.osgi.annotation.versioning.ProviderType;

/** What the cluster this container belongs to looks like now. Registered only while the container is a member. */
@ProviderType
public interface ClusterStatus {

    /** @return the members and the points of sweeps that are queued or running, read from the cluster now */
    ClusterView view();
}
