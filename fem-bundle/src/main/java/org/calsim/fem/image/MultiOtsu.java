package org.calsim.fem.image;

/**
 * Otsu's threshold selection for two or three classes (N. Otsu, "A threshold selection method from gray-level
 * histograms", IEEE Trans. Syst. Man Cybern. 9 (1979) 62–66): the thresholds that maximise the between-class
 * variance σ_B² = Σ_k ω_k (μ_k − μ_T)² of a grey-level histogram, ω_k the fraction of the voxels in class k, μ_k
 * their mean grey value, μ_T the mean of all (two classes in his formulation, several in his extension to
 * multithresholding), found by an exhaustive search over every split of the histogram's bins into classes of
 * consecutive bins (B − 1 candidates for two classes, (B − 1)(B − 2)/2 for three).
 *
 * <p>With cumulative sums over the bins of the count n_b and of n_b·g_b (g_b the mean grey value of bin b), each
 * class's ω_k (here a voxel count N_k) and first moment S_k = N_k μ_k are differences of two sums, and since
 * Σ N_k μ_k = N μ_T is fixed, maximising σ_B² = (Σ_k S_k²/N_k)/N − μ_T² is maximising Σ_k S_k²/N_k (the form of
 * P.-S. Liao, T.-S. Chen, P.-C. Chung, J. Inf. Sci. Eng. 17 (2001) 713–727). Splits leaving a class empty are
 * skipped; of equal maxima the one with the lowest boundaries is kept, so the result does not depend on anything
 * but the histogram.
 */
final class MultiOtsu {

    /**
     * @param boundaries   for each class after the first, its first bin (increasing)
     * @param separability Otsu's measure of separability η = σ_B²/σ_T² [1], σ_T² the variance of all grey values: 1
     *                     for a histogram of as many grey levels as classes, near 0 for one with no classes in it
     */
    record Split(int[] boundaries, double separability) {
    }

    private MultiOtsu() {
    }

    /**
     * @param counts  voxels in each bin
     * @param values  the mean grey value of each bin
     * @param classes 2 or 3
     * @return the best split, or {@code null} if fewer than {@code classes} bins hold voxels
     */
    static Split split(long[] counts, double[] values, int classes) {
        if (classes != 2 && classes != 3) {
            throw new IllegalArgumentException("2 or 3 classes, not " + classes);
        }
        int bins = counts.length;
        double[] n = new double[bins + 1];
        double[] s = new double[bins + 1];
        for (int b = 0; b < bins; b++) {
            n[b + 1] = n[b] + counts[b];
            s[b + 1] = s[b] + counts[b] * values[b];
        }
        double best = Double.NEGATIVE_INFINITY;
        int[] at = null;
        if (classes == 2) {
            for (int k = 1; k < bins; k++) {
                double v = term(n, s, 0, k) + term(n, s, k, bins);
                if (v > best) {
                    best = v;
                    at = new int[] {k};
                }
            }
        } else {
            for (int k1 = 1; k1 < bins - 1; k1++) {
                double first = term(n, s, 0, k1);
                if (Double.isNaN(first)) {
                    continue;
                }
                for (int k2 = k1 + 1; k2 < bins; k2++) {
                    double v = first + term(n, s, k1, k2) + term(n, s, k2, bins);
                    if (v > best) {
                        best = v;
                        at = new int[] {k1, k2};
                    }
                }
            }
        }
        if (at == null) {
            return null;
        }
        double total = n[bins];
        double mean = s[bins] / total;
        double variance = 0;
        for (int b = 0; b < bins; b++) {
            variance += counts[b] * (values[b] - mean) * (values[b] - mean);
        }
        variance /= total;
        double between = best / total - mean * mean;
        return new Split(at, variance > 0 ? between / variance : 0);
    }

    /** @return S²/N of the class of bins [from, to), NaN if it holds no voxels (then no comparison succeeds) */
    private static double term(double[] n, double[] s, int from, int to) {
        double count = n[to] - n[from];
        double sum = s[to] - s[from];
        return count > 0 ? sum * sum / count : Double.NaN;
    }
}
