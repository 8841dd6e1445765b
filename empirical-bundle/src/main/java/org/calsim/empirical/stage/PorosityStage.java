package org.calsim.empirical.stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Series;
import org.calsim.api.data.Table;
import org.calsim.api.electrode.CalenderingConditions;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.SimulationState;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.Solver;
import org.calsim.api.stage.StageContext;
import org.calsim.support.units.Units;
import org.calsim.empirical.compaction.DampingFactor;
import org.calsim.empirical.compaction.PorosityLineLoadLaw;
import org.calsim.empirical.fit.MeasurementFiles;
import org.calsim.empirical.fit.Measurements;
import org.calsim.empirical.fit.PorosityLawFit;
import org.osgi.service.component.annotations.Component;

/**
 * Stage {@code empirical.porosity}: porosity of the calendered coating from the line load by Meyer's
 * law, eq 5 of the review, ε = ε_min + (ε_0 − ε_min) exp(−q_L/γ_C), with the damping factor
 * γ_C = (μ_0 − ξ T_R) M_C (eq 6) or given, and the compaction-factor form ε_min = p ε_0 (eqs 7–8).
 * After Meyer et al., J. Mater. Process. Technol. 249 (2017) 172–178. With {@code fit_csv} the law is
 * first fitted to measured (line load, porosity) data. ε_0 is the recipe's initial porosity unless fitted.
 */
@Component(service = Solver.class, property = ServiceProperties.NAME + "=empirical.porosity")
public final class PorosityStage implements Solver {

    static final String MODEL = "model";
    static final String EXPONENTIAL = "exponential";
    static final String COMPACTION_FACTOR = "compaction-factor";
    static final String EPS_MIN = "eps_min";
    static final String P = "p";
    static final String GAMMA = "gamma_kN_per_m";
    static final String MU0 = "mu0_kN_per_m_per_mg_per_cm2";
    static final String XI = "xi_kN_per_m_per_mg_per_cm2_per_C";

