package org.calsim.api.structure;

import java.util.List;
import java.util.Objects;
import org.calsim.api.stage.Key;

/**
 * A labelled voxel image: voxel (i, j, k) has phase {@code labels[i + nx (j + ny k)]}, an index into
 * {@code phases} (for example 0 pore, 1 active material, 2 carbon–binder domain). Cubic voxels of edge
 * {@code voxelSize}; k = 0 touches the current collector.
 *
 * <p>The label array is shared, not copied: a receiving stage must not modify it.
 *
 * @param nx        voxels in x
 * @param ny        voxels in y
 * @param nz        voxels in z (through-plane)
 * @param voxelSize voxel edge [m]
 * @param labels    phase index per voxel, x fastest
 * @param phases    phase names by index
 */
public record VoxelImage(int nx, int ny, int nz, double voxelSize, byte[] labels, List<String> phases) {

    /** State key of the current voxel image. */
    public static final Key<VoxelImage> KEY = Key.of("structure.voxels", VoxelImage.class, "-",
            "labelled voxel image of the microstructure");

    public VoxelImage {
        Objects.requireNonNull(labels, "labels");
        if ((long) nx * ny * nz != labels.length) {
            throw new IllegalArgumentException("voxel image of " + nx + "x" + ny + "x" + nz + " needs "
                    + (long) nx * ny * nz + " labels, got " + labels.length);
        }
        phases = List.copyOf(phases);
    }

    /** @return the linear index of voxel (i, j, k) */
    public int index(int i, int j, int k) {
        return i + nx * (j + ny * k);
    }

    /** @return volume fraction of phase {@code label} [1] */
    public double volumeFraction(int label) {
        long count = 0;
        for (byte b : labels) {
            if (b == label) {
                count++;
            }
        }
        return (double) count / labels.length;
    }
}
