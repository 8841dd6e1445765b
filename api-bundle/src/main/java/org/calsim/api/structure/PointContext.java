package org.calsim.api.structure;

import java.io.IOException;
import java.nio.file.Path;
import org.calsim.api.material.MaterialModel;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.stage.SimulationState;
import org.calsim.api.stage.StageContext;
import org.calsim.api.stage.Swappable;

/**
 * A stage's context while it calculates on one image of a series: progress f within the image is the stage's
 * (index + f)/count, its message prefixed with the state's name; everything else is the stage's.
 */
final class PointContext implements StageContext {
    private final StageContext stage;
    private final SeriesPoint point;

    PointContext(StageContext stage, SeriesPoint point) {
        this.stage = stage;
        this.point = point;
    }

    @Override
    public SimulationState state() {
        return stage.state();
    }

    @Override
    public Parameters parameters() {
        return stage.parameters();
    }

    @Override
    public <T> void give(Key<T> key, T value) {
        stage.give(key, value);
    }

    @Override
    public void progress(double fraction, String message) {
        double within = Math.min(1, Math.max(0, fraction));
        stage.progress((point.index() + within) / point.count(), point.name() + ": " + message);
    }

    @Override
    public boolean isCancelled() {
        return stage.isCancelled();
    }

    @Override
    public long seed() {
        return stage.seed();
    }

    @Override
    public ResultSink results() {
        return stage.results();
    }

    @Override
    public <S> Swappable<S> service(Class<S> type, String name) {
        return stage.service(type, name);
    }

    @Override
    public MaterialModel material(String name) {
        return stage.material(name);
    }

    @Override
    public Path checkpointFolder() throws IOException {
        return stage.checkpointFolder();
    }
}
