package org.calsim.runtime.output;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Series;
import org.calsim.support.files.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws a {@link Plot} as a PNG with XChart. */
final class PlotRenderer {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;

    private PlotRenderer() {
    }

    static void render(Plot plot, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(plot.title())
                .xAxisTitle(plot.xLabel()).yAxisTitle(plot.yLabel()).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(8);
        chart.getStyler().setXAxisLogarithmic(plot.logX());
        Set<String> labels = new HashSet<>();
        for (Series s : plot.series()) {
            if (s.x().length == 0) {
                continue;
            }
            String label = s.label();
            for (int k = 2; !labels.add(label); k++) {
                label = s.label() + " (" + k + ")";
            }
            XYSeries series = chart.addSeries(label, s.x(), s.y());
            if (s.style() == Series.Style.MARKERS) {
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            } else {
                series.setMarker(SeriesMarkers.NONE);
            }
        }
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }
}
