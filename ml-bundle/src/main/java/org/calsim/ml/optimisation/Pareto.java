package org.calsim.ml.optimisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Pareto dominance and hypervolume for objective vectors with a {@link Goal} each (mixed minimise/maximise
 * allowed): a dominates b if a is no worse than b in every objective and better in at least one. The hypervolume
 * of a set against a reference point r is the Lebesgue measure of the region dominated by the set and bounded by
 * r (Zitzler and Thiele 1998), in the product of the objectives' units; points not strictly better than r in
 * every objective add nothing. It is exact for any number of objectives: a sweep in two (O(n log n)) and slicing
 * along the last objective for more (the hypervolume-by-slicing-objectives scheme of While, Hingston, Barone and
 * Huband, IEEE Trans. Evol. Comput. 10 (2006) 29, without its reordering heuristics), whose cost grows like
 * n^(k−1) log n, so meant for the small sets an expensive optimisation produces.
 */
public final class Pareto {
    private Pareto() {
    }

    /** @return whether a dominates b */
    public static boolean dominates(double[] a, double[] b, Goal[] goals) {
        boolean better = false;
        for (int j = 0; j < goals.length; j++) {
            double u = goals[j].minimised(a[j]);
            double v = goals[j].minimised(b[j]);
            if (u > v) {
                return false;
            }
            better |= u < v;
        }
        return better;
    }

    /**
     * @param objectives rows of objective vectors
     * @return indices, ascending, of the rows no other row dominates (identical rows are all kept)
     */
    public static int[] nonDominated(List<double[]> objectives, Goal[] goals) {
        int n = objectives.size();
        int[] kept = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            boolean dominated = false;
            for (int k = 0; k < n && !dominated; k++) {
                dominated = k != i && dominates(objectives.get(k), objectives.get(i), goals);
            }
            if (!dominated) {
                kept[count++] = i;
            }
        }
        return Arrays.copyOf(kept, count);
    }

    /**
     * @param objectives rows of objective vectors (dominated rows may be included; they add nothing)
     * @param reference  the reference point, worse than the points of interest in every objective
     * @return the hypervolume dominated by the rows and bounded by the reference point
     */
    public static double hypervolume(List<double[]> objectives, Goal[] goals, double[] reference) {
        int k = goals.length;
        if (reference.length != k) {
            throw new IllegalArgumentException("reference has " + reference.length + " objectives, goals " + k);
        }
        double[] r = new double[k];
        for (int j = 0; j < k; j++) {
            r[j] = goals[j].minimised(reference[j]);
        }
        List<double[]> inside = new ArrayList<>();
        for (double[] f : objectives) {
            double[] m = new double[k];
            boolean strictly = true;
            for (int j = 0; j < k; j++) {
                m[j] = goals[j].minimised(f[j]);
                strictly &= m[j] < r[j];
            }
            if (strictly) {
                inside.add(m);
            }
        }
        return volume(inside, r, k);
    }

    /** @return the hypervolume of the first k objectives of points (all to be minimised, all better than r) */
    private static double volume(List<double[]> points, double[] r, int k) {
        if (points.isEmpty()) {
            return 0;
        }
        if (k == 1) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] p : points) {
                best = Math.min(best, p[0]);
            }
            return r[0] - best;
        }
        if (k == 2) {
            List<double[]> sorted = new ArrayList<>(points);
            sorted.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
            double area = 0;
            double level = r[1];
            for (double[] p : sorted) {
                if (p[1] < level) {
                    area += (r[0] - p[0]) * (level - p[1]);
                    level = p[1];
                }
            }
            return area;
        }
        int last = k - 1;
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(p -> p[last]));
        double total = 0;
        for (int i = 0; i < sorted.size(); i++) {
            double top = i + 1 < sorted.size() ? sorted.get(i + 1)[last] : r[last];
            double thickness = top - sorted.get(i)[last];
            if (thickness > 0) {
                total += thickness * volume(sorted.subList(0, i + 1), r, last);
            }
        }
        return total;
    }
}
