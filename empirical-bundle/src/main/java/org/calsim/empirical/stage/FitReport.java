package org.calsim.empirical.stage;

import org.calsim.api.stage.ResultSink;
import org.calsim.empirical.fit.FitResult;

/** Writes fitted parameters, their standard errors and the quality of a fit to a stage's summary. */
final class FitReport {

    private final ResultSink sink;
    private final FitResult fit;

    FitReport(ResultSink sink, FitResult fit) {
        this.sink = sink;
        this.fit = fit;
    }

    /**
     * Writes {@code summaryName} (the value) and {@code summaryName_stderr} (its standard error).
     *
     * @param parameter name of the parameter in the fit
     * @param unitLabel unit as written in the summary
     * @param unit      SI value of one {@code unitLabel}
     */
    FitReport parameter(String parameter, String summaryName, String unitLabel, double unit) {
        sink.summary(summaryName, fit.value(parameter) / unit, unitLabel);
        sink.summary(summaryName + "_stderr", fit.standardError(parameter) / unit, unitLabel);
        return this;
    }

    /** Writes {@code fit_r_squared}, {@code fit_points} and a note naming the file. */
    void quality(String source) {
        sink.summary("fit_r_squared", fit.rSquared(), "1");
        sink.summary("fit_points", fit.points(), "1");
        sink.note("fit", "Levenberg-Marquardt fit to " + source + ", " + fit.points() + " points, R^2 = "
                + fit.rSquared() + "; standard errors from sigma^2 (J^T J)^-1, sigma^2 = RSS/(n-p)");
    }
}
