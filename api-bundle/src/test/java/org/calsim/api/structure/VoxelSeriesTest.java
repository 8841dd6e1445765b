package org.calsim.api.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.calsim.api.stage.StageCancelledException;
import org.calsim.api.stage.StageFailedException;
import org.calsim.api.testing.TestStageContext;
import org.junit.jupiter.api.Test;

class VoxelSeriesTest {
    private static final List<String> PHASES = List.of("pore", "AM", "CBD");

    /** A series of three images, 1, 2 and 3 solid voxels of four, at 0, 50 and 100 MPa. */
    private static VoxelSeries series() {
        List<VoxelImage> images = new ArrayList<>();
        for (int s = 1; s <= 3; s++) {
            byte[] labels = new byte[4];
            for (int v = 0; v < s; v++) {
                labels[v] = 1;
            }
            images.add(new VoxelImage(2, 2, 1, 1e-6, labels, PHASES));
        }
        return new VoxelSeries(images, new double[] {0, 50e6, 100e6}, new double[] {0, 0.1, 0.2});
    }

    /**
     * The calculation sees every image in order with its point; the results come back in that order; the stage's
     * progress is s/3 before image s and (s + f)/3 for progress f within it.
     */
    @Test
    void calculatesEveryImageInOrderWithItsShareOfTheProgress() throws Exception {
        TestStageContext context = new TestStageContext();
        List<String> names = new ArrayList<>();
        List<Double> pores = series().calculate(context, (image, point, progress) -> {
            names.add(point.name());
            progress.report(0.5, "half");
            return image.volumeFraction(0);
        });
        assertEquals(List.of(0.75, 0.5, 0.25), pores);
        assertEquals(List.of("state 1 of 3 (compaction 0.000, 0.0 MPa)", "state 2 of 3 (compaction 0.100, 50.0 MPa)",
                "state 3 of 3 (compaction 0.200, 100.0 MPa)"), names);
        List<Double> expected = List.of(0.0, 0.5 / 3, 1.0 / 3, 1.5 / 3, 2.0 / 3, 2.5 / 3);
        assertEquals(expected.size(), context.progressReports().size(), context.progressReports().toString());
        for (int k = 0; k < expected.size(); k++) {
            assertEquals(expected.get(k), context.progressReports().get(k), 1e-15);
        }
    }

    /** A job cancelled during an image stops before the next one. */
    @Test
    void cancellationStopsBetweenImages() {
        TestStageContext context = new TestStageContext();
        List<Integer> seen = new ArrayList<>();
        assertThrows(StageCancelledException.class, () -> series().calculate(context, (image, point, progress) -> {
            seen.add(point.index());
            context.cancel();
            return point.index();
        }));
        assertEquals(List.of(0), seen);
    }

    /** A failure on one image names its state. */
    @Test
    void aFailureNamesTheState() {
        StageFailedException e = assertThrows(StageFailedException.class, () -> series().calculate(
                new TestStageContext(), (image, point, progress) -> {
                    if (point.number() == 2) {
                        throw new StageFailedException("the solve did not converge");
                    }
                    return point.number();
                }));
        assertTrue(e.getMessage().startsWith("state 2 of 3 (compaction 0.100, 50.0 MPa): the solve did not converge"),
                e.getMessage());
    }
}
