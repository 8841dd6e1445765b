package org.calsim.api.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.calsim.api.testing.TestStageContext;
import org.junit.jupiter.api.Test;

class StageProgressTest {

    /** A part's own fraction lands in its share of the stage: the second of four parts, half done, is 0.375. */
    @Test
    void aPartReportsWithinItsShareOfTheStage() {
        TestStageContext context = new TestStageContext();
        StageProgress second = StageProgress.of(context).part(1, 4);
        second.report(0, "start");
        second.report(0.5, "half");
        second.report(1, "done");
        StageProgress.of(context).span(0.5, 0.5).part(1, 2).report(0.5, "three quarters of the way in the part");
        List<Double> reports = context.progressReports();
        assertEquals(List.of(0.25, 0.375, 0.5), reports.subList(0, 3));
        assertEquals(0.875, reports.get(3), 1e-15);
    }

    /** Every report asks whether the job was cancelled, and a cancelled job reports nothing more. */
    @Test
    void aReportChecksForCancellationFirst() {
        TestStageContext context = new TestStageContext().cancelAfterChecks(2);
        StageProgress whole = StageProgress.of(context);
        whole.report(0.1, "one");
        whole.report(0.2, "two");
        assertThrows(StageCancelledException.class, () -> whole.report(0.3, "three"));
        assertEquals(3, context.cancelChecks());
        assertEquals(List.of(0.1, 0.2), context.progressReports());
    }

    /**
     * A solve's monitor checks for cancellation at every iteration and reports at its first, the residual's way down
     * to the tolerance on a log scale (1e-3 of the way to 1e-6 is half), then not again within 250 ms (a clock
     * of the test's own, so the test does not depend on the machine's speed).
     */
    @Test
    void aSolveChecksEveryIterationAndReportsItsResidualsWayDown() {
        TestStageContext context = new TestStageContext().cancelAfterChecks(4);
        long[] now = {0};
        StageProgress.Solve solve = StageProgress.of(context).span(0.2, 0.4).solve("conduction", 1e-6, () -> now[0]);
        solve.iteration(1, 1e-3);
        now[0] = 100_000_000;
        solve.iteration(2, 1e-4);
        now[0] = 249_999_999;
        solve.iteration(3, 1e-5);
        now[0] = 250_000_000;
        solve.iteration(4, 1e-6);
        assertThrows(StageCancelledException.class, () -> solve.iteration(5, 1e-6));
        assertEquals(5, context.cancelChecks());
        assertEquals(2, context.progressReports().size());
        assertEquals(0.4, context.progressReports().get(0), 1e-12);
        assertEquals(0.6, context.progressReports().get(1), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> StageProgress.of(context).solve("conduction", 0));
    }

    /** The standard message names the solve, the iterations, each measure with its tolerance, and the remedy. */
    @Test
    void aSolveThatDidNotConvergeIsWordedOneWay() {
        StageFailedException e = StageFailedException.notConverged("conduction (through_plane)", 20000,
                "raise max_iterations", new StageFailedException.Residual("relative residual", 3.2e-5, 1e-6),
                new StageFailedException.Residual("flux imbalance", 0.5, 1e-5));
        assertEquals("conduction (through_plane) did not converge in 20000 iterations: relative residual 3.20e-05 "
                + "(tolerance 1.00e-06), flux imbalance 0.500 (tolerance 1.00e-05); raise max_iterations",
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> StageFailedException.notConverged("flow", 1, "raise max_steps"));
    }
}
