package org.calsim.api.structure;

import java.util.List;
import org.calsim.api.stage.Key;

/**
 * Voxel images of the states of a process (e.g. a calendering series), for properties wanted as a function of
 * the state.
 *
 * @param images     the images, in process order, all at the same voxel size
 * @param pressures  the pressure on the coating at each state [Pa]
 * @param compaction the degree of compaction 1 − h/h₀ at each state [1] (eq 3)
 */
public record VoxelSeries(List<VoxelImage> images, double[] pressures, double[] compaction) {

    /** State key of a voxel series. */
    public static final Key<VoxelSeries> KEY = Key.of("structure.voxel_series", VoxelSeries.class, "-",
            "voxel images at successive states of a process (calendering series)");

    public VoxelSeries {
        images = List.copyOf(images);
        if (pressures.length != images.size() || compaction.length != images.size()) {
            throw new IllegalArgumentException("a series of " + images.size() + " images needs as many pressures ("
                    + pressures.length + ") and compaction degrees (" + compaction.length + ")");
        }
        pressures = pressures.clone();
        compaction = compaction.clone();
    }

    /** @return number of states */
    public int size() {
        return images.size();
    }
}
