package org.calsim.empirical.stage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Series;
import org.calsim.api.data.Table;
import org.calsim.api.electrochem.RateCapability;
import org.calsim.api.electrode.CoatingKeys;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.SimulationState;
import org.calsim.api.stage.Solver;
import org.calsim.api.stage.StageContext;
import org.calsim.api.stage.StageFailedException;
import org.calsim.api.transport.EffectiveProperties;
import org.calsim.support.units.Units;
import org.calsim.empirical.fit.MeasurementFiles;
import org.calsim.empirical.fit.Measurements;
import org.calsim.empirical.fit.RateCapabilityFit;
import org.calsim.empirical.ratecapability.Electrolyte;
import org.calsim.empirical.ratecapability.PenetrationDepthModel;
import org.calsim.empirical.transport.TransportRelations;
import org.osgi.service.component.annotations.Component;

/**
 * Stage {@code empirical.rate-capability}: delivered areal capacity against current density by Tambio's
 * penetration-depth model, eqs 9–14 of the review (Tambio et al., J. Electrochem. Soc. 167 (2020)
 * 160509): L_d = (ε/T) D_0 c_0 F / ((1 − t₊) I), I* where L_d = L, Q = Q_0 min(1, L_d/L). ε (the coating's
 * total porosity) and L come from earlier stages, ε/T = D_eff/D_0 from the effective properties (whose T is
 * defined against their pore porosity, {@link EffectiveProperties#tortuosityFactorFor}), D_0, c_0, t₊, κ_0 from the
 * recipe's electrolyte, Q_0 = M_C q from the recipe. Current densities are I = C-rate × Q_0 / 1 h. With
 * {@code fit_csv}, Q_0 and I* are also fitted to measured (current density, capacity) data and the tortuosity
 * factor they imply (against the same pore porosity) is reported; the state still receives the model's
 * prediction.
 */
@Component(service = Solver.class, property = ServiceProperties.NAME + "=empirical.rate-capability")
public final class RateCapabilityStage implements Solver {

    static final String C_RATES = "c_rates";
    static final double[] DEFAULT_C_RATES = {0.1, 0.2, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0};

