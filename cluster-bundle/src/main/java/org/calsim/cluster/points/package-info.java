/**
 * Sweep points shared through the cluster: the point board (a Hazelcast map of point records and a queue of their
 * keys), the workers that take and run points on every server, and the sweep executor that publishes a sweep's points
 * and collects their results exactly once.
 */
package org.calsim.cluster.points;
