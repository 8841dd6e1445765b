package org.calsim.fem.image;

import java.util.Locale;
import org.calsim.api.stage.InvalidInputException;

/**
 * Refuses an image the JVM cannot hold: the labels of the image it gives (one byte per voxel, after the crop and the
 * down-sampling), the block counts of the down-sampling and the reader's buffers must fit in a budget, by default half the JVM's maximum heap (the other half is left to
 * the stages that work on the image). Java arrays also limit an image to 2³¹ − 1 voxels.
 */
final class MemoryGuard {
    private final long budget;
    private final String source;

    /**
     * @param budget bytes the import may use
     * @param source where the budget comes from, in words
     */
    MemoryGuard(long budget, String source) {
        this.budget = budget;
        this.source = source;
    }

    /** @return a guard allowing half of {@link Runtime#maxMemory()} */
    static MemoryGuard halfTheHeap() {
        long max = Runtime.getRuntime().maxMemory();
        return new MemoryGuard(max / 2, "half the JVM's maximum heap of " + mib(max));
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
        if (voxels > Integer.MAX_VALUE - 8 || needed > budget) {
            throw new InvalidInputException(field, what + " needing " + mib(needed) + " (labels " + mib(voxels)
                    + (counts > 0 ? ", block counts " + mib(counts) : "") + ", read buffers " + mib(buffers)
                    + ")", "an image within the memory guard of " + mib(budget) + " (" + source + ") "
                    + "and 2^31 - 1 voxels: crop it (crop_x_voxels, crop_y_voxels, crop_z_voxels) or give the JVM "
                    + "a larger heap (CALSIM_JAVA_OPTS=-Xmx8g ./calsim ...)");
        }
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
