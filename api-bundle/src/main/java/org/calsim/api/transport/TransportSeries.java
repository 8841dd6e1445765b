package org.calsim.api.transport;

import java.util.List;
import org.calsim.api.stage.Key;

/**
 * Effective transport properties along a calendering series: one entry per recorded state of the compression.
 *
 * @param compaction degree of compaction Π = 1 − h/h₀ of each state [1] (eq 3)
 * @param states     the effective properties of each state, in the same order
 */
public record TransportSeries(double[] compaction, List<EffectiveProperties> states) {

    /** State key of the series. */
    public static final Key<TransportSeries> KEY = Key.of("transport.series", TransportSeries.class, "-",
            "porosity and tortuosity factor at each state of a calendering series");

    public TransportSeries {
        if (compaction.length != states.size()) {
            throw new IllegalArgumentException("compaction has " + compaction.length + " values, states "
                    + states.size());
        }
        states = List.copyOf(states);
    }
}
