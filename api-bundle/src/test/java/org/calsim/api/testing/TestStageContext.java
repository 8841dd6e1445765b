package org.calsim.api.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.calsim.api.material.MaterialModel;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.SimulationState;
import org.calsim.api.stage.Solver;
import org.calsim.api.stage.StageContext;
import org.calsim.api.stage.Swappable;

/**
 * Map-backed test double of the runtime for one stage run: a simulation state, named materials, services
 * by type and name, a {@link RecordingSink}, progress reports, cancellation and a seed.
 * {@link #run(Solver, Map)} runs a solver the way the runtime does: binds its parameters
 * ({@link TestParameters}; a service parameter is checked against the names registered with
 * {@link #service(Class, String, Swappable)}), validates them, checks that the state holds what the stage needs,
 * runs it and checks that it gave exactly what it declared.
 *
 * <pre>{@code
 * TestStageContext context = new TestStageContext()
 *         .with(ElectrodeRecipe.KEY, recipe)
 *         .material(TestMaterial.of("NMC622", YOUNGS_MODULUS, 140e9, POISSON_RATIO, 0.3))
 *         .run(new PorosityStage(), Map.of("eps_min", 0.2, "gamma_kN_per_m", 800.0));
 * double porosity = context.given(CoatingKeys.POROSITY);
 * double thickness = context.sink().get("thickness_um");
 * }</pre>
 */
public final class TestStageContext implements StageContext {
    private java.nio.file.Path checkpoints;
    private long cancelAfter = Long.MAX_VALUE;

    /** The seed unless {@link #seed(long)} sets another. */
    public static final long DEFAULT_SEED = 1234L;

    private record ServiceKey(Class<?> type, String name) {
    }

    private final Map<Key<?>, Object> state = new LinkedHashMap<>();
    private final Map<Key<?>, Object> given = new LinkedHashMap<>();
    private final Map<String, MaterialModel> materials = new LinkedHashMap<>();
    private final Map<ServiceKey, Swappable<?>> services = new LinkedHashMap<>();
    private final RecordingSink sink = new RecordingSink();
    private final List<Double> progress = new ArrayList<>();
    private Parameters parameters;
    private Set<Key<?>> allowed = Set.of();
    private boolean cancelled;
    private int cancelChecks;
    private long seed = DEFAULT_SEED;

    /** Puts a job input or an earlier stage's result in the state. */
    public <T> TestStageContext with(Key<T> key, T value) {
        state.put(key, key.cast(value));
        return this;
    }

    /** Adds a material that stages can ask for by its name, e.g. a {@link TestMaterial}. */
    public TestStageContext material(MaterialModel material) {
        materials.put(material.name(), material);
        return this;
    }

    /**
     * Registers a service handle, e.g. a {@link TestSwappable}.
     *
     * @param name the service's {@code calsim.name}; {@code null} for the one a stage gets when it names
     *             none (the highest-ranked service of the type)
     */
    public <S> TestStageContext service(Class<S> type, String name, Swappable<? extends S> handle) {
        services.put(new ServiceKey(type, name), handle);
        return this;
    }

    /** Marks the job cancelled: {@link #isCancelled()} answers {@code true} from now on. */
    public TestStageContext cancel() {
        cancelled = true;
        return this;
    }

    /** Cancels the job once the stage has asked {@code checks} times whether it is cancelled (interrupts a run). */
    public TestStageContext cancelAfterChecks(int checks) {
        cancelAfter = checks;
        return this;
    }

    /** Sets the job's random seed. */
    public TestStageContext seed(long value) {
        seed = value;
        return this;
    }

    /**
     * Binds the job-file values to the solver's parameters, validates them, checks the needs, runs the
     * solver and checks that it gave every key it declared.
     *
     * @param jobValues the stage's {@code with} block, in job-file units
     * @throws org.calsim.api.stage.InvalidInputException where the runtime would reject the input
     */
    public TestStageContext run(Solver solver, Map<String, ?> jobValues) throws Exception {
        parameters = TestParameters.bind(solver.parameters(), jobValues, this::registeredNames);
        solver.validate(parameters, state());
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

    /** @return the names of the services registered under {@code type} (not the nameless default) */
    private List<String> registeredNames(Class<?> type) {
        return services.keySet().stream().filter(k -> k.type() == type && k.name() != null).map(ServiceKey::name)
                .toList();
    }

    /** @return what the stage gave under {@code key}, failing the test if it gave nothing */
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

    /** @return the progress fractions reported, in order */
    public List<Double> progressReports() {
        return Collections.unmodifiableList(progress);
    }

    /** @return how often the stage asked whether the job was cancelled */
    public int cancelChecks() {
        return cancelChecks;
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
                return Collections.unmodifiableSet(state.keySet());
            }
        };
    }

    @Override
    public Parameters parameters() {
        return Objects.requireNonNull(parameters, "parameters are bound by run(solver, jobValues)");
    }

    @Override
    public <T> void give(Key<T> key, T value) {
        if (!allowed.contains(key)) {
            throw new IllegalArgumentException("stage gave '" + key + "', which it did not declare in gives(): "
                    + allowed);
        }
        given.put(key, key.cast(value));
    }

    @Override
    public void progress(double fraction, String message) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new AssertionError("progress " + fraction + " outside 0..1");
        }
        progress.add(fraction);
    }

    @Override
    public boolean isCancelled() {
        cancelChecks++;
        return cancelled || cancelChecks > cancelAfter;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public java.nio.file.Path checkpointFolder() throws java.io.IOException {
        if (checkpoints == null) {
            checkpoints = java.nio.file.Files.createTempDirectory("calsim-test-checkpoints");
        }
        return checkpoints;
    }

    /** Uses {@code folder} as the checkpoint folder (to resume from an earlier run's checkpoints). */
    public TestStageContext checkpoints(java.nio.file.Path folder) {
        checkpoints = folder;
        return this;
    }

    @Override
    public RecordingSink results() {
        return sink;
    }

    @Override
    @SuppressWarnings("unchecked") // registered under the same type by service(type, name, handle)
    public <S> Swappable<S> service(Class<S> type, String name) {
        Swappable<?> handle = services.get(new ServiceKey(type, name));
        if (handle == null) {
            throw new IllegalStateException("no " + type.getSimpleName() + " service "
                    + (name == null ? "registered as the default" : "named '" + name + "'") + " in the test context");
        }
        return (Swappable<S>) handle;
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
