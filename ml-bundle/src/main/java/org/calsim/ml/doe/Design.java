package org.calsim.ml.doe;

import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.calsim.ml.sensitivity.SobolIndices;

/** How the points of a design of experiments fill the unit cube [0, 1]^d. */
public enum Design {
    /**
     * The Sobol low-discrepancy sequence (Commons Math, Joe and Kuo direction numbers) without its first point (the
     * corner 0); the seed is not used. Fills the cube evenly for any N; best with N a power of 2.
     */
    SOBOL,
    /** The maximin Latin hypercube of {@link LatinHypercube} (the best of 20 seeded designs). */
    LATIN_HYPERCUBE,
    /**
     * The N (d + 2) points of the Saltelli/Jansen estimator of Sobol indices ({@link SobolIndices#design}), so the
     * sweep's dataset gives the sensitivity indices of the physics chain itself; N is the number of base samples.
     */
    SALTELLI;

    /** Latin hypercubes drawn for the maximin choice. */
    private static final int MAXIMIN_CANDIDATES = 20;

    /**
     * @param d      number of inputs
     * @param n      number of points (for {@link #SALTELLI}: base samples; the design has n (d + 2) points)
     * @param seed   seed of the Latin hypercube
     * @return the points in [0, 1]^d
     */
    public double[][] points(int d, int n, long seed) {
        return switch (this) {
            case SOBOL -> sobol(d, n);
            case LATIN_HYPERCUBE -> LatinHypercube.maximin(n, d, MAXIMIN_CANDIDATES, seed);
            case SALTELLI -> SobolIndices.design(d, n);
        };
    }

    /** @return the name used in sweep files */
    public String label() {
        return switch (this) {
            case SOBOL -> "sobol";
            case LATIN_HYPERCUBE -> "lhs";
            case SALTELLI -> "saltelli";
        };
    }

    private static double[][] sobol(int d, int n) {
        SobolSequenceGenerator s = new SobolSequenceGenerator(d);
        s.nextVector(); // the first point is the corner 0
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            p[i] = s.nextVector();
        }
        return p;
    }
}
