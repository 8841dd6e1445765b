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
