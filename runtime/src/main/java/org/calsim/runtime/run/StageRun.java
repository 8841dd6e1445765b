package org.calsim.runtime.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.calsim.api.material.MaterialModel;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.SimulationState;
import org.calsim.api.stage.StageContext;
import org.calsim.api.stage.Swappable;
import org.calsim.runtime.job.MaterialLibrary;
import org.osgi.framework.BundleContext;

/** The {@link StageContext} of one stage run. Given entries stay here until the job commits them. */
final class StageRun implements StageContext, AutoCloseable {
    private final StagePlan plan;
    private final SimulationState state;
    private final long seed;
    private final StageResults results;
    private final Path checkpoints;
    private final Map<Key<?>, Object> given = new LinkedHashMap<>();
    private final List<TrackedService<?>> services = new ArrayList<>();
    private final BundleContext bundleContext;
    private final MaterialLibrary materials;
    private final JobControl control;
    private final ProgressSink progress;
    private final Consumer<SwapRecord> swaps;

    /** Receives a stage's progress. */
    interface ProgressSink {
        void progress(double fraction, String message);
    }

    StageRun(StagePlan plan, SimulationState state, long seed, BundleContext bundleContext, MaterialLibrary materials,
             JobControl control, ProgressSink progress, Consumer<SwapRecord> swaps, Path staging,
             Path checkpoints) {
        this.plan = plan;
        this.results = new StageResults(staging);
        this.checkpoints = checkpoints;
        this.state = state;
        this.seed = seed;
        this.bundleContext = bundleContext;
        this.materials = materials;
        this.control = control;
        this.progress = progress;
        this.swaps = swaps;
    }

    @Override
    public SimulationState state() {
        return state;
    }

    @Override
    public Parameters parameters() {
        return plan.parameters();
    }

    @Override
    public <T> void give(Key<T> key, T value) {
        if (!plan.gives().contains(key)) {
            throw new IllegalArgumentException("stage " + plan.name() + " gave '" + key.name()
                    + "', which it did not declare in gives(): " + plan.gives());
        }
        given.put(key, key.cast(value));
    }

    @Override
    public void progress(double fraction, String message) {
        progress.progress(fraction, message);
    }

    @Override
    public boolean isCancelled() {
        return control.isCancelled();
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public StageResults results() {
        return results;
    }

    @Override
    public Path checkpointFolder() throws IOException {
        return Files.createDirectories(checkpoints);
    }

    @Override
    public <S> Swappable<S> service(Class<S> type, String name) {
        TrackedService<S> s = new TrackedService<>(bundleContext, type, name, plan.name(), swaps, control);
        services.add(s);
        return s;
    }

    @Override
    public MaterialModel material(String name) {
        return materials.get(name, "material requested by stage " + plan.name()).model();
    }

    /** @return what the stage gave */
    Map<Key<?>, Object> given() {
        return given;
    }

    @Override
    public void close() {
        for (TrackedService<?> s : services) {
            s.close();
        }
    }
}
