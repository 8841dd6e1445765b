package org.calsim.fem.image;

import java.util.Locale;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.support.memory.HeapBudget;

/**
 * Refuses an image the JVM cannot hold: the labels of the image it gives (one byte per voxel, after the crop and the
 * down-sampling), the block counts of the down-sampling and the reader's buffers must fit the {@link HeapBudget} (the
 * policy every stage that checks its memory follows; the stages that work on the image check what they need in turn).
 * Java arrays also limit an image to 2³¹ − 1 voxels.
 */
final class MemoryGuard {
    private final HeapBudget heap;

    /** @param heap the heap the import may plan with */
    MemoryGuard(HeapBudget heap) {
        this.heap = heap;
    }

    /**
     * @param field   job-file field of the image, for the message
     * @param what    the image in words, e.g. {@code "stack.npy (512 x 512 x 400 voxels after the crop)"}
     * @param voxels  voxels of the image, cropped and down-sampled
     * @param counts  bytes of the down-sampling's block counts (0 when not down-sampled)
     * @param buffers bytes the reader holds
     * @throws InvalidInputException with the bytes needed and the budget, if it does not fit
     */
    void check(String field, String what, long voxels, long counts, long buffers) {
        long needed = voxels + counts + buffers;
        if (voxels > Integer.MAX_VALUE - 8 || !heap.fits(needed)) {
            throw new InvalidInputException(field, what + " needing " + mib(needed) + " (labels " + mib(voxels)
                    + (counts > 0 ? ", block counts " + mib(counts) : "") + ", read buffers " + mib(buffers)
                    + ")", "an image of at most 2^31 - 1 voxels that fits the heap: " + heap.explain(needed)
                    + ", or crop it (crop_x_voxels, crop_y_voxels, crop_z_voxels) or down-sample it (downsample)");
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
