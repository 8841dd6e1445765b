package org.calsim.empirical.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.calsim.api.data.Series;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.StageFailedException;
import org.calsim.support.units.Units;
import org.calsim.empirical.fit.FitFailedException;
import org.calsim.empirical.fit.Measurements;

/** Parameter declarations, cross-field checks and small helpers the empirical stages share. */
final class StageSupport {

    /** Name of the optional measured-data file every fitting stage accepts. */
    static final String FIT_CSV = "fit_csv";
    /** Name of the upper end of plotted line-load curves. */
    static final String MAX_LINE_LOAD = "max_line_load_kN_per_m";
    /** Points on plotted curves. */
    static final int CURVE_POINTS = 101;

    private StageSupport() {
    }

    /** @return the optional {@code fit_csv} parameter, described for {@code columns} */
    static Parameter fitCsv(String columns, String fitted) {
        return Parameter.file(FIT_CSV, "CSV of measured data with header '" + columns + "' (# comments allowed);"
                + " fits " + fitted + " by Levenberg-Marquardt and applies the fitted law").optional();
    }

    /** @return the optional {@code max_line_load_kN_per_m} parameter */
    static Parameter maxLineLoad() {
        return Parameter.number(MAX_LINE_LOAD, "kN/m", Units.KN_PER_M,
                "upper end of the plotted curve; default 3 x the job's line load").positive().optional();
    }

    /** @throws InvalidInputException if {@code name} is not set; {@code why} says when it is needed */
    static void require(Parameters parameters, String name, String why) {
        if (!parameters.isSet(name)) {
            throw new InvalidInputException(parameters.fieldPath(name), null, "a value: " + why);
        }
    }

    /** @throws InvalidInputException if {@code name} is set; {@code why} says why it must not be */
    static void forbid(Parameters parameters, String name, String why) {
        if (parameters.isSet(name)) {
            throw new InvalidInputException(parameters.fieldPath(name), "set", "no value: " + why);
        }
    }

    /**
     * Runs a fit and turns a failure into a {@link StageFailedException}.
     *
     * @throws StageFailedException if the fit did not converge
     */
    static <T> T fitted(String stage, Supplier<T> fit) throws StageFailedException {
        try {
            return fit.get();
        } catch (FitFailedException e) {
            throw new StageFailedException(stage + ": " + e.getMessage(), e);
        }
    }

    /** @return the upper end of line-load curves [N/m]: the parameter, else 3 q_L, else {@code fallback} */
    static double curveMaximum(Parameters parameters, double lineLoad, double fallback) {
        if (parameters.isSet(MAX_LINE_LOAD)) {
            return parameters.number(MAX_LINE_LOAD);
        }
        return lineLoad > 0 ? 3 * lineLoad : fallback;
    }

    /** @return {@code points} values from 0 to {@code max}, evenly spaced */
    static double[] linear(double max, int points) {
        double[] values = new double[points];
        for (int i = 0; i < points; i++) {
            values[i] = max * i / (points - 1);
        }
        return values;
    }

    /** @return {@code points} values from {@code min} to {@code max}, evenly spaced in the logarithm */
    static double[] logarithmic(double min, double max, int points) {
        double[] values = new double[points];
        double ratio = Math.log(max / min);
        for (int i = 0; i < points; i++) {
            values[i] = min * Math.exp(ratio * i / (points - 1));
        }
        return values;
    }

    /** @return each value divided by {@code unit} (SI to the named unit) */
    static double[] scaled(double[] si, double unit) {
        double[] values = new double[si.length];
        for (int i = 0; i < si.length; i++) {
            values[i] = si[i] / unit;
        }
        return values;
    }

    /** @return a marker series of measured points, converted from SI */
    static Series measuredSeries(Measurements data, double xUnit, double yUnit) {
        return new Series("measured (" + data.source() + ")", scaled(data.x(), xUnit), scaled(data.y(), yUnit),
                Series.Style.MARKERS);
    }

    /** @return a one-point marker series */
    static Series operatingPoint(String label, double x, double y) {
        return new Series(label, new double[] {x}, new double[] {y}, Series.Style.MARKERS);
    }

    /** @return a new list with the given series */
    static List<Series> seriesList(Series... series) {
        List<Series> list = new ArrayList<>();
        for (Series s : series) {
            list.add(s);
        }
        return list;
    }
}
