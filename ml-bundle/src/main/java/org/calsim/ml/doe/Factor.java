package org.calsim.ml.doe;

/**
 * An input of a design of experiments: a job field varied over a range.
 *
 * @param field the job field, as in {@code --set} (e.g. {@code calendering.line_load_kN_per_m} or
 *              {@code stages[1].with.target_pressure_MPa}); also the column name in the dataset
 * @param unit  the field's unit, as its name states it (e.g. {@code kN/m}); {@code "1"} if dimensionless
 * @param lower lower end of the range, in {@code unit}
 * @param upper upper end of the range, in {@code unit} (> lower)
 * @param log   whether points are spread evenly in ln(value) rather than in value (both ends then > 0)
 */
public record Factor(String field, String unit, double lower, double upper, boolean log) {
    public Factor {
        if (!(upper > lower) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("range [" + lower + ", " + upper + "] of " + field
                    + ": expected two finite numbers, the first below the second");
        }
        if (log && !(lower > 0)) {
            throw new IllegalArgumentException("range [" + lower + ", " + upper + "] of " + field
                    + " with scale log: expected both ends > 0");
        }
    }

    /** @return the value at u ∈ [0, 1] along the range (linear, or geometric when {@link #log}) */
    public double at(double u) {
        return log ? Math.exp(Math.log(lower) + u * (Math.log(upper) - Math.log(lower)))
                : lower + u * (upper - lower);
    }

    /** @return where {@code value} lies along the range, 0 at lower and 1 at upper */
    public double position(double value) {
        return log ? (Math.log(value) - Math.log(lower)) / (Math.log(upper) - Math.log(lower))
                : (value - lower) / (upper - lower);
    }
}
