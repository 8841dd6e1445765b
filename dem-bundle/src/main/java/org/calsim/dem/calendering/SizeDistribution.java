package org.calsim.dem.calendering;

import java.util.SplittableRandom;

/**
 * Particle diameters drawn by number: lognormal by median d50 and the standard deviation σ of ln d, truncated
 * at d50·exp(±2.5σ) (so the largest particle, which sets the neighbour cells, stays bounded), or a discrete
 * table of diameters with number fractions.
 */
final class SizeDistribution {
    private final double d50;
    private final double sigma;
    private final double[] diameters;
    private final double[] cumulative;

    private SizeDistribution(double d50, double sigma, double[] diameters, double[] cumulative) {
        this.d50 = d50;
        this.sigma = sigma;
        this.diameters = diameters;
        this.cumulative = cumulative;
    }

    /** @param d50 median diameter [m]; @param sigma standard deviation of ln d [1], ≥ 0 */
    static SizeDistribution lognormal(double d50, double sigma) {
        return new SizeDistribution(d50, sigma, null, null);
    }

    /** @param diameters [m]; @param numberFractions ≥ 0, normalised here */
    static SizeDistribution table(double[] diameters, double[] numberFractions) {
        double sum = 0;
        for (double f : numberFractions) {
            sum += f;
        }
        double[] c = new double[numberFractions.length];
        double acc = 0;
        for (int k = 0; k < c.length; k++) {
            acc += numberFractions[k] / sum;
            c[k] = acc;
        }
        c[c.length - 1] = 1;
        return new SizeDistribution(Double.NaN, 0, diameters.clone(), c);
    }

    /** @return a diameter [m] */
    double draw(SplittableRandom random) {
        if (diameters != null) {
            double u = random.nextDouble();
            for (int k = 0; k < cumulative.length; k++) {
                if (u < cumulative[k]) {
                    return diameters[k];
                }
            }
            return diameters[diameters.length - 1];
        }
        if (sigma == 0) {
            return d50;
        }
        while (true) {
            double z = gaussian(random);
            if (Math.abs(z) <= 2.5) {
                return d50 * Math.exp(sigma * z);
            }
        }
    }

    /** @return the mean particle volume πd³/6 of a draw [m³] (the truncated lognormal by quadrature) */
    double meanVolume() {
        double meanCube = 0;
        if (diameters != null) {
            for (int k = 0; k < diameters.length; k++) {
                double d = diameters[k];
                meanCube += (cumulative[k] - (k == 0 ? 0 : cumulative[k - 1])) * d * d * d;
            }
        } else if (sigma == 0) {
            meanCube = d50 * d50 * d50;
        } else {
            int n = 2000; // Simpson's rule over the truncation |z| <= 2.5, weight exp(-z^2/2)
            double h = 5.0 / n;
            double weight = 0;
            double cube = 0;
            for (int i = 0; i <= n; i++) {
                double z = -2.5 + i * h;
                double w = (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * Math.exp(-z * z / 2);
                weight += w;
                cube += w * Math.exp(3 * sigma * z);
            }
            meanCube = d50 * d50 * d50 * cube / weight;
        }
        return Math.PI / 6 * meanCube;
    }

    /** @return the largest diameter the distribution can draw [m] */
    double largest() {
        if (diameters != null) {
            double m = 0;
            for (double d : diameters) {
                m = Math.max(m, d);
            }
            return m;
        }
        return d50 * Math.exp(2.5 * sigma);
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller; one of the pair is used, so the stream stays simple to reproduce
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
