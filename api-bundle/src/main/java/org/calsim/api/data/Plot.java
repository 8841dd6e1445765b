package org.calsim.api.data;

import java.util.List;

/**
 * A 2-D plot a stage asks the runtime to draw (PNG). Model bundles describe plots; only the runtime
 * knows a plotting library.
 *
 * @param name   file name part, e.g. {@code porosity-vs-line-load}
 * @param title  plot title
 * @param xLabel x axis label with unit, e.g. {@code "line load [kN/m]"}
 * @param yLabel y axis label with unit
 * @param series what to draw
 * @param logX   whether the x axis is logarithmic (all x values must then be positive)
 */
public record Plot(String name, String title, String xLabel, String yLabel, List<Series> series, boolean logX) {
    public Plot {
        series = List.copyOf(series);
        if (logX) {
            for (Series s : series) {
                for (double x : s.x()) {
                    if (!(x > 0)) {
                        throw new IllegalArgumentException("plot '" + name + "': log x axis needs x > 0, series '"
                                + s.label() + "' has " + x);
                    }
                }
            }
        }
    }

    /** A plot with linear axes. */
    public Plot(String name, String title, String xLabel, String yLabel, List<Series> series) {
        this(name, title, xLabel, yLabel, series, false);
    }
}
