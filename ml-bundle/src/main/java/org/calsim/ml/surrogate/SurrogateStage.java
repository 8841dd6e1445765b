package org.calsim.ml.surrogate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.calsim.api.electrode.CalenderingConditions;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.SimulationState;
import org.calsim.api.stage.Solver;
import org.calsim.api.stage.StageContext;
import org.calsim.api.stage.StageFailedException;
import org.calsim.api.study.StateScalars;
import org.calsim.ml.dataset.OutputColumn;
import org.calsim.ml.doe.Factor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A trained surrogate as a stage: reads its inputs from the job's recipe and calendering fields (others from
 * {@code other_inputs}), predicts, and gives the state entries the chain it learned gave — every entry of
 * {@link StateScalars} and of a plugin's {@link org.calsim.api.study.ScalarView} ({@link ScalarViews}) whose required
 * numbers it predicts — so it stands in for those stages in a chain. Its other
 * outputs (stage results) go to the summary. An input outside the training range is reported as extrapolation.
 *
 * <p>As the component {@code ml.surrogate} it loads the model file named in the job ({@code model_file}); a model file
 * dropped into {@code deploy/} becomes a stage of its own with the model fixed ({@link DeployedSurrogates}).
 */
@Component(property = "calsim.name=ml.surrogate")
public final class SurrogateStage implements Solver {
    static final String MODEL = "model_file";
    static final String OTHER = "other_inputs";
    private final Path fixedModel;
    private final ScalarViews views;

    /** The {@code ml.surrogate} stage giving the API's state entries only (no plugin views). */
    public SurrogateStage() {
        this(new ScalarViews());
    }

    /**
     * The {@code ml.surrogate} stage: the job names the model file.
     *
     * @param views the state entries it can give, plugins' included
     */
    @Activate
    public SurrogateStage(@Reference ScalarViews views) {
        this(null, views);
    }

    /** A stage for one deployed model file. */
    SurrogateStage(Path fixedModel, ScalarViews views) {
        this.fixedModel = fixedModel;
        this.views = views;
    }

    @Override
    public String description() {
        return fixedModel == null
                ? "trained surrogate (./calsim train): predicts the state entries and results of the chain it learned"
                : "surrogate deployed from " + fixedModel.getFileName() + ": predicts the state entries and results of "
                + "the chain it learned";
    }

    @Override
    public List<Parameter> parameters() {
        Parameter other = Parameter.numbers(OTHER, "-", 1, "values of the model's inputs that are not recipe or "
                + "calendering fields (stage parameters), in the model's input order and units").optional();
        return fixedModel == null ? List.of(Parameter.file(MODEL, "model file written by ./calsim train"), other)
                : List.of(other);
    }

    private Surrogate model(Parameters parameters) {
        return fixedModel == null ? Surrogate.read(parameters.file(MODEL), parameters.fieldPath(MODEL))
                : Surrogate.read(fixedModel, "deploy/" + fixedModel.getFileName());
    }

    @Override
    public void validate(Parameters parameters, SimulationState inputs) {
        Surrogate s = model(parameters);
        List<String> other = otherInputs(s);
        int given = parameters.isSet(OTHER) ? parameters.numbers(OTHER).length : 0;
        if (given != other.size()) {
            throw new InvalidInputException(parameters.fieldPath(OTHER), given + " value(s)", other.isEmpty()
                    ? "none: every input of the model is a recipe or calendering field"
                    : other.size() + " value(s), for " + String.join(", ", other));
        }
    }

    @Override
    public Set<Key<?>> needs(Parameters parameters) {
        return Set.of(ElectrodeRecipe.KEY, CalenderingConditions.KEY);
    }

    @Override
    public Set<Key<?>> gives(Parameters parameters) {
        Surrogate s = model(parameters);
        Map<String, Double> probe = new HashMap<>();
        s.outputs().stream().filter(OutputColumn::state).forEach(o -> probe.put(o.name(), 0.0));
        Set<Key<?>> keys = new LinkedHashSet<>();
        for (StateScalars.Entry<?> e : views.entries()) {
            if (e.assemble(probe, "").isPresent()) {
                keys.add(e.key());
            }
        }
        return keys;
    }

    @Override
    public void run(StageContext context) throws StageFailedException {
        Parameters p = context.parameters();
        Surrogate s = model(p);
        ElectrodeRecipe recipe = context.state().get(ElectrodeRecipe.KEY);
        CalenderingConditions conditions = context.state().get(CalenderingConditions.KEY);
        double[] other = p.isSet(OTHER) ? p.numbers(OTHER) : new double[0];
        double[] x = new double[s.inputs().size()];
        int o = 0;
        List<String> outside = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            Factor f = s.inputs().get(j);
            x[j] = JobFields.known(f.field()) ? JobFields.value(f.field(), recipe, conditions).orElseThrow() : other[o++];
            if (x[j] < f.lower() || x[j] > f.upper()) {
                outside.add(f.field() + " = " + x[j] + " outside [" + f.lower() + ", " + f.upper() + "]");
            }
        }
        double[] y = s.predict(x);
        String method = "surrogate " + s.kind() + " (" + s.source() + ")";
        Map<String, Double> values = new HashMap<>();
        for (int k = 0; k < y.length; k++) {
            OutputColumn c = s.outputs().get(k);
            if (!Double.isFinite(y[k])) {
                throw new StageFailedException("the surrogate predicted " + y[k] + " for "
                        + c.name() + " at " + Arrays.toString(x) + " (inputs outside the domain of its formula, "
                        + "or a damaged model file)");
            }
            if (c.state()) {
                values.put(c.name(), y[k]);
            }
            context.results().summary(c.name().replace('/', '.'), y[k], c.unit());
        }
        List<StateScalars.Entry<?>> entries = views.entries();
        for (Key<?> key : gives(p)) {
            give(context, StateScalars.entry(key, entries).orElseThrow(), values, method);
        }
        context.results().note("model", method);
        if (!outside.isEmpty()) {
            context.results().note("extrapolation", "inputs outside the training range, predictions there are not "
                    + "backed by data: " + String.join("; ", outside));
        }
        context.progress(1, "predicted " + y.length + " outputs");
    }

    private static <T> void give(StageContext context, StateScalars.Entry<T> entry, Map<String, Double> values,
                                 String method) {
        context.give(entry.key(), entry.assemble(values, method).orElseThrow());
    }

    private static List<String> otherInputs(Surrogate s) {
        return s.inputs().stream().map(Factor::field).filter(f -> !JobFields.known(f)).toList();
    }
}
