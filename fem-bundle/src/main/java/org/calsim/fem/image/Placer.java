package org.calsim.fem.image;

import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * Places the values of a {@link Volume}, in the file's order, into the image a {@link Reslice} describes (turned,
 * cropped, down-sampled), each value turned into its phase by a {@link LabelMap}: straight into the labels, or
 * counted in its block by a {@link Downsample}. Values outside the crop are skipped; values inside it that are not
 * mapped are counted. Without a target it only counts (the check before a job runs).
 */
final class Placer implements Volume.ValueSink {
    private final LabelMap map;
    private final byte[] labels;
    private final Downsample votes;
    private final long[][] offsets;
    private final int[] order;
    private final int[] counter = new int[3];
    private final int[] limit = new int[3];
    private final TreeMap<Integer, Long> unmapped = new TreeMap<>();
    private final long[] counts;
    private final LongConsumer afterChunk;
    private long placed;

    /**
     * @param volume     the file
     * @param reslice    where its voxels go
     * @param map        the phase of each value
     * @param labels     the labels of the image (x fastest) when it is not down-sampled, else {@code null}
     * @param votes      the block counts when it is down-sampled, else {@code null}
     * @param afterChunk called after each chunk with the values read so far (progress and cancellation)
     */
    Placer(Volume volume, Reslice reslice, LabelMap map, byte[] labels, Downsample votes, LongConsumer afterChunk) {
        this.map = map;
        this.labels = labels;
        this.votes = votes;
        this.offsets = reslice.offsets();
        this.order = volume.xFastest() ? new int[] {0, 1, 2} : new int[] {2, 1, 0};
        int[] size = volume.size();
        for (int s = 0; s < 3; s++) {
            limit[s] = size[order[s]];
        }
        this.afterChunk = afterChunk;
        this.counts = new long[map.size()];
    }

    @Override
    public void accept(int[] values, int count) {
        long[] fastest = offsets[order[0]];
        for (int v = 0; v < count; v++) {
            long o0 = fastest[counter[0]];
            long o1 = offsets[order[1]][counter[1]];
            long o2 = offsets[order[2]][counter[2]];
            if (o0 >= 0 && o1 >= 0 && o2 >= 0) {
                int at = map.index(values[v]);
                if (at == LabelMap.UNMAPPED) {
                    unmapped.merge(values[v], 1L, Long::sum);
                } else {
                    counts[at]++;
                    if (labels != null) {
                        labels[(int) (o0 + o1 + o2)] = (byte) map.label(at);
                    } else if (votes != null) {
                        votes.add((int) (o0 + o1 + o2), map.label(at));
                    }
                }
            }
            if (++counter[0] == limit[0]) {
                counter[0] = 0;
                if (++counter[1] == limit[1]) {
                    counter[1] = 0;
                    counter[2]++;
                }
            }
        }
        placed += count;
        afterChunk.accept(placed);
    }

    /** @return how many voxels inside the crop hold each mapped value, by {@link LabelMap#index} */
    long[] counts() {
        return counts.clone();
    }

    /** @return the values inside the crop that are not mapped, with how many voxels hold each, by value */
    TreeMap<Integer, Long> unmapped() {
        return unmapped;
    }
}
