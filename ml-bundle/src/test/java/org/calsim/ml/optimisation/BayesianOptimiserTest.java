package org.calsim.ml.optimisation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BayesianOptimiserTest {
    static final double BRANIN_MINIMUM = 0.397887;
    static final Goal[] MIN = {Goal.MINIMISE};

    /** Branin–Hoo on [−5, 10] × [0, 15]; three global minima of 0.397887. */
    static double branin(double[] x) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double u = x[1] - b * x[0] * x[0] + c * x[0] - 6;
        return u * u + 10 * (1 - t) * Math.cos(x[0]) + 10;
    }

    static BayesianOptimiser branin(int initial, long seed) {
        return new BayesianOptimiser(new double[] {-5, 0}, new double[] {10, 15}, MIN, initial, seed);
    }

    /** @return evaluations (initial design included) until the best is within 1e-2 of the minimum, or cap + 1 */
    static int braninEvaluations(long seed, int initial, int cap) {
        BayesianOptimiser bo = branin(initial, seed);
        for (int n = 1; n <= cap; n++) {
            double[] x = bo.suggest();
            bo.observe(x, new double[] {branin(x)});
            if (bo.best().orElseThrow().objectives()[0] - BRANIN_MINIMUM <= 1e-2) {
                return n;
            }
        }
        return cap + 1;
    }

    /**
     * Expected improvement with a 10-point initial design finds the Branin minimum to 1e-2 in at most 40
     * evaluations (design included) on the median of 10 seeds, each run capped at 60 (61 recorded as a miss).
     */
    @Test
    void braninIsSolvedWithinFortyEvaluationsOnMedian() {
        int[] counts = new int[10];
        for (int seed = 0; seed < counts.length; seed++) {
            counts[seed] = braninEvaluations(seed, 10, 60);
        }
        int[] sorted = counts.clone();
        Arrays.sort(sorted);
        double median = 0.5 * (sorted[4] + sorted[5]);
        String message = "evaluations per seed " + Arrays.toString(counts) + ", median " + median;
        System.out.println("Branin: " + message);
        assertTrue(median <= 40, message);
    }

    /** ZDT1 in two inputs: f1 = x1, f2 = g (1 − √(x1/g)), g = 1 + 9 x2; f2 reported negated (maximised). */
    static double[] zdt(double[] x) {
        double g = 1 + 9 * x[1];
        return new double[] {x[0], -g * (1 - Math.sqrt(x[0] / g))};
    }

    /**
     * ParEGO on two-input ZDT1 with mixed goals (f1 minimised, −f2 maximised). The front is x2 = 0,
     * f2 = 1 − √f1; against the reference (1.1, 1.1) in (f1, f2) its hypervolume is
     * ∫₀¹ (0.1 + √t) dt + 0.1 · 1.1 = 0.87667. After 40 evaluations (10 of them the initial design) the observed
     * Pareto set reaches ≥ 90 % of it on the median of 10 seeds and ≥ 85 % on every seed. For scale: 10 exact
     * front points evenly spread in f1 give 92.8 %, 5 give 83.1 %; 40 uniformly random points give 34–72 %
     * (median about 47 %), since x2 must be almost exactly 0. ParEGO's normalisation by observed ranges (f2 spans
     * up to about 10 away from the front) compresses the front in f2 and so crowds points near f1 = 0, which is
     * what keeps the ratio from rising faster.
     */
    @Test
    void paretoFrontOfZdt1IsCovered() {
        Goal[] goals = {Goal.MINIMISE, Goal.MAXIMISE};
        double[] reference = {1.1, -1.1};
        double truth = 0.1 + 2.0 / 3 + 0.11;
        double[] ratios = new double[10];
        for (int seed = 0; seed < ratios.length; seed++) {
            BayesianOptimiser bo = new BayesianOptimiser(new double[] {0, 0}, new double[] {1, 1}, goals, 10, seed);
            for (int n = 0; n < 40; n++) {
                double[] x = bo.suggest();
                bo.observe(x, zdt(x));
            }
            List<double[]> front = bo.paretoSet().stream().map(BayesianOptimiser.Evaluation::objectives).toList();
            for (BayesianOptimiser.Evaluation e : bo.evaluations()) {
                boolean dominated = bo.paretoSet().stream().anyMatch(p -> Pareto.dominates(p.objectives(),
                        e.objectives(), goals));
                assertEquals(!dominated, bo.paretoSet().contains(e), "Pareto set membership");
            }
            ratios[seed] = Pareto.hypervolume(front, goals, reference) / truth;
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        double median = 0.5 * (sorted[4] + sorted[5]);
        String message = "hypervolume ratios per seed " + Arrays.toString(ratios) + ", median " + median;
        System.out.println("ZDT1: " + message);
        assertTrue(median >= 0.90, message);
        assertTrue(sorted[0] >= 0.85, message);
    }

    /**
     * Minimising (x1 − 0.75)² + (x2 − 0.5)² on the unit square where every evaluation with x1 > 0.7 fails: the
     * failed region (30 % of the square) is not suggested again and again (at most 6 failures in the 32
     * suggestions after an 8-point design, against about 10 for random sampling), no suggestion repeats a
     * failed point, and the best feasible value approaches the constrained minimum 0.0025 at (0.7, 0.5).
     */
    @Test
    void failedRegionIsAvoided() {
        for (int seed = 0; seed < 4; seed++) {
            BayesianOptimiser bo = new BayesianOptimiser(new double[] {0, 0}, new double[] {1, 1}, MIN, 8, seed);
            int late = 0;
            for (int n = 1; n <= 40; n++) {
                double[] x = bo.suggest();
                for (double[] f : bo.failures()) {
                    assertFalse(Arrays.equals(f, x), "failed point suggested again");
                }
                if (x[0] > 0.7) {
                    bo.failed(x);
                    late += n > 8 ? 1 : 0;
                } else {
                    bo.observe(x, new double[] {Math.pow(x[0] - 0.75, 2) + Math.pow(x[1] - 0.5, 2)});
                }
            }
            double best = bo.best().orElseThrow().objectives()[0];
            String message = "seed " + seed + ": " + late + " failures after the design, best " + best;
            assertTrue(late <= 6, message);
            assertTrue(best < 0.015, message);
            assertEquals(40, bo.evaluations().size() + bo.failures().size(), message);
        }
    }

    /** Suggestions requested before results arrive are distinct (constant liar) and pending until reported. */
    @Test
    void pendingSuggestionsSpreadOut() {
        BayesianOptimiser bo = branin(6, 3);
        for (int n = 0; n < 6; n++) {
            double[] x = bo.suggest();
            bo.observe(x, new double[] {branin(x)});
        }
        List<double[]> batch = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            batch.add(bo.suggest());
        }
        assertEquals(4, bo.pending().size());
        for (int i = 0; i < batch.size(); i++) {
            for (int k = 0; k < i; k++) {
                double du = (batch.get(i)[0] - batch.get(k)[0]) / 15;
                double dv = (batch.get(i)[1] - batch.get(k)[1]) / 15;
                assertTrue(Math.hypot(du, dv) > 0.01, "batch points " + i + " and " + k + " coincide");
            }
        }
        bo.observe(batch.get(2), new double[] {branin(batch.get(2))});
        bo.failed(batch.get(0));
        assertEquals(2, bo.pending().size());
        assertArrayEquals(batch.get(1), bo.pending().get(0));
        assertArrayEquals(batch.get(0), bo.failures().get(0));
        assertEquals(7, bo.evaluations().size());
    }

    /**
     * A log-scale input's initial design is stratified in its logarithm: on [1e-3, 1e3] each of 10 designed
     * points lies in its own 0.6-decade stratum; the linear input has one point per tenth; later suggestions stay
     * within the bounds.
     */
    @Test
    void logScaleInputIsDesignedInItsLogarithm() {
        BayesianOptimiser bo = new BayesianOptimiser(new double[] {1e-3, 0}, new double[] {1e3, 1},
                new boolean[] {true, false}, MIN, 10, 5);
        boolean[] logStrata = new boolean[10];
        boolean[] linearStrata = new boolean[10];
        for (int n = 0; n < 10; n++) {
            double[] x = bo.suggest();
            logStrata[(int) ((Math.log10(x[0]) + 3) / 0.6)] = true;
            linearStrata[(int) (x[1] * 10)] = true;
            bo.observe(x, new double[] {Math.pow(Math.log10(x[0]) - 1, 2) + x[1]});
        }
        for (int s = 0; s < 10; s++) {
            assertTrue(logStrata[s] && linearStrata[s], "stratum " + s + " empty");
        }
        for (int n = 0; n < 5; n++) {
            double[] x = bo.suggest();
            assertTrue(x[0] >= 1e-3 && x[0] <= 1e3 && x[1] >= 0 && x[1] <= 1, Arrays.toString(x));
            bo.observe(x, new double[] {Math.pow(Math.log10(x[0]) - 1, 2) + x[1]});
        }
    }

    /** @return suggestions of a run with failures and a pending batch, single or two objectives */
    static List<double[]> run(long seed, boolean twoObjectives) {
        Goal[] goals = twoObjectives ? new Goal[] {Goal.MINIMISE, Goal.MAXIMISE} : MIN;
        BayesianOptimiser bo = new BayesianOptimiser(new double[] {0, 0}, new double[] {1, 1}, goals, 5, seed);
        List<double[]> suggestions = new ArrayList<>();
        for (int n = 0; n < 14; n++) {
            double[] x = bo.suggest();
            double[] y = bo.suggest();
            suggestions.add(x);
            suggestions.add(y);
            bo.observe(y, twoObjectives ? zdt(y) : new double[] {branin(new double[] {15 * y[0] - 5, 15 * y[1]})});
            if (n % 4 == 3) {
                bo.failed(x);
            } else {
                bo.observe(x, twoObjectives ? zdt(x) : new double[] {branin(new double[] {15 * x[0] - 5, 15 * x[1]})});
            }
        }
        return suggestions;
    }

    /** The same seed gives the same suggestions (single and two objectives, with failures and pending points). */
    @Test
    void suggestionsAreDeterministic() {
        for (boolean two : new boolean[] {false, true}) {
            List<double[]> a = run(11, two);
            List<double[]> b = run(11, two);
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i), b.get(i), "suggestion " + i);
            }
            assertFalse(Arrays.equals(a.get(0), run(12, two).get(0)));
        }
    }

    /** ParEGO's weight lattices have C(s + k − 1, k − 1) vectors on the simplex; the scalarisation by hand. */
    @Test
    void weightLatticeAndScalarisation() {
        int[][] cases = {{2, 10, 11}, {3, 4, 15}, {4, 3, 20}};
        for (int[] c : cases) {
            double[][] lattice = BayesianOptimiser.simplexLattice(c[0], c[1]);
            assertEquals(c[2], lattice.length);
            for (double[] lambda : lattice) {
                assertEquals(1, Arrays.stream(lambda).sum(), 1e-12);
                assertTrue(Arrays.stream(lambda).allMatch(v -> v >= 0));
            }
        }
        // max(0.5 · 0.2, 0.5 · 0.6) + 0.05 (0.1 + 0.3)
        assertEquals(0.32, BayesianOptimiser.chebyshev(new double[] {0.2, 0.6}, new double[] {0.5, 0.5}), 1e-15);
    }

    @Test
    void invalidUseIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new BayesianOptimiser(new double[] {0}, new double[] {1},
                new boolean[] {true}, MIN, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> new BayesianOptimiser(new double[] {1}, new double[] {1},
                MIN, 5, 1));
        BayesianOptimiser bo = branin(4, 1);
        double[] x = bo.suggest();
        assertThrows(IllegalArgumentException.class, () -> bo.observe(x, new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> bo.observe(new double[] {11, 0}, new double[] {1}));
        assertThrows(IllegalStateException.class, () -> new BayesianOptimiser(new double[] {0}, new double[] {1},
                new Goal[] {Goal.MINIMISE, Goal.MINIMISE}, 3, 1).best());
    }
}