    @Override
    public String description() {
        return "porosity, thickness and density of the calendered coating from the line load"
                + " (Meyer et al. 2017, review eqs 5-8), optionally fitted to measured data";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.choice(MODEL, List.of(EXPONENTIAL, COMPACTION_FACTOR),
                        "exponential: eq 5 with eps_min; compaction-factor: eqs 7-8 with eps_min = p*eps0")
                        .withDefault(EXPONENTIAL),
                Parameter.number(EPS_MIN, "1", 1, "minimum coating porosity eps_C,min (eq 5)").open(0, 1).optional(),
                Parameter.number(P, "1", 1, "compaction factor p = eps_min/eps0 (eqs 7-8)").open(0, 1).optional(),
                Parameter.number(GAMMA, "kN/m", Units.KN_PER_M, "damping factor gamma_C (eq 5), given directly")
                        .positive().optional(),
                Parameter.number(MU0, "kN/m per mg/cm^2", Units.KN_PER_M_PER_MG_PER_CM2,
                        "mass factor mu0 at 0 C of gamma_C = (mu0 - xi*T_R)*M_C (eq 6)").optional(),
                Parameter.number(XI, "kN/m per mg/cm^2 per C", Units.KN_PER_M_PER_MG_PER_CM2,
                        "temperature factor xi of gamma_C = (mu0 - xi*T_R)*M_C (eq 6)").optional(),
                StageSupport.fitCsv(MeasurementFiles.LINE_LOAD + "," + MeasurementFiles.POROSITY,
                        "eps0, eps_min (or p) and gamma_C"),
                StageSupport.maxLineLoad());
    }

    @Override
    public void validate(Parameters parameters, SimulationState inputs) {
        boolean compactionFactor = COMPACTION_FACTOR.equals(parameters.text(MODEL));
        if (parameters.isSet(StageSupport.FIT_CSV)) {
            MeasurementFiles.porosityVsLineLoad(parameters.file(StageSupport.FIT_CSV));
            String why = "the law's parameters are fitted to " + StageSupport.FIT_CSV + "; give either the file or"
                    + " the parameters";
            for (String name : List.of(EPS_MIN, P, GAMMA, MU0, XI)) {
                StageSupport.forbid(parameters, name, why);
            }
            return;
        }
        if (compactionFactor) {
            StageSupport.require(parameters, P, "model compaction-factor needs the compaction factor p (eq 7)");
            StageSupport.forbid(parameters, EPS_MIN, "model compaction-factor computes eps_min = p*eps0; give p");
        } else {
            StageSupport.require(parameters, EPS_MIN, "model exponential needs the minimum porosity (eq 5);"
                    + " or set model: compaction-factor and give p");
            StageSupport.forbid(parameters, P, "p belongs to model compaction-factor; model exponential takes eps_min");
        }
        if (parameters.isSet(GAMMA)) {
            String why = "the damping factor is given by " + GAMMA + "; give either it or " + MU0 + " and " + XI;
            StageSupport.forbid(parameters, MU0, why);
            StageSupport.forbid(parameters, XI, why);
        } else {
            String why = "the damping factor needs either " + GAMMA + " or both " + MU0 + " and " + XI + " (eq 6)";
            StageSupport.require(parameters, MU0, why);
            StageSupport.require(parameters, XI, why);
        }
        // the law against the job's recipe and roll temperature: eps_min below eps0, mu0 - xi*T_R > 0
        ElectrodeRecipe recipe = inputs.get(ElectrodeRecipe.KEY);
        CalenderingConditions conditions = inputs.get(CalenderingConditions.KEY);
        double gamma;
        try {
            gamma = damping(parameters, recipe, conditions);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(parameters.fieldPath(MU0) + ", " + XI + " and calendering.roll_temperature_C",
                    e.value(), e.allowed());
        }
        String field = parameters.fieldPath(compactionFactor ? P : EPS_MIN);
        try {
            law(parameters, recipe, gamma);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, e.value(), e.allowed());
        }
    }

    /** @return γ_C [N/m]: given, or from eq 6 with the job's roll temperature and loading */
    private static double damping(Parameters parameters, ElectrodeRecipe recipe, CalenderingConditions conditions) {
        if (parameters.isSet(GAMMA)) {
            return parameters.number(GAMMA);
        }
        return DampingFactor.gamma(parameters.number(MU0), parameters.number(XI), conditions.rollTemperature(),
                recipe.activeMassLoading());
    }

    /** @return the law of eq 5 or eqs 7-8 from the given parameters and the recipe's initial porosity */
    private static PorosityLineLoadLaw law(Parameters parameters, ElectrodeRecipe recipe, double gamma) {
        if (COMPACTION_FACTOR.equals(parameters.text(MODEL))) {
            return PorosityLineLoadLaw.withCompactionFactor(recipe.initialPorosity(), parameters.number(P), gamma);
        }
        return new PorosityLineLoadLaw(recipe.initialPorosity(), parameters.number(EPS_MIN), gamma);
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
        boolean compactionFactor = COMPACTION_FACTOR.equals(parameters.text(MODEL));
        context.progress(0, "porosity law");

        PorosityLineLoadLaw law;
        Measurements measured = null;
        if (parameters.isSet(StageSupport.FIT_CSV)) {
            Path file = parameters.file(StageSupport.FIT_CSV);
            measured = MeasurementFiles.porosityVsLineLoad(file);
            Measurements data = measured;
            PorosityLawFit fit = StageSupport.fitted("empirical.porosity",
                    () -> PorosityLawFit.fit(data, compactionFactor));
            law = fit.law();
            FitReport report = new FitReport(sink, fit.fit());
            report.parameter(PorosityLawFit.EPS0, "eps0", "1", 1);
            report.parameter(compactionFactor ? PorosityLawFit.P : PorosityLawFit.EPS_MIN,
                    compactionFactor ? "compaction_factor_p" : "eps_min", "1", 1);
            report.parameter(PorosityLawFit.GAMMA, "gamma_kN_per_m", "kN/m", Units.KN_PER_M);
            report.quality(measured.source());
            sink.note("damping_factor", "gamma_C fitted to " + measured.source());
        } else {
            law = law(parameters, recipe, damping(parameters, recipe, conditions));
            sink.note("damping_factor", parameters.isSet(GAMMA) ? "gamma_C given by " + GAMMA
                    : "gamma_C = (mu0 - xi*T_R)*M_C (eq 6) with T_R = " + conditions.rollTemperature() + " C, M_C = "
                    + recipe.activeMassLoading() / Units.MG_PER_CM2 + " mg/cm^2");
            sink.summary("eps0", law.initialPorosity(), "1");
            sink.summary(compactionFactor ? "compaction_factor_p" : "eps_min",
                    compactionFactor ? law.compactionFactor() : law.minimumPorosity(), "1");
            sink.summary("gamma_kN_per_m", law.damping() / Units.KN_PER_M, "kN/m");
        }
        sink.note("model", compactionFactor ? "eq 8: eps = eps0*(p + (1-p)*exp(-q_L/gamma_C))"
                : "eq 5: eps = eps_min + (eps0 - eps_min)*exp(-q_L/gamma_C)");
        context.progress(0.5, "operating point");

        double lineLoad = conditions.lineLoad();
        double porosity = law.porosity(lineLoad);
        CoatingResults.give(context, recipe, porosity);
        sink.summary("line_load_kN_per_m", lineLoad / Units.KN_PER_M, "kN/m");

        double maxLoad = StageSupport.curveMaximum(parameters, lineLoad, 3 * law.damping());
        double[] loads = StageSupport.linear(maxLoad, StageSupport.CURVE_POINTS);
        double[] porosities = new double[loads.length];
        double[] thicknesses = new double[loads.length];
        for (int i = 0; i < loads.length; i++) {
            context.checkCancelled();
            porosities[i] = law.porosity(loads[i]);
            thicknesses[i] = recipe.thicknessAtPorosity(porosities[i]) / Units.MICROMETRE;
        }
        double[] loadsKn = StageSupport.scaled(loads, Units.KN_PER_M);
        sink.table("porosity-vs-line-load", Table.builder()
                .column("line_load", "kN/m", loadsKn)
                .column("porosity", "1", porosities)
                .column("thickness", "um", thicknesses)
                .build());
        List<Series> series = StageSupport.seriesList(
                new Series(compactionFactor ? "eq 8" : "eq 5", loadsKn, porosities, Series.Style.LINE),
                StageSupport.operatingPoint("operating point", lineLoad / Units.KN_PER_M, porosity));
        if (measured != null) {
            series.add(StageSupport.measuredSeries(measured, Units.KN_PER_M, 1));
        }
        sink.plot(new Plot("porosity-vs-line-load", "Coating porosity against line load (Meyer et al. 2017)",
                "line load [kN/m]", "porosity [1]", series));
        context.progress(1, "done");
    }
}
