package org.calsim.empirical.stage;

import java.util.List;
import java.util.Set;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Series;
import org.calsim.api.data.Table;
import org.calsim.api.electrode.CoatingKeys;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.SimulationState;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.Solver;
import org.calsim.api.stage.StageContext;
import org.calsim.api.transport.EffectiveProperties;
import org.calsim.empirical.fit.MeasurementFiles;
import org.calsim.empirical.fit.Measurements;
import org.calsim.empirical.fit.TortuosityFit;
import org.calsim.empirical.transport.BruggemanTortuosity;
import org.calsim.empirical.transport.PowerLawTortuosity;
import org.calsim.empirical.transport.TortuosityClosure;
import org.calsim.empirical.transport.TransportRelations;
import org.osgi.service.component.annotations.Component;

/**
 * Stage {@code empirical.tortuosity}: the through-plane tortuosity factor T = ε D_0/D_eff of the
 * calendered coating from its porosity, by Bruggeman's closure T = ε^(1−α) (Bruggeman, Ann. Phys. 416
 * (1935) 636–664) or the power law T = a ε^b (as cited in the review after Ge et al., Powder Technol.
 * 403 (2022) 117366); κ_eff = κ_0 ε/T (eqs 10–12, Tambio et al., J. Electrochem. Soc. 167 (2020)
 * 160509). With {@code fit_csv} the chosen closure's parameters (α, or a and b) are fitted to measured
 * (porosity, tortuosity factor) data and compared with Bruggeman's α = 1.5.
 */
@Component(service = Solver.class, property = ServiceProperties.NAME + "=empirical.tortuosity")
public final class TortuosityClosureStage implements Solver {

    static final String MODEL = "model";
    static final String BRUGGEMAN = "bruggeman";
    static final String POWER_LAW = "power-law";
    static final String ALPHA = "alpha";
    static final String A = "a";
    static final String B = "b";

    private static final double CURVE_MIN_POROSITY = 0.05;
    private static final double CURVE_MAX_POROSITY = 0.95;