    @Override
    public String description() {
        return "capacity against current density by the penetration-depth model (Tambio et al. 2020,"
                + " review eqs 9-14), optionally fitted to a measured rate test";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.numbers(C_RATES, "1/h", 1 / Units.HOUR,
                        "C-rates to evaluate; current density I = C-rate*Q0/(1 h)").positive()
                        .withDefault(DEFAULT_C_RATES),
                StageSupport.fitCsv(MeasurementFiles.CURRENT_DENSITY + "," + MeasurementFiles.CAPACITY,
                        "Q0 and the critical current density I* (eqs 13-14) and reports the implied tortuosity"));
    }

    /** Reads a measured rate test, if given, so that a bad file is reported before any stage runs. */
    @Override
    public void validate(Parameters parameters, SimulationState inputs) {
        if (parameters.isSet(StageSupport.FIT_CSV)) {
            MeasurementFiles.capacityVsCurrentDensity(parameters.file(StageSupport.FIT_CSV));
        }
    }

    @Override
    public Set<Key<?>> needs(Parameters parameters) {
        return Set.of(ElectrodeRecipe.KEY, CoatingKeys.POROSITY, CoatingKeys.THICKNESS, EffectiveProperties.KEY);
    }

    @Override
    public Set<Key<?>> gives(Parameters parameters) {
        return Set.of(RateCapability.KEY);
    }

    @Override
    public void run(StageContext context) throws Exception {
        Parameters parameters = context.parameters();
        ResultSink sink = context.results();
        ElectrodeRecipe recipe = context.state().get(ElectrodeRecipe.KEY);
        double porosity = context.state().get(CoatingKeys.POROSITY);
        double thickness = context.state().get(CoatingKeys.THICKNESS);
        EffectiveProperties effective = context.state().get(EffectiveProperties.KEY);
        double tortuosity = effective.throughPlaneTortuosity();
        if (Double.isInfinite(tortuosity)) {
            throw new StageFailedException("empirical.rate-capability: the pore space does not percolate (tortuosity"
                    + " factor infinite, " + effective.method() + "), so no current can be carried through the"
                    + " electrolyte");
        }
        Electrolyte electrolyte = ElectrolyteReader.read(context.material(recipe.electrolyte()));
        double nominal = recipe.arealCapacity();
        // the electrolyte fills the total porosity; T against it keeps the D_eff/D_0 computed against the pores
        double electrolyteTortuosity = effective.tortuosityFactorFor(porosity);
        PenetrationDepthModel model = new PenetrationDepthModel(electrolyte, porosity, electrolyteTortuosity,
                thickness, nominal);
        context.progress(0, "penetration depth");

        double[] cRates = parameters.numbers(C_RATES);
        Arrays.sort(cRates);
        double[] currents = new double[cRates.length];
        double[] capacities = new double[cRates.length];
        for (int i = 0; i < cRates.length; i++) {
            context.checkCancelled();
            currents[i] = cRates[i] * nominal;
            capacities[i] = model.capacity(currents[i]);
        }
        double critical = model.criticalCurrentDensity();
        context.give(RateCapability.KEY, new RateCapability(currents, capacities, nominal, critical,
                "penetration depth (eqs 9-14), T = " + tortuosity + " from " + effective.method()));

        double oneC = nominal / Units.HOUR;
        summaries(sink, model, nominal, electrolyte, porosity, tortuosity, electrolyteTortuosity, thickness, cRates,
                capacities);
        context.progress(0.5, "curves");

        Measured measured = parameters.isSet(StageSupport.FIT_CSV)
                ? fitMeasured(parameters, sink, electrolyte, effective, thickness) : null;
        curves(context, model, oneC, cRates, currents, capacities, measured);
        context.progress(1, "done");
    }

    /** Writes the summary: the model's capacities, critical current and transport numbers, one C-rate a line. */
    private static void summaries(ResultSink sink, PenetrationDepthModel model, double nominal, Electrolyte electrolyte,
                                  double porosity, double tortuosity, double electrolyteTortuosity, double thickness,
                                  double[] cRates, double[] capacities) {
        double critical = model.criticalCurrentDensity();
        double oneC = nominal / Units.HOUR;
        sink.summary("nominal_capacity_mAh_per_cm2", nominal / Units.MAH_PER_CM2, "mAh/cm^2");
        sink.summary("critical_current_density_mA_per_cm2", critical / Units.MA_PER_CM2, "mA/cm^2");
        sink.summary("critical_c_rate", critical / oneC, "1/h");
        sink.summary("penetration_depth_um", model.penetrationDepth(oneC) / Units.MICROMETRE, "um");
        sink.summary("kappa_eff_S_per_m",
                TransportRelations.effectiveConductivity(electrolyte.ionicConductivity(), porosity,
                        electrolyteTortuosity), "S/m");
        sink.summary("effective_diffusivity_m2_per_s",
                TransportRelations.effectiveDiffusivity(electrolyte.saltDiffusivity(), porosity,
                        electrolyteTortuosity), "m^2/s");
        sink.summary("tortuosity_factor", tortuosity, "1");
        sink.summary("electrolyte_tortuosity_factor", electrolyteTortuosity, "1");
        for (int i = 0; i < cRates.length; i++) {
            sink.summary("capacity_" + cRateLabel(cRates[i]) + "C_mAh_per_cm2", capacities[i] / Units.MAH_PER_CM2,
                    "mAh/cm^2");
        }
        for (int i = 0; i < cRates.length; i++) {
            sink.summary("volumetric_capacity_" + cRateLabel(cRates[i]) + "C_mAh_per_cm3",
                    capacities[i] / thickness / Units.MAH_PER_CM3, "mAh/cm^3");
        }
        sink.note("model", "Q = Q0 for I <= I*, Q0*I*/I above; I* = (eps/T)*D0*c0*F/((1 - t+)*L)");
    }

    /**
     * Measured capacities against current density and the fit of the penetration-depth model to them.
     *
     * @param data the measurements
     * @param fit  the fit of Q0 and I*
     */
    private record Measured(Measurements data, RateCapabilityFit fit) {
    }

    /** Fits the model to the measured capacities and writes the fit and the tortuosity factor it implies. */
    private static Measured fitMeasured(Parameters parameters, ResultSink sink, Electrolyte electrolyte,
                                        EffectiveProperties effective, double thickness) throws StageFailedException {
        Measurements measured = MeasurementFiles.capacityVsCurrentDensity(parameters.file(StageSupport.FIT_CSV));
        RateCapabilityFit fit = StageSupport.fitted("empirical.rate-capability",
                () -> RateCapabilityFit.fit(measured));
        new FitReport(sink, fit.fit())
                .parameter(RateCapabilityFit.Q0, "fitted_nominal_capacity_mAh_per_cm2", "mAh/cm^2",
                        Units.MAH_PER_CM2)
                .parameter(RateCapabilityFit.I_STAR, "fitted_critical_current_density_mA_per_cm2", "mA/cm^2",
                        Units.MA_PER_CM2)
                .quality(measured.source());
        // against the pore porosity, as the tortuosity factor it is compared with
        double implied = PenetrationDepthModel.impliedTortuosityFactor(electrolyte, effective.porosity(), thickness,
                fit.criticalCurrentDensity());
        // T is proportional to 1/I*, so its relative standard error is that of I*
        double relativeError = fit.fit().standardError(RateCapabilityFit.I_STAR) / fit.criticalCurrentDensity();
        sink.summary("implied_tortuosity_factor", implied, "1");
        sink.summary("implied_tortuosity_factor_stderr", implied * relativeError, "1");
        return new Measured(measured, fit);
    }

    /** Writes the table at the C-rates and the plot of the model's curve, with the fit and the measurements if any. */
    private static void curves(StageContext context, PenetrationDepthModel model, double oneC, double[] cRates,
                               double[] currents, double[] capacities, Measured measured) {
        ResultSink sink = context.results();
        double critical = model.criticalCurrentDensity();
        double lowest = currents.length > 0 ? currents[0] : oneC;
        double highest = currents.length > 0 ? currents[currents.length - 1] : oneC;
        if (measured != null) {
            for (double x : measured.data().x()) {
                lowest = Math.min(lowest, x);
                highest = Math.max(highest, x);
            }
        }
        lowest = Math.min(lowest, critical / 2);
        highest = Math.max(highest, 2 * critical);
        double[] curve = StageSupport.logarithmic(lowest, highest, StageSupport.CURVE_POINTS);
        double[] curveCapacity = new double[curve.length];
        double[] curveFitted = new double[curve.length];
        for (int i = 0; i < curve.length; i++) {
            context.checkCancelled();
            curveCapacity[i] = model.capacity(curve[i]) / Units.MAH_PER_CM2;
            if (measured != null) {
                curveFitted[i] = PenetrationDepthModel.capacity(measured.fit().nominalCapacity(),
                        measured.fit().criticalCurrentDensity(), curve[i]) / Units.MAH_PER_CM2;
            }
        }
        double[] depths = new double[currents.length];
        for (int i = 0; i < currents.length; i++) {
            depths[i] = model.penetrationDepth(currents[i]) / Units.MICROMETRE;
        }
        sink.table("capacity-vs-current-density", Table.builder()
                .column("c_rate", "1/h", StageSupport.scaled(cRates, 1 / Units.HOUR))
                .column("current_density", "mA/cm^2", StageSupport.scaled(currents, Units.MA_PER_CM2))
                .column("capacity", "mAh/cm^2", StageSupport.scaled(capacities, Units.MAH_PER_CM2))
                .column("penetration_depth", "um", depths)
                .build());
        double[] curveMa = StageSupport.scaled(curve, Units.MA_PER_CM2);
        List<Series> series = StageSupport.seriesList(
                new Series("penetration-depth model (eq 14)", curveMa, curveCapacity, Series.Style.LINE),
                new Series("C-rates", StageSupport.scaled(currents, Units.MA_PER_CM2),
                        StageSupport.scaled(capacities, Units.MAH_PER_CM2), Series.Style.MARKERS));
        if (measured != null) {
            series.add(new Series("fit to measured data", curveMa, curveFitted, Series.Style.LINE));
            series.add(StageSupport.measuredSeries(measured.data(), Units.MA_PER_CM2, Units.MAH_PER_CM2));
        }
        sink.plot(new Plot("capacity-vs-current-density", "Rate capability (penetration-depth model, Tambio et al."
                + " 2020)", "current density [mA/cm^2]", "capacity [mAh/cm^2]", series, true));
    }

    /**
     * @param cRate C-rate [1/s]
     * @return the C-rate in 1/h as a key part: {@code 2} for 2C, {@code 0p5} for 0.5C
     */
    static String cRateLabel(double cRate) {
        BigDecimal perHour = new BigDecimal(cRate * Units.HOUR).round(new MathContext(10)).stripTrailingZeros();
        return perHour.toPlainString().replace('.', 'p');
    }
}
