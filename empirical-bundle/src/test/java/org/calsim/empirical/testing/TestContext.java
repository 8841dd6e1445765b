package org.calsim.empirical.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.calsim.api.material.MaterialModel;
import org.calsim.api.material.MaterialProperty;
import org.calsim.api.material.Quantity;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.SimulationState;
import org.calsim.api.stage.Solver;
import org.calsim.api.stage.StageContext;
import org.calsim.api.stage.Swappable;

/**
 * Map-backed test double of the runtime for one stage run: a state, the stage's parameters, a recording
 * result sink and named materials. Runs a solver the way the runtime does (validate, check needs, run,
 * check gives).
 */
public final class TestContext implements StageContext {

    private final Map<Key<?>, Object> state = new LinkedHashMap<>();
    private final Map<Key<?>, Object> given = new LinkedHashMap<>();
    private final Map<String, MaterialModel> materials = new LinkedHashMap<>();
    private final RecordingSink sink = new RecordingSink();
    private final List<Double> progress = new ArrayList<>();
    private Parameters parameters;
    private Set<Key<?>> allowed = Set.of();
    private boolean cancelled;

    /** Puts a job input or an earlier stage's result in the state. */
    public <T> TestContext with(Key<T> key, T value) {
        state.put(key, value);
        return this;
    }

    /** Adds a material with the given SI properties. */
    public TestContext material(String name, Map<MaterialProperty, Double> properties) {
        Map<MaterialProperty, Quantity> quantities = new LinkedHashMap<>();
        for (Map.Entry<MaterialProperty, Double> e : properties.entrySet()) {
            quantities.put(e.getKey(), new Quantity(e.getValue(), "test"));
        }
        materials.put(name, new MaterialModel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "test material";
            }

            @Override
            public Map<MaterialProperty, Quantity> properties() {
                return quantities;
            }
        });
        return this;
    }

    /** Marks the job cancelled. */
    public TestContext cancel() {
        cancelled = true;
        return this;
    }

    /**
     * Validates the parameters (job-file units), checks the needs, runs the solver and checks that it
     * gave every key it declared.
     */
    public TestContext run(Solver solver, Map<String, Object> jobValues) throws Exception {
        parameters = new MapParameters(solver.parameters(), jobValues);
        solver.validate(parameters);
        for (Key<?> key : solver.needs(parameters)) {
            if (!state.containsKey(key)) {
                throw new AssertionError("stage needs " + key + " which the test state lacks");
            }
        }
        allowed = solver.gives(parameters);
        solver.run(this);
        if (!given.keySet().equals(allowed)) {
            throw new AssertionError("stage declared " + allowed + " but gave " + given.keySet());
        }
        return this;
    }

    /** @return what the stage gave under {@code key} */
    public <T> T given(Key<T> key) {
        Object v = given.get(key);
        if (v == null) {
            throw new AssertionError("stage gave nothing under " + key);
        }
        return key.cast(v);
    }

    /** @return the recorded results */
    public RecordingSink sink() {
        return sink;
    }

    /** @return the progress fractions reported */
    public List<Double> progressReports() {
        return progress;
    }

    @Override
    public SimulationState state() {
        return new SimulationState() {
            @Override
            public <T> Optional<T> find(Key<T> key) {
                return Optional.ofNullable(state.get(key)).map(key::cast);
            }

            @Override
            public Set<Key<?>> keys() {
                return state.keySet();
            }
        };
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public <T> void give(Key<T> key, T value) {
        if (!allowed.contains(key)) {
            throw new IllegalArgumentException("stage did not declare " + key + " in gives()");
        }
        given.put(key, value);
    }

    @Override
    public void progress(double fraction, String message) {
        if (fraction < 0 || fraction > 1) {
            throw new AssertionError("progress " + fraction + " outside 0..1");
        }
        progress.add(fraction);
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public long seed() {
        return 1234L;
    }

    @Override
    public RecordingSink results() {
        return sink;
    }

    @Override
    public <S> Swappable<S> service(Class<S> type, String name) {
        throw new UnsupportedOperationException("no services in the test context");
    }

    @Override
    public MaterialModel material(String name) {
        MaterialModel m = materials.get(name);
        if (m == null) {
            throw new InvalidInputException("material", name, "one of " + materials.keySet());
        }
        return m;
    }
}
