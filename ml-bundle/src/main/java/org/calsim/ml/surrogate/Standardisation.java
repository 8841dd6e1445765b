package org.calsim.ml.surrogate;

/**
 * Per-column affine scaling to mean 0 and (population) standard deviation 1; a constant column keeps scale 1.
 *
 * @param mean  column means
 * @param scale column standard deviations (1 where a column is constant)
 */
public record Standardisation(double[] mean, double[] scale) {

    /** @return the scaling of the columns of {@code rows} (n rows of equal length) */
    public static Standardisation of(double[][] rows) {
        int d = rows[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                scale[j] += (r[j] - mean[j]) * (r[j] - mean[j]);
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scale[j] / rows.length);
            scale[j] = sd > 0 ? sd : 1;
        }
        return new Standardisation(mean, scale);
    }

    /** @return (v − mean) / scale, column by column */
    public double[] apply(double[] v) {
        double[] z = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            z[j] = (v[j] - mean[j]) / scale[j];
        }
        return z;
    }

    /** @return every row scaled */
    public double[][] apply(double[][] rows) {
        double[][] z = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            z[i] = apply(rows[i]);
        }
        return z;
    }

    /** @return mean + scale · z, column by column */
    public double[] invert(double[] z) {
        double[] v = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            v[j] = mean[j] + scale[j] * z[j];
        }
        return v;
    }
}
