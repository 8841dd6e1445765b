package org.calsim.api.cluster;

import java.util.Objects;

/**
 * One point of a sweep as the cluster holds it.
 *
 * @param sweep    the sweep run it belongs to (its name and a key unique to the sweep folder)
 * @param point    the point's id within the sweep, e.g. {@code p0007}
 * @param state    {@code queued}, {@code running} or {@code finished} (waiting to be collected)
 * @param member   id of the member running or having run it; {@code null} while queued
 * @param attempt  how many times it was taken (1 on the first run; more after its member died)
 * @param stage    the stage it is at while running, else {@code null}
 * @param fraction progress of the whole job, 0 to 1
 */
public record ClusterPoint(String sweep, String point, String state, String member, int attempt, String stage,
                           double fraction) {
    public ClusterPoint {
        Objects.requireNonNull(sweep, "sweep");
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(state, "state");
    }
}
