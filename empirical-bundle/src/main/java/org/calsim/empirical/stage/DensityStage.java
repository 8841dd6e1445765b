package org.calsim.empirical.stage;

import java.util.List;
import java.util.Set;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Series;
import org.calsim.api.data.Table;
import org.calsim.api.electrode.CalenderingConditions;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.SimulationState;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.Solver;
import org.calsim.api.stage.StageContext;
import org.calsim.support.units.Units;
import org.calsim.empirical.compaction.CoatingDensity;
import org.calsim.empirical.compaction.MeyerDensityLaw;
import org.calsim.empirical.fit.DensityLawFit;
import org.calsim.empirical.fit.MeasurementFiles;
import org.calsim.empirical.fit.Measurements;
import org.osgi.service.component.annotations.Component;

/**
 * Stage {@code empirical.density}: coating density after calendering from the line load by Meyer's law,
 * eq 4 of the review, q_L = A ((ρ_i − ρ_0)/ρ_ref)^B with ρ_ref = 1 g/cm³ (see {@link MeyerDensityLaw}),
 * inverted; porosity ε = 1 − ρ/ρ_s and the thickness at that porosity follow. After Meyer et al.,
 * J. Mater. Process. Technol. 249 (2017) 172–178, who fitted it for 0 ≤ Π ≤ 0.25. ρ_0 is the recipe's
 * initial coating density ρ_s (1 − ε_0) unless {@code rho0_g_per_cm3} is given; with {@code fit_csv}
 * A and B are fitted (ρ_0 stays given).
 */
@Component(service = Solver.class, property = ServiceProperties.NAME + "=empirical.density")
public final class DensityStage implements Solver {

    static final String A = "A_kN_per_m";
    static final String B = "B";
    static final String RHO0 = "rho0_g_per_cm3";

    /** Largest degree of compaction for which Meyer et al. fitted eq 4. */
    private static final double VALID_COMPACTION = 0.25;