    @Override
    public String description() {
        return "tortuosity factor and effective transport from porosity: Bruggeman or T = a*eps^b"
                + " (review eqs 10-12), optionally fitted to measured data";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.choice(MODEL, List.of(BRUGGEMAN, POWER_LAW),
                        "bruggeman: T = eps^(1-alpha); power-law: T = a*eps^b").withDefault(BRUGGEMAN),
                Parameter.number(ALPHA, "1", 1, "Bruggeman exponent alpha (kappa_eff = kappa0*eps^alpha)")
                        .positive().withDefault(BruggemanTortuosity.SPHERE_EXPONENT),
                Parameter.number(A, "1", 1, "prefactor a of T = a*eps^b").positive().optional(),
                Parameter.number(B, "1", 1, "exponent b of T = a*eps^b (negative for T > 1)").optional(),
                StageSupport.fitCsv(MeasurementFiles.POROSITY + "," + MeasurementFiles.TORTUOSITY_FACTOR,
                        "alpha (bruggeman) or a and b (power-law)"));
    }

    @Override
    public void validate(Parameters parameters, SimulationState inputs) {
        boolean powerLaw = POWER_LAW.equals(parameters.text(MODEL));
        if (parameters.isSet(StageSupport.FIT_CSV)) {
            MeasurementFiles.tortuosityVsPorosity(parameters.file(StageSupport.FIT_CSV));
        }
        if (!powerLaw) {
            StageSupport.forbid(parameters, A, "a belongs to model power-law");
            StageSupport.forbid(parameters, B, "b belongs to model power-law");
        } else if (parameters.isSet(StageSupport.FIT_CSV)) {
            String why = "a and b are fitted to " + StageSupport.FIT_CSV + "; give either the file or a and b";
            StageSupport.forbid(parameters, A, why);
            StageSupport.forbid(parameters, B, why);
        } else {
            String why = "model power-law needs a and b (or " + StageSupport.FIT_CSV + " to fit them)";
            StageSupport.require(parameters, A, why);
            StageSupport.require(parameters, B, why);
        }
    }

    @Override
    public Set<Key<?>> needs(Parameters parameters) {
        return Set.of(CoatingKeys.POROSITY);
    }

    @Override
    public Set<Key<?>> gives(Parameters parameters) {
        return Set.of(EffectiveProperties.KEY);
    }

    @Override
    public void run(StageContext context) throws Exception {
        Parameters parameters = context.parameters();
        ResultSink sink = context.results();
        boolean powerLaw = POWER_LAW.equals(parameters.text(MODEL));
        double porosity = context.state().get(CoatingKeys.POROSITY);
        TortuosityClosure reference = new BruggemanTortuosity(BruggemanTortuosity.SPHERE_EXPONENT);
        context.progress(0, "tortuosity closure");

        TortuosityClosure closure;
        String method;
        Measurements measured = null;
        if (parameters.isSet(StageSupport.FIT_CSV)) {
            measured = MeasurementFiles.tortuosityVsPorosity(parameters.file(StageSupport.FIT_CSV));
            Measurements data = measured;
            TortuosityFit fit = StageSupport.fitted("empirical.tortuosity",
                    () -> powerLaw ? TortuosityFit.powerLaw(data) : TortuosityFit.bruggeman(data));
            closure = fit.closure();
            FitReport report = new FitReport(sink, fit.fit());
            if (powerLaw) {
                report.parameter(TortuosityFit.A, "a", "1", 1).parameter(TortuosityFit.B, "b", "1", 1);
            } else {
                report.parameter(TortuosityFit.ALPHA, "alpha", "1", 1);
            }
            report.quality(measured.source());
            sink.summary("bruggeman_r_squared", TortuosityFit.rSquared(measured, reference), "1");
            method = closure.describe() + ", fitted to " + measured.source();
        } else {
            if (powerLaw) {
                closure = new PowerLawTortuosity(parameters.number(A), parameters.number(B));
                sink.summary("a", parameters.number(A), "1");
                sink.summary("b", parameters.number(B), "1");
            } else {
                closure = new BruggemanTortuosity(parameters.number(ALPHA));
                sink.summary("alpha", parameters.number(ALPHA), "1");
            }
            method = closure.describe();
        }
        double tortuosity = closure.tortuosityFactor(porosity);
        context.give(EffectiveProperties.KEY,
                new EffectiveProperties(porosity, tortuosity, Double.NaN, Double.NaN, method));
        sink.note("method", method);
        sink.summary("porosity", porosity, "1");
        sink.summary("tortuosity_factor", tortuosity, "1");
        sink.summary("geometric_tortuosity", TransportRelations.geometricTortuosity(tortuosity), "1");
        sink.summary("transport_ratio", TransportRelations.transportRatio(porosity, tortuosity), "1");
        sink.summary("macmullin_number", tortuosity / porosity, "1");
        sink.summary("bruggeman_tortuosity_factor", reference.tortuosityFactor(porosity), "1");
        context.progress(0.5, "curves");

        double[] porosities = new double[StageSupport.CURVE_POINTS];
        double[] chosen = new double[porosities.length];
        double[] bruggeman = new double[porosities.length];
        for (int i = 0; i < porosities.length; i++) {
            context.checkCancelled();
            porosities[i] = CURVE_MIN_POROSITY
                    + (CURVE_MAX_POROSITY - CURVE_MIN_POROSITY) * i / (porosities.length - 1);
            chosen[i] = closure.tortuosityFactor(porosities[i]);
            bruggeman[i] = reference.tortuosityFactor(porosities[i]);
        }
        sink.table("tortuosity-vs-porosity", Table.builder()
                .column("porosity", "1", porosities)
                .column("tortuosity_factor", "1", chosen)
                .column("tortuosity_factor_bruggeman", "1", bruggeman)
                .build());
        List<Series> series = StageSupport.seriesList(
                new Series(closure.describe(), porosities, chosen, Series.Style.LINE),
                new Series("bruggeman alpha=1.5", porosities, bruggeman, Series.Style.LINE),
                StageSupport.operatingPoint("operating point", porosity, tortuosity));
        if (measured != null) {
            series.add(StageSupport.measuredSeries(measured, 1, 1));
        }
        sink.plot(new Plot("tortuosity-vs-porosity", "Tortuosity factor against porosity", "porosity [1]",
                "tortuosity factor T [1]", series));
        context.progress(1, "done");
    }
}
