/**
 * The state of a cluster of calsim servers that share the points of sweeps: its members and which points each is
 * running. The cluster bundle provides {@link org.calsim.api.cluster.ClusterStatus}; the lab server shows it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.calsim.api.cluster;
