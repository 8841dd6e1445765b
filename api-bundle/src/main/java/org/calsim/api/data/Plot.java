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
 */
public record Plot(String name, String title, String xLabel, String yLabel, List<Series> series) {
    public Plot {
        series = List.copyOf(series);
    }
}
