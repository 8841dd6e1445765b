package org.calsim.api.structure;

import org.calsim.api.stage.StageProgress;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A calculation on one image of a {@link VoxelSeries} (a tortuosity factor, a permeability), which
 * {@link VoxelSeries#calculate} runs on every image of the series in turn.
 *
 * @param <R> the result for one image
 * @since 1.3
 */
@ConsumerType
@FunctionalInterface
public interface ImageCalculation<R> {

    /**
     * @param image    the image of the state
     * @param point    which state it is
     * @param progress the image's share of the stage's progress (an iterative solve reports through it and is
     *                 cancelled by it)
     * @return the result for this image
     * @throws Exception as {@link org.calsim.api.stage.Solver#run} may; {@link VoxelSeries#calculate} names the state
     *                   in a {@link org.calsim.api.stage.StageFailedException}
     */
    R calculate(VoxelImage image, SeriesPoint point, StageProgress progress) throws Exception;
}
