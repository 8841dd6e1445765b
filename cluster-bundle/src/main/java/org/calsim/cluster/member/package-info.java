/**
 * This container's membership of a calsim cluster: the settings given by {@code calsim serve --cluster} or
 * {@code calsim sweep --cluster}, the cluster token, the embedded Hazelcast member and the check that every member
 * runs the same calsim bundles.
 */
package org.calsim.cluster.member;
