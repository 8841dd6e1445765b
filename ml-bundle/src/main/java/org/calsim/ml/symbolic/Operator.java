package org.calsim.ml.symbolic;

/**
 * The operators that build the feature space from the inputs: unary x², x³, √x, ln x, 1/x, exp x, exp(−x) and
 * binary a·b, a/b. An operator applies to a feature only where it is defined on every training row: √ needs
 * x ≥ 0, ln needs x > 0, and 1/x and a/b need x, b of one strict sign (a pole inside the data range would make the
 * formula blow up between the rows). Results that are not finite on some row (an overflowing exp or power) are
 * dropped by {@link FeatureSpace}. {@code StrictMath} makes the features the same bit for bit on every JVM.
 */
enum Operator {
    SQUARE("square") {
        @Override
        double apply(double v) {
            return v * v;
        }
    },
    CUBE("cube") {
        @Override
        double apply(double v) {
            return v * v * v;
        }
    },
    SQRT("sqrt") {
        @Override
        double apply(double v) {
            return StrictMath.sqrt(v);
        }

        @Override
        boolean admits(double min, double max) {
            return min >= 0;
        }
    },
    LN("ln") {
        @Override
        double apply(double v) {
            return StrictMath.log(v);
        }

        @Override
        boolean admits(double min, double max) {
            return min > 0;
        }
    },
    INVERSE("inverse") {
        @Override
        double apply(double v) {
            return 1 / v;
        }

        @Override
        boolean admits(double min, double max) {
            return signDefinite(min, max);
        }
    },
    EXP("exp") {
        @Override
        double apply(double v) {
            return StrictMath.exp(v);
        }
    },
    EXP_NEGATIVE("exp_negative") {
        @Override
        double apply(double v) {
            return StrictMath.exp(-v);
        }
    },
    MULTIPLY("multiply") {
        @Override
        double apply(double a, double b) {
            return a * b;
        }
    },
    DIVIDE("divide") {
        @Override
        double apply(double a, double b) {
            return a / b;
        }

        @Override
        boolean admits(double min, double max) {
            return signDefinite(min, max);
        }
    };

    /** The unary operators, in the order the feature space applies them. */
    static final Operator[] UNARY = {SQUARE, CUBE, SQRT, LN, INVERSE, EXP, EXP_NEGATIVE};

    private final String label;

    Operator(String label) {
        this.label = label;
    }

    /** @return the name in model files */
    String label() {
        return label;
    }

    /** @return the operator named {@code label} in a model file */
    static Operator of(String label) {
        for (Operator o : values()) {
            if (o.label.equals(label)) {
                return o;
            }
        }
        throw new IllegalArgumentException("sisso operator '" + label + "' is unknown");
    }

    boolean unary() {
        return this != MULTIPLY && this != DIVIDE;
    }

    /** @return the unary operator applied to v */
    double apply(double v) {
        throw new UnsupportedOperationException(label + " is binary");
    }

    /** @return the binary operator applied to a and b */
    double apply(double a, double b) {
        throw new UnsupportedOperationException(label + " is unary");
    }

    /**
     * @param min least value of the operand (for {@link #DIVIDE}, of the denominator) on the training rows
     * @param max greatest value
     * @return whether the operator is defined on all of them
     */
    boolean admits(double min, double max) {
        return true;
    }

    private static boolean signDefinite(double min, double max) {
        return min > 0 || max < 0;
    }
}
