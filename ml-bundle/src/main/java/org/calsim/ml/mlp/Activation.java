package org.calsim.ml.mlp;

/**
 * Activation function σ of the hidden layers, with the bound of the uniform distribution its incoming weights are
 * drawn from. {@code StrictMath} makes trained weights and predictions the same bit for bit on every JVM.
 */
enum Activation {
    /**
     * σ(z) = tanh z, σ' = 1 − σ²; weights uniform in ±√(6 / (fan_in + fan_out)), variance 2 / (fan_in + fan_out)
     * (Glorot and Bengio, Proc. AISTATS 2010, 249, eq 16).
     */
    TANH("tanh") {
        @Override
        double apply(double z) {
            return StrictMath.tanh(z);
        }

        @Override
        double derivative(double a) {
            return 1 - a * a;
        }

        @Override
        double initialBound(int fanIn, int fanOut) {
            return glorot(fanIn, fanOut);
        }
    },
    /**
     * σ(z) = max(z, 0), σ' = 1 for z > 0 else 0; weights uniform in ±√(6 / fan_in), variance 2 / fan_in (He et al.,
     * Proc. ICCV 2015, 1026, eq 10).
     */
    RELU("relu") {
        @Override
        double apply(double z) {
            return z > 0 ? z : 0;
        }

        @Override
        double derivative(double a) {
            return a > 0 ? 1 : 0;
        }

        @Override
        double initialBound(int fanIn, int fanOut) {
            return Math.sqrt(6.0 / fanIn);
        }
    };

    private final String label;

    Activation(String label) {
        this.label = label;
    }

    /** @return the name used in options and model files */
    String label() {
        return label;
    }

    /** @return the activation named {@code label} */
    static Activation of(String label) {
        for (Activation a : values()) {
            if (a.label.equals(label)) {
                return a;
            }
        }
        throw new IllegalArgumentException("activation '" + label + "' is not tanh or relu");
    }

    /** @return σ(z) */
    abstract double apply(double z);

    /** @return σ'(z) from the activation a = σ(z) */
    abstract double derivative(double a);

    /** @return b: weights into a layer with this activation are uniform in [−b, b] */
    abstract double initialBound(int fanIn, int fanOut);

    /** @return the Glorot bound √(6 / (fan_in + fan_out)), also used for the linear output layer */
    static double glorot(int fanIn, int fanOut) {
        return Math.sqrt(6.0 / (fanIn + fanOut));
    }
}
