package org.calsim.api.structure;

import java.util.Locale;

/**
 * Where one state of a series stands in its process: its place in the series, the pressure on the coating and the
 * degree of compaction (eq 3). It names the state in progress messages, notes and failures.
 *
 * @param index      the state's place in the series, from 0
 * @param count      the number of states in the series
 * @param pressure   the pressure on the coating at this state [Pa]
 * @param compaction the degree of compaction 1 − h/h₀ at this state [1] (eq 3)
 * @since 1.3
 */
public record SeriesPoint(int index, int count, double pressure, double compaction) {

    public SeriesPoint {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("state " + index + " of a series of " + count);
        }
    }

    /** @return the state's number, from 1: what a reader counts */
    public int number() {
        return index + 1;
    }

    /** @return e.g. {@code "state 2 of 5 (compaction 0.083, 37.5 MPa)"} */
    public String name() {
        return String.format(Locale.ROOT, "state %d of %d (compaction %.3f, %.1f MPa)", number(), count, compaction,
                pressure * 1e-6);
    }
}
