package org.calsim.empirical;

import org.calsim.api.stage.InvalidInputException;

/**
 * Input checks shared by the model classes. Each throws an {@link InvalidInputException} naming the
 * field, the value found and what is allowed.
 */
public final class Checks {

    private Checks() {
    }

    /**
     * @param field name of the quantity, e.g. {@code porosity}
     * @param value a porosity [1]
     * @return {@code value} if 0 &lt; value &lt; 1
     */
    public static double porosity(String field, double value) {
        if (!(value > 0 && value < 1)) {
            throw new InvalidInputException(field, value, "a porosity > 0 and < 1");
        }
        return value;
    }

    /**
     * @param field name of the quantity
     * @param value any finite number
     * @return {@code value} if finite and &gt; 0
     */
    public static double positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidInputException(field, value, "a finite number > 0");
        }
        return value;
    }

    /**
     * @param field name of the quantity
     * @param value any finite number
     * @return {@code value} if finite and &ge; 0
     */
    public static double nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidInputException(field, value, "a finite number >= 0");
        }
        return value;
    }

    /**
     * @param field name of the quantity
     * @param value any number
     * @return {@code value} if finite
     */
    public static double finite(String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new InvalidInputException(field, value, "a finite number");
        }
        return value;
    }

    /**
     * @param field name of the quantity
     * @param value a fraction [1]
     * @return {@code value} if 0 &le; value &lt; 1
     */
    public static double fractionBelowOne(String field, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new InvalidInputException(field, value, "a number >= 0 and < 1");
        }
        return value;
    }
}
