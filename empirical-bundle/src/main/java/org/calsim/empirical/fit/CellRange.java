package org.calsim.empirical.fit;

/**
 * The values a CSV column accepts, in the unit written in the file.
 *
 * @param min          smallest allowed value
 * @param minInclusive whether {@code min} itself is allowed
 * @param max          largest allowed value
 * @param maxInclusive whether {@code max} itself is allowed
 * @param description  the range in words for error messages, e.g. {@code "a porosity > 0 and < 1"}
 */
public record CellRange(double min, boolean minInclusive, double max, boolean maxInclusive, String description) {

    /** Any finite number. */
    public static final CellRange ANY = new CellRange(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY,
            false, "a finite number");
    /** A number &gt; 0. */
    public static final CellRange POSITIVE = new CellRange(0, false, Double.POSITIVE_INFINITY, false,
            "a finite number > 0");
    /** A number &ge; 0. */
    public static final CellRange NON_NEGATIVE = new CellRange(0, true, Double.POSITIVE_INFINITY, false,
            "a finite number >= 0");
    /** A porosity, 0 &lt; ε &lt; 1. */
    public static final CellRange POROSITY = new CellRange(0, false, 1, false, "a porosity > 0 and < 1");

    /** @return whether {@code v} is finite and in range */
    public boolean contains(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return false;
        }
        boolean aboveMin = minInclusive ? v >= min : v > min;
        boolean belowMax = maxInclusive ? v <= max : v < max;
        return aboveMin && belowMax;
    }
}
