package org.calsim.empirical.fit;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/** Synthetic measurements: a known law plus Gaussian noise from a seeded generator. */
final class Synthetic {

    private Synthetic() {
    }

    static Measurements data(DoubleUnaryOperator law, double[] x, double sigma, Random random) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = law.applyAsDouble(x[i]) + sigma * random.nextGaussian();
        }
        return new Measurements("synthetic.csv", "x", "y", x, y);
    }

    static double[] linear(double from, double to, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = from + (to - from) * i / (n - 1);
        }
        return x;
    }

    static double[] logarithmic(double from, double to, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = from * Math.pow(to / from, (double) i / (n - 1));
        }
        return x;
    }

    /** Standard deviation of the estimates over repetitions (the true spread the standard error estimates). */
    static double spread(double[] estimates) {
        double mean = 0;
        for (double v : estimates) {
            mean += v / estimates.length;
        }
        double sum = 0;
        for (double v : estimates) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (estimates.length - 1));
    }
}
