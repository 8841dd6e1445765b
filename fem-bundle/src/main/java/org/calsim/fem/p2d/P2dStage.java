package org.calsim.fem.p2d;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.calsim.api.electrochem.ActivationEnergies;
import org.calsim.api.electrochem.CellParameters;
import org.calsim.api.electrochem.ParameterSet;
import org.calsim.api.electrochem.RateCapability;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.material.MaterialModel;
import org.calsim.api.material.MaterialProperty;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.SimulationState;
import org.calsim.api.stage.Solver;
import org.calsim.api.stage.StageContext;
import org.calsim.api.stage.StageFailedException;
import org.calsim.api.stage.StageProgress;
import org.calsim.api.transport.EffectiveProperties;
import org.calsim.api.transport.TransportSeries;
import org.osgi.service.component.annotations.Component;

/**
 * {@code fem.p2d}: rate capability of a cell by the Doyle–Fuller–Newman model ({@link DfnEquations}). The cell
 * comes from a published parameter set (a {@link ParameterSet} material such as {@code Chen2020}, or a BPX JSON file,
 * see {@link ParameterFile}); its positive
 * electrode is either the set's own ({@code structure: parameter-set}), the calendered coating of the job
 * ({@code coating}: porosities, active volume fraction and tortuosity factor from the stage before that gives
 * effective properties — {@code fem.tortuosity} on the microstructure, or {@code empirical.tortuosity} for
 * Bruggeman or a fitted T = aε^b — as {@link CellBuilder} puts them in, the thickness from the active loading of
 * the recipe), or each state of a calendering series
 * ({@code series}, from {@code fem.tortuosity-series}). {@code cell: half} puts the positive electrode against
 * lithium foil. {@code temperature_C} simulates the cell at another temperature than the set's
 * ({@link CellParameters#atTemperature(double)}: Arrhenius on the rates that have activation energies).
 */
@Component(service = Solver.class, property = ServiceProperties.NAME + "=" + P2dStage.NAME)
public final class P2dStage implements Solver {
    /** Stage name. */
    public static final String NAME = "fem.p2d";

    static final String SET = "parameter_set";
    static final String FILE = "parameter_file";
    static final String STRUCTURE = "structure";
    static final String CELL = "cell";
    static final String FOIL = "foil_exchange_current_A_per_m2";
    static final String TEMPERATURE = "temperature_C";
    static final String C_RATES = "c_rates";
    static final String PROTOCOL = "protocol";
    static final String REST = "rest_s";
    static final String CV_CUTOFF = "cv_cutoff_c_rate";
    static final String CELLS = "cells_per_region";
    static final String SHELLS = "particle_shells";
    static final String STEPS = "min_steps";
    static final String VOLTAGE_STEP = "voltage_step_mV";
    static final String RETENTION = "critical_retention";
    static final String STATES = "series_states";
    /** 0 °C [K]. */
    private static final double CELSIUS = 273.15;

    /**
     * Exchange current density of lithium foil in LiPF6 carbonate electrolyte, j₀ = 3.5e-8 F c_Li^0.7 c_e^0.3 at
     * c_Li = 76 900 and c_e = 1000 mol/m³ (Xu, Chen, Dasgupta, Siegel, Stefanopoulou, J. Electrochem. Soc. 166
     * (2019) A3456) [A/m²].
     */
    static final double XU2019_FOIL = 3.5e-8 * DfnEquations.F * Math.pow(76900, 0.7) * Math.pow(1000, 0.3);

