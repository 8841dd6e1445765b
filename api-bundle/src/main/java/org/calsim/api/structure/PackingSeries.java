package org.calsim.api.structure;

import java.util.List;
import org.calsim.api.stage.Key;

/**
 * Snapshots of a packing during a process (e.g. calendering at increasing compaction), for properties that
 * are wanted as a function of the state (tortuosity against porosity, the review's Fig. 8f).
 *
 * @param packings   the snapshots, in process order; each box height is the coating thickness at that moment
 * @param pressures  the pressure on the coating at each snapshot [Pa]
 * @param compaction the degree of compaction 1 − h/h₀ at each snapshot [1] (eq 3)
 */
public record PackingSeries(List<ParticlePacking> packings, double[] pressures, double[] compaction) {

    /** State key of a packing series. */
    public static final Key<PackingSeries> KEY = Key.of("structure.packing_series", PackingSeries.class, "-",
            "packings at successive states of a process (calendering series)");

    public PackingSeries {
        packings = List.copyOf(packings);
        if (pressures.length != packings.size() || compaction.length != packings.size()) {
            throw new IllegalArgumentException("a series of " + packings.size() + " packings needs as many pressures ("
                    + pressures.length + ") and compaction degrees (" + compaction.length + ")");
        }
        pressures = pressures.clone();
        compaction = compaction.clone();
    }

    /** @return number of snapshots */
    public int size() {
        return packings.size();
    }
}
