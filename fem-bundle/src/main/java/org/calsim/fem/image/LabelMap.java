package org.calsim.fem.image;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * Which values of an image file are which phase: 0 pore, 1 active material (AM), 2 carbon–binder domain (CBD).
 * Values listed as other solid are merged into AM or CBD, as the job says. A value not listed is not mapped. The
 * mapped values are numbered in increasing order ({@link #index}), so that a reader can count each. When the mapped
 * values are a whole range (every value of a greyscale file's type, {@link GreySegmentation}), a value's number is
 * its distance from the smallest, found without a search.
 */
final class LabelMap {
    /** The index of a value that is not mapped. */
    static final int UNMAPPED = -1;

    private final int[] values;
    private final byte[] labels;
    private final boolean[] other;
    private final boolean contiguous;
    private int lastValue;
    private int lastIndex = UNMAPPED;

    /**
     * @param byLabel the file values of each phase: pore, AM, CBD, then the values of other solid
     * @param otherAs the phase (1 AM or 2 CBD) the other solid values are counted as
     * @throws IllegalArgumentException if a value is listed twice
     */
    LabelMap(int[][] byLabel, int otherAs) {
        TreeMap<Integer, Integer> map = new TreeMap<>();
        for (int phase = 0; phase < byLabel.length; phase++) {
            for (int value : byLabel[phase]) {
                if (map.put(value, phase) != null) {
                    throw new IllegalArgumentException("value " + value + " listed twice");
                }
            }
        }
        values = map.keySet().stream().mapToInt(Integer::intValue).toArray();
        contiguous = values.length > 0 && (long) values[values.length - 1] - values[0] + 1 == values.length;
        labels = new byte[values.length];
        other = new boolean[values.length];
        int i = 0;
        for (int phase : map.values()) {
            other[i] = phase == 3;
            labels[i++] = (byte) (phase < 3 ? phase : otherAs);
        }
    }

    /** @return the number of the mapped value {@code value}, or {@link #UNMAPPED} */
    int index(int value) {
        if (contiguous) {
            long at = (long) value - values[0];
            return at >= 0 && at < values.length ? (int) at : UNMAPPED;
        }
        if (value != lastValue || lastIndex == UNMAPPED) {
            int at = Arrays.binarySearch(values, value);
            lastValue = value;
            lastIndex = at < 0 ? UNMAPPED : at;
        }
        return lastIndex;
    }

    /** @return the number of mapped values */
    int size() {
        return values.length;
    }

    /** @return the file value numbered {@code index} */
    int value(int index) {
        return values[index];
    }

    /** @return the phase label (0, 1, 2) of the value numbered {@code index} */
    int label(int index) {
        return labels[index];
    }

    /** @return whether the value numbered {@code index} is other solid, merged into AM or CBD */
    boolean isOther(int index) {
        return other[index];
    }
}