    @Override
    public String description() {
        return "rate capability by the Doyle-Fuller-Newman (P2D) model: discharge curves, capacity vs C-rate, "
                + "energy and power density, critical C-rate, electrolyte profiles";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.text(SET, "material name of the cell parameter set").withDefault("Chen2020"),
                Parameter.file(FILE, "a cell parameter set in a JSON file with BPX field names; replaces "
                        + "parameter_set").optional(),
                Parameter.choice(STRUCTURE, List.of("parameter-set", "coating", "series"), "positive electrode: "
                        + "the set's own, the job's calendered coating (needs effective properties), or each state "
                        + "of the calendering series (needs fem.tortuosity-series)").withDefault("parameter-set"),
                Parameter.number(TEMPERATURE, "C", 1, "cell temperature (isothermal); the rates with an "
                        + "activation energy in the set follow Arrhenius, RT/F follows it; default: the set's own "
                        + "(25 C for Chen2020)").closed(-60, 150).optional(),
                Parameter.choice(CELL, List.of("full", "half"), "full cell of the set, or its positive electrode "
                        + "against lithium foil").withDefault("full"),
                Parameter.number(FOIL, "A/m^2", 1, "exchange current density of the lithium foil (half cell); "
                        + "default: Xu et al. 2019 at 1 M").positive().withDefault(XU2019_FOIL),
                Parameter.numbers(C_RATES, "1/h", 1, "C-rates; 1C discharges the nominal capacity in one hour")
                        .positive().withDefault(new double[] {0.2, 0.5, 1.0, 2.0, 3.0, 5.0}),
                Parameter.choice(PROTOCOL, List.of("discharge", "charge", "cycle"), "per C-rate: constant-current "
                        + "discharge from full, constant-current charge from empty, or CC-CV charge, rest, "
                        + "discharge, rest").withDefault("discharge"),
                Parameter.number(REST, "s", 1, "rest after each part of a cycle").nonNegative().withDefault(600.0),
                Parameter.number(CV_CUTOFF, "1/h", 1, "constant-voltage charge ends when the current falls to this "
                        + "C-rate").positive().withDefault(0.05),
                Parameter.integer(CELLS, "finite volumes across each electrode (half as many across the separator)")
                        .closed(4, 400).withDefault(60),
                Parameter.integer(SHELLS, "finite-volume shells in each particle").closed(3, 200).withDefault(24),
                Parameter.number(STEPS, "1", 1, "least time steps over the nominal duration of a C-rate (3600/C s)")
                        .closed(10, 1e6).withDefault(30.0),
                Parameter.number(VOLTAGE_STEP, "mV", 1e-3, "target voltage change per time step").open(0, 1000)
                        .withDefault(20.0),
                Parameter.number(RETENTION, "1", 1, "critical C-rate: where the capacity falls to this fraction of "
                        + "the lowest rate's").open(0, 1).withDefault(0.8),
                Parameter.choice(STATES, List.of("ends", "all"), "series: the first and the last calendering "
                        + "state, or all of them").withDefault("ends"));
    }

    @Override
    public void validate(Parameters parameters, SimulationState inputs) {
        double[] rates = parameters.numbers(C_RATES);
        if (rates.length == 0) {
            throw new InvalidInputException(parameters.fieldPath(C_RATES), "[]", "at least one C-rate");
        }
        if (parameters.isSet(FILE)) {
            ParameterFile.read(parameters.file(FILE), parameters.fieldPath(FILE));
        }
    }

    @Override
    public Set<Key<?>> needs(Parameters parameters) {
        return switch (parameters.text(STRUCTURE)) {
            case "coating" -> Set.of(ElectrodeRecipe.KEY, EffectiveProperties.KEY);
            case "series" -> Set.of(ElectrodeRecipe.KEY, TransportSeries.KEY);
            default -> Set.of();
        };
    }

    @Override
    public Set<Key<?>> gives(Parameters parameters) {
        return Set.of(RateCapability.KEY);
    }

    @Override
    public void run(StageContext context) throws Exception {
        Parameters par = context.parameters();
        CellParameters base;
        if (par.isSet(FILE)) {
            base = ParameterFile.read(par.file(FILE), par.fieldPath(FILE));
        } else {
            MaterialModel material = context.material(par.text(SET));
            if (!(material instanceof ParameterSet set)) {
                throw new InvalidInputException(par.fieldPath(SET), par.text(SET),
                        "the name of a cell parameter set (e.g. Chen2020), not a single material");
            }
            base = set.cell();
        }
        if (par.isSet(TEMPERATURE)) {
            base = base.atTemperature(par.number(TEMPERATURE) + CELSIUS);
            if (ActivationEnergies.NONE.equals(base.activation())) {
                context.results().note("temperature", base.name() + " gives no activation energies: its rates stay "
                        + "as given, only RT/F follows the temperature");
            }
        }
        context.results().summary("temperature_K", base.temperature(), "K");
        if ("half".equals(par.text(CELL))) {
            base = CellBuilder.halfCell(base, par.number(FOIL));
        }
        List<Structure> structures = structures(context, base);
        RateTest.Protocol protocol = RateTest.Protocol.valueOf(par.text(PROTOCOL).toUpperCase(Locale.ROOT));
        RateTest.Settings settings = new RateTest.Settings(par.integer(CELLS), par.integer(SHELLS), par.number(STEPS),
                par.number(VOLTAGE_STEP), par.number(REST), par.number(CV_CUTOFF));
        double[] rates = par.numbers(C_RATES);
        Arrays.sort(rates);
        double oneC = "parameter-set".equals(par.text(STRUCTURE)) && !base.halfCell()
                ? base.nominalCapacity() / 3600 / base.electrodeArea()
                : CellBuilder.oneC(structures.get(0).cell());
        List<RateReport.Outcome> outcomes = new ArrayList<>();
        int count = structures.size();
        for (int s = 0; s < count; s++) {
            Structure structure = structures.get(s);
            StageProgress progress = StageProgress.of(context).part(s, count);
            RateTest.Monitor monitor = new RateTest.Monitor() {
                @Override
                public void rate(int k, int n, double cRate) {
                    progress.report((double) k / n, String.format(Locale.ROOT, "%s%.3gC",
                            count > 1 ? structure.label() + ": " : "", cRate));
                }

                @Override
                public void check() {
                    context.checkCancelled();
                }
            };
            try {
                outcomes.add(new RateReport.Outcome(structure,
                        RateTest.run(structure.cell(), oneC, rates, protocol, settings, monitor)));
            } catch (SimulationException e) {
                throw new StageFailedException(structure.label() + ": " + e.getMessage());
            }
        }
        RateCapability given = RateReport.write(context.results(), outcomes, oneC, protocol,
                par.number(RETENTION));
        context.give(RateCapability.KEY, given);
    }

    /** A positive-electrode structure to test, with its label. */
    record Structure(String label, CellParameters cell, double compaction) {
    }

    private static List<Structure> structures(StageContext context, CellParameters base)
            throws StageFailedException {
        Parameters par = context.parameters();
        String mode = par.text(STRUCTURE);
        if ("parameter-set".equals(mode)) {
            return List.of(new Structure(base.name(), base, Double.NaN));
        }
        ElectrodeRecipe recipe = context.state().get(ElectrodeRecipe.KEY);
        double density = context.material(recipe.activeMaterial()).valueOr(MaterialProperty.DENSITY, Double.NaN);
        if (!recipe.activeMaterial().equalsIgnoreCase(base.positive().activeMaterial())) {
            context.results().note("active_material", "the coating's active material is " + recipe.activeMaterial()
                    + "; its OCP, kinetics and solid diffusion are those of " + base.positive().activeMaterial()
                    + " from " + base.name() + " (" + base.source() + ")");
        }
        List<Structure> out = new ArrayList<>();
        if ("coating".equals(mode)) {
            EffectiveProperties p = context.state().get(EffectiveProperties.KEY);
            out.add(new Structure(label(p), build(base, recipe, density, p), Double.NaN));
        } else {
            TransportSeries series = context.state().get(TransportSeries.KEY);
            int n = series.states().size();
            List<Integer> chosen = new ArrayList<>();
            if ("all".equals(par.text(STATES))) {
                for (int s = 0; s < n; s++) {
                    chosen.add(s);
                }
            } else {
                chosen.add(0);
                if (n > 1) {
                    chosen.add(n - 1);
                }
            }
            for (int s : chosen) {
                EffectiveProperties p = series.states().get(s);
                out.add(new Structure(String.format(Locale.ROOT, "compaction %.3f, %s", series.compaction()[s],
                        label(p)), build(base, recipe, density, p), series.compaction()[s]));
            }
        }
        return out;
    }

    private static String label(EffectiveProperties p) {
        return String.format(Locale.ROOT, "eps %.3f, T %.2f", p.porosity(), p.throughPlaneTortuosity());
    }

    private static CellParameters build(CellParameters base, ElectrodeRecipe recipe, double density,
                                        EffectiveProperties p) throws StageFailedException {
        if (!Double.isFinite(p.throughPlaneTortuosity())) {
            throw new StageFailedException("the pores of the coating do not percolate through the plane ("
                    + p.method() + "): no ionic current can reach the electrode");
        }
        if (!(density > 0)) {
            throw new StageFailedException("the active material " + recipe.activeMaterial() + " has no density");
        }
        if (p.activeVolumeFraction() == 0) {
            throw new StageFailedException("the structure has no active material (" + p.method() + ")");
        }
        return CellBuilder.withCoating(base, recipe, density, p);
    }
}
