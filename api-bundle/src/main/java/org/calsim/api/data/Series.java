package org.calsim.api.data;

/**
 * One line or set of markers in a {@link Plot}.
 *
 * @param label legend text
 * @param x     abscissae, in the plot's x unit
 * @param y     ordinates, in the plot's y unit
 * @param style how to draw it
 */
public record Series(String label, double[] x, double[] y, Style style) {

    /** How a series is drawn. */
    public enum Style {
        /** a line through the points */
        LINE,
        /** markers only (measurements, single operating points) */
        MARKERS
    }

    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + label + "': " + x.length + " x values, " + y.length + " y values");
        }
    }
}