    @Override
    public String description() {
        return "coating density, porosity and thickness from the line load (Meyer et al. 2017, review eq 4),"
                + " optionally fitted to measured data";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.number(A, "kN/m", Units.KN_PER_M,
                        "A of eq 4 written q_L = A*((rho - rho0)/(1 g/cm^3))^B: the line load that raises the density"
                                + " by 1 g/cm^3").positive().optional(),
                Parameter.number(B, "1", 1, "exponent B of eq 4").positive().optional(),
                Parameter.number(RHO0, "g/cm^3", Units.G_PER_CM3,
                        "coating density before calendering rho0; default: the recipe's solid density*(1 - eps0)")
                        .positive().optional(),
                StageSupport.fitCsv(MeasurementFiles.LINE_LOAD + "," + MeasurementFiles.DENSITY,
                        "A and B (rho0 given)"),
                StageSupport.maxLineLoad());
    }

    @Override
    public void validate(Parameters parameters, SimulationState inputs) {
        if (parameters.isSet(StageSupport.FIT_CSV)) {
            MeasurementFiles.densityVsLineLoad(parameters.file(StageSupport.FIT_CSV));
            String why = "A and B are fitted to " + StageSupport.FIT_CSV + "; give either the file or A and B";
            StageSupport.forbid(parameters, A, why);
            StageSupport.forbid(parameters, B, why);
        } else {
            String why = "eq 4 needs A and B (or " + StageSupport.FIT_CSV + " to fit them)";
            StageSupport.require(parameters, A, why);
            StageSupport.require(parameters, B, why);
        }
    }

    @Override
    public Set<Key<?>> needs(Parameters parameters) {
        return CoatingResults.NEEDS;
    }

    @Override
    public Set<Key<?>> gives(Parameters parameters) {
        return CoatingResults.GIVES;
    }

    @Override
    public void run(StageContext context) throws Exception {
        Parameters parameters = context.parameters();
        ElectrodeRecipe recipe = context.state().get(ElectrodeRecipe.KEY);
        CalenderingConditions conditions = context.state().get(CalenderingConditions.KEY);
        ResultSink sink = context.results();
        context.progress(0, "density law");
        double rho0 = parameters.isSet(RHO0) ? parameters.number(RHO0) : recipe.initialCoatingDensity();

        MeyerDensityLaw law;
        Measurements measured = null;
        if (parameters.isSet(StageSupport.FIT_CSV)) {
            measured = MeasurementFiles.densityVsLineLoad(parameters.file(StageSupport.FIT_CSV));
            Measurements data = measured;
            DensityLawFit fit = StageSupport.fitted("empirical.density", () -> DensityLawFit.fit(data, rho0));
            law = fit.law();
            new FitReport(sink, fit.fit())
                    .parameter(DensityLawFit.A, "A_kN_per_m", "kN/m", Units.KN_PER_M)
                    .parameter(DensityLawFit.B, "B", "1", 1)
                    .quality(measured.source());
        } else {
            law = new MeyerDensityLaw(parameters.number(A), parameters.number(B), rho0);
            sink.summary("A_kN_per_m", law.coefficient() / Units.KN_PER_M, "kN/m");
            sink.summary("B", law.exponent(), "1");
        }
        sink.summary("rho0_g_per_cm3", rho0 / Units.G_PER_CM3, "g/cm^3");
        sink.note("model", "eq 4 inverted: rho = rho0 + (1 g/cm^3)*(q_L/A)^(1/B); porosity = 1 - rho/rho_s");
        context.progress(0.5, "operating point");

        double lineLoad = conditions.lineLoad();
        double density = law.density(lineLoad);
        double porosity = CoatingDensity.porosity(density, recipe.solidDensity());
        CoatingResults.give(context, recipe, porosity);
        double compaction = 1 - rho0 / density;
        sink.summary("line_load_kN_per_m", lineLoad / Units.KN_PER_M, "kN/m");
        sink.summary("compaction_degree", compaction, "1");
        if (compaction > VALID_COMPACTION) {
            sink.note("warning", "degree of compaction " + compaction + " exceeds 0.25, the range in which Meyer et"
                    + " al. (2017) fitted eq 4");
        }

        double maxLoad = StageSupport.curveMaximum(parameters, lineLoad, 3 * law.coefficient());
        double[] loads = StageSupport.linear(maxLoad, StageSupport.CURVE_POINTS);
        double[] densities = new double[loads.length];
        double[] porosities = new double[loads.length];
        double[] thicknesses = new double[loads.length];
        for (int i = 0; i < loads.length; i++) {
            context.checkCancelled();
            double rho = law.density(loads[i]);
            densities[i] = rho / Units.G_PER_CM3;
            porosities[i] = rho < recipe.solidDensity() ? 1 - rho / recipe.solidDensity() : Double.NaN;
            thicknesses[i] = rho < recipe.solidDensity()
                    ? recipe.thicknessAtPorosity(porosities[i]) / Units.MICROMETRE : Double.NaN;
        }
        double[] loadsKn = StageSupport.scaled(loads, Units.KN_PER_M);
        sink.table("density-vs-line-load", Table.builder()
                .column("line_load", "kN/m", loadsKn)
                .column("density", "g/cm^3", densities)
                .column("porosity", "1", porosities)
                .column("thickness", "um", thicknesses)
                .build());
        List<Series> series = StageSupport.seriesList(
                new Series("eq 4", loadsKn, densities, Series.Style.LINE),
                StageSupport.operatingPoint("operating point", lineLoad / Units.KN_PER_M, density / Units.G_PER_CM3));
        if (measured != null) {
            series.add(StageSupport.measuredSeries(measured, Units.KN_PER_M, Units.G_PER_CM3));
        }
        sink.plot(new Plot("density-vs-line-load", "Coating density against line load (Meyer et al. 2017)",
                "line load [kN/m]", "density [g/cm^3]", series));
        context.progress(1, "done");
    }
}
