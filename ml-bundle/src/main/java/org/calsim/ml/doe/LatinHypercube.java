package org.calsim.ml.doe;

import java.util.SplittableRandom;

/**
 * Latin hypercube designs in the unit cube (McKay, Beckman and Conover, Technometrics 21 (1979) 239): each input's
 * range [0, 1] is cut into n equal strata, each stratum holds exactly one of the n points (a random permutation per
 * input), at a uniform random position inside it. Of several such designs the one with the largest smallest
 * pairwise distance is kept (the maximin criterion of Johnson, Moore and Ylvisaker 1990).
 */
public final class LatinHypercube {
    private LatinHypercube() {
    }

    /**
     * @param points     n ≥ 1
     * @param dimension  d ≥ 1
     * @param candidates designs drawn, of which the maximin one is returned (≥ 1)
     * @param seed       seed of the permutations and positions
     * @return n rows of d coordinates in [0, 1)
     */
    public static double[][] maximin(int points, int dimension, int candidates, long seed) {
        if (points < 1 || dimension < 1 || candidates < 1) {
            throw new IllegalArgumentException("points, dimension and candidates must be positive");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] best = null;
        double bestDistance = -1;
        for (int c = 0; c < candidates; c++) {
            double[][] design = sample(points, dimension, random);
            double distance = smallestDistance2(design);
            if (distance > bestDistance) {
                bestDistance = distance;
                best = design;
            }
        }
        return best;
    }

    private static double[][] sample(int n, int d, SplittableRandom random) {
        double[][] x = new double[n][d];
        int[] strata = new int[n];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < n; i++) {
                strata[i] = i;
            }
            for (int i = n - 1; i > 0; i--) { // Fisher–Yates shuffle
                int k = random.nextInt(i + 1);
                int t = strata[i];
                strata[i] = strata[k];
                strata[k] = t;
            }
            for (int i = 0; i < n; i++) {
                x[i][j] = (strata[i] + random.nextDouble()) / n;
            }
        }
        return x;
    }

    private static double smallestDistance2(double[][] x) {
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < i; k++) {
                smallest = Math.min(smallest, distance2(x[i], x[k]));
            }
        }
        return smallest;
    }

    /** @return the squared Euclidean distance of two points */
    public static double distance2(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double u = a[j] - b[j];
            s += u * u;
        }
        return s;
    }
}
