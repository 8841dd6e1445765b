package org.calsim.ml.optimisation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoTest {
    static final Goal[] MIN2 = {Goal.MINIMISE, Goal.MINIMISE};
    static final Goal[] MIXED = {Goal.MINIMISE, Goal.MAXIMISE};

    @Test
    void dominance() {
        assertTrue(Pareto.dominates(new double[] {1, 2}, new double[] {1, 3}, MIN2));
        assertFalse(Pareto.dominates(new double[] {1, 2}, new double[] {1, 2}, MIN2));
        assertFalse(Pareto.dominates(new double[] {1, 4}, new double[] {2, 3}, MIN2));
        assertTrue(Pareto.dominates(new double[] {1, 4}, new double[] {2, 3}, MIXED));
    }

    /** (3, 4) is dominated by (2, 3); the two copies of (2, 3) are both kept. */
    @Test
    void nonDominatedFilterMinimising() {
        List<double[]> f = List.of(new double[] {1, 5}, new double[] {2, 3}, new double[] {3, 4},
                new double[] {4, 1}, new double[] {2, 3});
        assertArrayEquals(new int[] {0, 1, 3, 4}, Pareto.nonDominated(f, MIN2));
    }

    /** Second objective maximised: (2, 2) and (3, 3) are dominated by (2, 3); (1, 1) is kept for its first. */
    @Test
    void nonDominatedFilterMixedGoals() {
        List<double[]> f = List.of(new double[] {1, 1}, new double[] {2, 3}, new double[] {2, 2},
                new double[] {3, 3});
        assertArrayEquals(new int[] {0, 1}, Pareto.nonDominated(f, MIXED));
    }

    /**
     * (1, 3), (2, 2), (3, 1) against (4, 4): the staircase 3·1 + 2·1 + 1·1 = 6; a dominated point, a point
     * beyond the reference and one on its boundary add nothing; the same with the second objective negated and
     * maximised.
     */
    @Test
    void twoDimensionalHypervolume() {
        List<double[]> f = List.of(new double[] {1, 3}, new double[] {2, 2}, new double[] {3, 1});
        assertEquals(6, Pareto.hypervolume(f, MIN2, new double[] {4, 4}), 1e-12);
        List<double[]> more = List.of(new double[] {3, 1}, new double[] {3, 3}, new double[] {1, 3},
                new double[] {5, 0}, new double[] {4, 0}, new double[] {2, 2});
        assertEquals(6, Pareto.hypervolume(more, MIN2, new double[] {4, 4}), 1e-12);
        List<double[]> negated = List.of(new double[] {1, -3}, new double[] {2, -2}, new double[] {3, -1});
        assertEquals(6, Pareto.hypervolume(negated, MIXED, new double[] {4, -4}), 1e-12);
        assertEquals(3 * 1.5, Pareto.hypervolume(List.of(new double[] {1, 2.5}), MIN2, new double[] {4, 4}), 1e-12);
        assertEquals(0, Pareto.hypervolume(List.of(), MIN2, new double[] {4, 4}), 0);
    }

    /**
     * Three objectives: boxes of (1, 2, 3) and (2, 1, 2) under (4, 4, 4) have volumes 6 and 12 and overlap in
     * the box above (2, 2, 3) of volume 4, union 14; a two-objective set at constant third objective c gives its
     * area times (4 − c); one objective gives the length r − min.
     */
    @Test
    void higherDimensionalHypervolume() {
        Goal[] min3 = {Goal.MINIMISE, Goal.MINIMISE, Goal.MINIMISE};
        double[] r = {4, 4, 4};
        assertEquals(14, Pareto.hypervolume(List.of(new double[] {1, 2, 3}, new double[] {2, 1, 2}), min3, r),
                1e-12);
        List<double[]> slab = List.of(new double[] {1, 3, 1.5}, new double[] {2, 2, 1.5}, new double[] {3, 1, 1.5});
        assertEquals(6 * 2.5, Pareto.hypervolume(slab, min3, r), 1e-12);
        Goal[] max3 = {Goal.MAXIMISE, Goal.MAXIMISE, Goal.MAXIMISE};
        assertEquals(14, Pareto.hypervolume(List.of(new double[] {-1, -2, -3}, new double[] {-2, -1, -2}), max3,
                new double[] {-4, -4, -4}), 1e-12);
        assertEquals(3, Pareto.hypervolume(List.of(new double[] {2}, new double[] {3}), new Goal[] {Goal.MINIMISE},
                new double[] {5}), 0);
    }
}
