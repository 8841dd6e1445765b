package org.calsim.ml.surrogate;

/** Checks of the data a {@link RegressorKind} is fitted to. */
public final class TrainingData {
    private TrainingData() {
    }

    /**
     * @param model the kind's name, for messages
     * @param x     n ≥ 1 rows of d ≥ 1 inputs
     * @param y     n rows of m ≥ 1 outputs
     * @throws IllegalArgumentException when the rows differ in number or length or hold a value that is not finite
     */
    public static void check(String model, double[][] x, double[][] y) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException(model + " needs as many output rows as input rows, at least 1; got "
                    + x.length + " and " + y.length);
        }
        int d = x[0].length;
        int m = y[0].length;
        if (d == 0 || m == 0) {
            throw new IllegalArgumentException(model + " needs at least one input and one output column");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d || y[i].length != m) {
                throw new IllegalArgumentException(model + " data row " + i + " has " + x[i].length + " inputs and "
                        + y[i].length + " outputs; row 0 has " + d + " and " + m);
            }
            for (double v : x[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(model + " input row " + i + " is not finite");
                }
            }
            for (double v : y[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(model + " output row " + i + " is not finite");
                }
            }
        }
    }
}
