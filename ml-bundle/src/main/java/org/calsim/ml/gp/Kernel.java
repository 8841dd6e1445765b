package org.calsim.ml.gp;

/**
 * Stationary covariance functions with one length scale per input (automatic relevance determination), of the
 * scaled distance r = √Σ((x_k − x'_k)/ℓ_k)²: k = σ_f² g(r) (Rasmussen and Williams 2006, §4.2).
 */
public enum Kernel {
    /** Squared exponential: g = exp(−r²/2). */
    RBF {
        @Override
        double value(double r2) {
            return Math.exp(-0.5 * r2);
        }

        @Override
        double derivative(double r2) {
            return -0.5 * Math.exp(-0.5 * r2);
        }
    },
    /** Matérn ν = 5/2: g = (1 + √5 r + 5r²/3) exp(−√5 r). */
    MATERN52 {
        @Override
        double value(double r2) {
            double r = Math.sqrt(r2);
            return (1 + SQRT5 * r + 5 * r2 / 3) * Math.exp(-SQRT5 * r);
        }

        @Override
        double derivative(double r2) {
            double r = Math.sqrt(r2);
            return -5.0 / 6 * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
        }
    };

    private static final double SQRT5 = Math.sqrt(5);

    /** @return g at squared scaled distance r² */
    abstract double value(double r2);

    /** @return dg/d(r²) */
    abstract double derivative(double r2);
}
