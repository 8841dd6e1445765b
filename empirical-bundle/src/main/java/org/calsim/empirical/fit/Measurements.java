package org.calsim.empirical.fit;

import java.util.Objects;

/**
 * Measured pairs (x, y) in SI units, read from a file.
 *
 * @param source  where they come from (file name), for messages
 * @param xName   name of the x quantity with its SI unit, e.g. {@code "line load [N/m]"}
 * @param yName   name of the y quantity with its SI unit
 * @param x       abscissae [SI]
 * @param y       ordinates [SI]
 */
public record Measurements(String source, String xName, String yName, double[] x, double[] y) {

    public Measurements {
        Objects.requireNonNull(source, "source");
        if (x.length != y.length) {
            throw new IllegalArgumentException(source + ": " + x.length + " x values but " + y.length + " y values");
        }
        x = x.clone();
        y = y.clone();
    }

    /** @return the number of pairs */
    public int size() {
        return x.length;
    }

    /** @return a copy of the abscissae [SI] */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** @return a copy of the ordinates [SI] */
    @Override
    public double[] y() {
        return y.clone();
    }
}
