package org.calsim.fem.image;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * Which values of an image file are which phase: 0 pore, 1 active material (AM), 2 carbon–binder domain (CBD).
 * Values listed as other solid are merged into AM or CBD, as the job says. A value not listed is not mapped.
 */
final class LabelMap {
    /** The phase label of a value that is not mapped. */
    static final int UNMAPPED = -1;

    private final int[] values;
    private final byte[] labels;
    private int lastValue;
    private int lastLabel = UNMAPPED;

    /**
     * @param byLabel the file values of each phase: pore, AM, CBD, then the values of other solid
     * @param otherAs the phase (1 AM or 2 CBD) the other solid values are counted as
     * @throws IllegalArgumentException if a value is listed twice
     */
    LabelMap(int[][] byLabel, int otherAs) {
        TreeMap<Integer, Integer> map = new TreeMap<>();
        for (int phase = 0; phase < byLabel.length; phase++) {
            for (int value : byLabel[phase]) {
                if (map.put(value, phase < 3 ? phase : otherAs) != null) {
                    throw new IllegalArgumentException("value " + value + " listed twice");
                }
            }
        }
        values = map.keySet().stream().mapToInt(Integer::intValue).toArray();
        labels = new byte[values.length];
        int i = 0;
        for (int label : map.values()) {
            labels[i++] = (byte) label;
        }
    }

    /** @return the phase label of a file value, or {@link #UNMAPPED} */
    int label(int value) {
        if (value != lastValue || lastLabel == UNMAPPED) {
            int at = Arrays.binarySearch(values, value);
            lastValue = value;
            lastLabel = at < 0 ? UNMAPPED : labels[at];
        }
        return lastLabel;
    }
}
