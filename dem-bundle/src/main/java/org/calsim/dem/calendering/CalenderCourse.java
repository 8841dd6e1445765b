package org.calsim.dem.calendering;

import java.io.IOException;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.StageContext;
import org.calsim.api.stage.StageFailedException;
import org.calsim.dem.engine.DemEngine;

/**
 * A {@code dem.calender} run as the {@link StepDriver} steps it: the {@link Protocol} moves the tool after each step
 * and says when the run is done; the {@link CompressionRecord} samples the compression curve every
 * {@code sample_every_steps} and at maximum load, takes the calendering series' snapshots as loading passes their
 * points, and writes VTK snapshots at maximum load and every {@code vtk_every_steps}; the {@link CalenderCheckpoint},
 * when there is one, is written every {@code checkpoint_every_steps}.
 */
final class CalenderCourse implements StepDriver.Course<IOException> {
    private final StageContext context;
    private final DemEngine engine;
    private final Protocol protocol;
    private final CompressionRecord record;
    /** the checkpoint, or {@code null} without checkpoints */
    private final CalenderCheckpoint checkpoint;
    private final int sample;
    private final int vtkEvery;
    private final int checkpointEvery;
    private final int series;
    private final long maxSteps;

    CalenderCourse(StageContext context, DemEngine engine, Protocol protocol, CompressionRecord record,
                   CalenderCheckpoint checkpoint) {
        Parameters par = context.parameters();
        this.context = context;
        this.engine = engine;
        this.protocol = protocol;
        this.record = record;
        this.checkpoint = checkpoint;
        this.sample = par.integer(CalenderStage.SAMPLE);
        this.vtkEvery = par.integer(CalenderStage.VTK_EVERY);
        this.checkpointEvery = par.integer(CalenderStage.CHECKPOINT_EVERY);
        this.series = par.integer(CalenderStage.SERIES);
        this.maxSteps = par.integer(CalenderStage.MAX_STEPS);
    }

    /** @return the step at which an unfinished run fails */
    long maxSteps() {
        return maxSteps;
    }

    @Override
    public boolean done() {
        return protocol.done();
    }

    @Override
    public double progress() {
        return protocol.progress();
    }

    @Override
    public String describe() {
        return protocol.describe(engine);
    }

    @Override
    public void afterStep() throws IOException {
        protocol.afterStep(engine);
        long now = engine.steps();
        int loadingSnapshots = record.snapshots() - 1; // after the uncalendered one
        if (series > 0 && loadingSnapshots < series
                && protocol.loadingProgress() >= (loadingSnapshots + 1.0) / series) {
            record.snapshot(protocol, protocol.toolThickness());
        }
        if (now % sample == 0 || protocol.justReachedMaximum()) {
            record.sample(protocol);
        }
        if (protocol.justReachedMaximum()) {
            record.vtk(context, "maximum-load");
        }
        if (vtkEvery > 0 && now % vtkEvery == 0) {
            record.vtk(context, String.format("step-%09d", now));
        }
        if (checkpointEvery > 0 && now % checkpointEvery == 0) {
            checkpoint.save(engine, protocol, record);
        }
    }

    @Override
    public StageFailedException unfinished() {
        return new StageFailedException("the calendering did not finish within " + maxSteps + " steps ("
                + protocol.describe(engine) + "); raise max_steps or plate_speed_m_per_s");
    }
}
