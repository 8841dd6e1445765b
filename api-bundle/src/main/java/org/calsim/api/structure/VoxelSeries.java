package org.calsim.api.structure;

import java.util.ArrayList;
import java.util.List;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.StageContext;
import org.calsim.api.stage.StageFailedException;
import org.calsim.api.stage.StageProgress;

/**
 * Voxel images of the states of a process (e.g. a calendering series), for properties wanted as a function of
 * the state. The series stages are a calculation on each image and a fit over the results: {@link #calculate}
 * runs the calculation.
 *
 * @param images     the images, in process order, all at the same voxel size
 * @param pressures  the pressure on the coating at each state [Pa]
 * @param compaction the degree of compaction 1 − h/h₀ at each state [1] (eq 3)
 */
public record VoxelSeries(List<VoxelImage> images, double[] pressures, double[] compaction) {

    /** State key of a voxel series. */
    public static final Key<VoxelSeries> KEY = Key.of("structure.voxel_series", VoxelSeries.class, "-",
            "voxel images at successive states of a process (calendering series)");

    public VoxelSeries {
        images = List.copyOf(images);
        if (pressures.length != images.size() || compaction.length != images.size()) {
            throw new IllegalArgumentException("a series of " + images.size() + " images needs as many pressures ("
                    + pressures.length + ") and compaction degrees (" + compaction.length + ")");
        }
        pressures = pressures.clone();
        compaction = compaction.clone();
    }

    /** @return number of states */
    public int size() {
        return images.size();
    }

    /**
     * @param index the state's place in the series, from 0
     * @return where that state stands in the process
     * @since 1.3
     */
    public SeriesPoint point(int index) {
        return new SeriesPoint(index, size(), pressures[index], compaction[index]);
    }

    /**
     * Runs a calculation on every image in process order, inside a stage: image s of n fills the part s of n equal
     * parts of the stage's progress ({@link StageProgress#part}); before it starts, the job is checked for
     * cancellation and the state's name reported. A {@link StageFailedException} of the calculation is passed on
     * with the state's name in front of its message.
     *
     * @param context     the running stage's context
     * @param calculation what to calculate on one image
     * @return the results, one per image, in the order of {@link #images} (result s is that of {@link #point}(s))
     * @throws org.calsim.api.stage.StageCancelledException when the job was cancelled
     * @throws StageFailedException                         when the calculation fails on an image, naming its state
     * @throws Exception                                   what else the calculation throws, at the first image
     * @since 1.3
     */
    public <R> List<R> calculate(StageContext context, ImageCalculation<R> calculation) throws Exception {
        List<R> results = new ArrayList<>(size());
        for (int s = 0; s < size(); s++) {
            SeriesPoint point = point(s);
            StageProgress progress = StageProgress.of(context).part(s, size());
            progress.report(0, point.name());
            try {
                results.add(calculation.calculate(images.get(s), point, progress));
            } catch (StageFailedException e) {
                throw new StageFailedException(point.name() + ": " + e.getMessage(), e);
            }
        }
        return results;
    }
}
