package org.calsim.ml.symbolic;

import java.util.ArrayList;
import java.util.List;

/**
 * The feature space Φ_R of SISSO (Ouyang et al., Phys. Rev. Materials 2 (2018) 083802, §II.A) on the training
 * inputs: Φ_0 holds the inputs, and Φ_r = Φ_{r−1} ∪ {op(f), f ∘ g : f, g ∈ Φ_{r−1}} with the {@link Operator}s, up
 * to the rung R. Rung r only combines pairs with at least one operand new at rung r − 1 (the others are already in
 * Φ_{r−1}); products are taken once per pair, ratios both ways. A candidate is dropped when it is not finite on
 * every row, is constant (standard deviation ≤ 10⁻¹⁰ of its root mean square) or duplicates a kept feature
 * (|Pearson r| ≥ 1 − 10⁻¹⁰: with an intercept in the model, an affine image of a feature is the same feature);
 * the earlier, simpler one is kept.
 *
 * <p>The features of rungs below R are kept in memory ({@link Column}s); those of rung R, which are most of them
 * (their number grows as the square of the rung R − 1 count), are computed into one buffer when {@link #scan}
 * passes them to a {@link Sink}, so the space takes memory for Φ_{R−1} only and scanning allocates nothing. Before
 * any feature is built, upper bounds of the kept values (at most 2.5·10⁷) and of the values computed per scan (at
 * most 10¹⁰) are checked, so a rung too high for the inputs and rows fails at once.
 */
final class FeatureSpace {
    static final double CONSTANT = 1e-10;
    static final double DUPLICATE = 1e-10;
    static final double MOST_KEPT = 2.5e7;
    static final double MOST_SCANNED = 1e10;

    /** Receives the candidate features of a scan. */
    interface Sink {
        /**
         * @param operator the operator building the feature, null for a kept feature
         * @param a        the kept feature (null operator), the operand, or the left operand (numerator)
         * @param b        the right operand (denominator) of a binary operator, else −1
         * @param values   the feature's values on the training rows (a buffer overwritten by the next feature)
         * @param mean     their mean
         * @param sd       their (population) standard deviation, > 0
         */
        void accept(Operator operator, int a, int b, double[] values, double mean, double sd);
    }

    /** A feature kept in memory: its expression and its values on the training rows with their statistics. */
    static final class Column {
        final Expression expression;
        final double[] values;
        /** (values − mean) / sd */
        final double[] z;
        final double mean;
        final double sd;
        final double min;
        final double max;

        Column(Expression expression, double[] values) {
            this.expression = expression;
            this.values = values;
            mean = mean(values);
            sd = deviation(values, mean);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            z = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                lo = Math.min(lo, values[i]);
                hi = Math.max(hi, values[i]);
                z[i] = (values[i] - mean) / sd;
            }
            min = lo;
            max = hi;
        }
    }

    private final int rows;
    private final int rung;
    private final List<Column> kept = new ArrayList<>();
    /** index in {@link #kept} of the first feature of rung R − 1 */
    private final int lastLayer;
    private final double[] buffer;
    private final double[] scratch;
    private double bufferMean;
    private double bufferSd;

    /**
     * @param x    n rows of d inputs
     * @param rung R ≥ 0
     * @throws IllegalArgumentException naming the rung when the space would be too large
     */
    FeatureSpace(double[][] x, int rung) {
        rows = x.length;
        this.rung = rung;
        checkSize(x[0].length, rows, rung);
        buffer = new double[rows];
        scratch = new double[rows];
        for (int j = 0; j < x[0].length; j++) {
            for (int i = 0; i < rows; i++) {
                buffer[i] = x[i][j];
            }
            if (describe() && novel(buffer, bufferMean, bufferSd)) {
                kept.add(new Column(new Expression.Input(j), buffer.clone()));
            }
        }
        int start = 0;
        for (int r = 1; r < rung; r++) {
            int end = kept.size();
            build(start, end, this::keep);
            start = end;
        }
        lastLayer = start;
    }

    /**
     * Bounds the sizes before building: with L_r features new at rung r and F_r = L_0 + … + L_r,
     * L_r ≤ 7 L_{r−1} + 3 (L_{r−1} F_{r−2} + L_{r−1}(L_{r−1} − 1)/2).
     */
    private static void checkSize(int inputs, int rows, int rung) {
        double layer = inputs;
        double previous = 0; // F_{r−2}
        double total = inputs; // F_{r−1}
        for (int r = 1; r <= rung; r++) {
            if (r < rung && 2 * (total + grow(layer, previous)) * rows > MOST_KEPT) {
                throw new IllegalArgumentException("sisso option 'rung' = " + rung + " keeps up to "
                        + (long) (total + grow(layer, previous)) + " features of rung " + r + " or less on " + rows
                        + " rows for " + inputs + " inputs, more than the " + (long) MOST_KEPT
                        + " values allowed in memory: lower the rung");
            }
            if (r == rung && grow(layer, previous) * rows > MOST_SCANNED) {
                throw new IllegalArgumentException("sisso option 'rung' = " + rung + " gives up to "
                        + (long) grow(layer, previous) + " features of rung " + r + " on " + rows + " rows for "
                        + inputs + " inputs, more than the " + (long) MOST_SCANNED
                        + " values allowed per screening: lower the rung");
            }
            double next = grow(layer, previous);
            previous = total;
            total += next;
            layer = next;
        }
    }

    private static double grow(double layer, double below) {
        return 7 * layer + 3 * (layer * below + layer * (layer - 1) / 2);
    }

    /** Passes every feature of Φ_R to the sink: the kept ones, then those of rung R (for R ≥ 1). */
    void scan(Sink sink) {
        for (int s = 0; s < kept.size(); s++) {
            Column c = kept.get(s);
            sink.accept(null, s, -1, c.values, c.mean, c.sd);
        }
        if (rung >= 1) {
            build(lastLayer, kept.size(), sink);
        }
    }

    /** @return the feature a sink was given, as a column of its own */
    Column column(Operator operator, int a, int b, double[] values) {
        Expression e;
        if (operator == null) {
            return kept.get(a);
        } else if (operator.unary()) {
            e = new Expression.Unary(operator, kept.get(a).expression);
        } else {
            e = new Expression.Binary(operator, kept.get(a).expression, kept.get(b).expression);
        }
        return new Column(e, values.clone());
    }

    /**
     * Passes the valid features of the rung after that of kept[start … end−1] to the sink: the unary operators on
     * each of them, then the products (earlier factor first) and ratios of each of them with every earlier kept
     * feature.
     */
    private void build(int start, int end, Sink sink) {
        for (int f = start; f < end; f++) {
            Column c = kept.get(f);
            for (Operator op : Operator.UNARY) {
                if (op.admits(c.min, c.max)) {
                    for (int i = 0; i < rows; i++) {
                        buffer[i] = op.apply(c.values[i]);
                    }
                    offer(sink, op, f, -1);
                }
            }
        }
        for (int f = start; f < end; f++) {
            Column cf = kept.get(f);
            for (int g = 0; g < f; g++) {
                Column cg = kept.get(g);
                for (int i = 0; i < rows; i++) {
                    buffer[i] = cf.values[i] * cg.values[i];
                }
                offer(sink, Operator.MULTIPLY, g, f);
                if (Operator.DIVIDE.admits(cg.min, cg.max)) {
                    for (int i = 0; i < rows; i++) {
                        buffer[i] = cf.values[i] / cg.values[i];
                    }
                    offer(sink, Operator.DIVIDE, f, g);
                }
                if (Operator.DIVIDE.admits(cf.min, cf.max)) {
                    for (int i = 0; i < rows; i++) {
                        buffer[i] = cg.values[i] / cf.values[i];
                    }
                    offer(sink, Operator.DIVIDE, g, f);
                }
            }
        }
    }

    private void offer(Sink sink, Operator op, int a, int b) {
        if (describe()) {
            sink.accept(op, a, b, buffer, bufferMean, bufferSd);
        }
    }

    /** Sets the mean and deviation of the buffer; @return whether it is finite and not constant */
    private boolean describe() {
        for (int i = 0; i < rows; i++) {
            if (!Double.isFinite(buffer[i])) {
                return false;
            }
        }
        bufferMean = mean(buffer);
        bufferSd = deviation(buffer, bufferMean);
        return Double.isFinite(bufferSd) && bufferSd > CONSTANT * Math.hypot(bufferMean, bufferSd);
    }

    /** Keeps a new feature unless it duplicates a kept one. */
    private void keep(Operator operator, int a, int b, double[] values, double mean, double sd) {
        if (novel(values, mean, sd)) {
            kept.add(column(operator, a, b, values));
        }
    }

    /** @return whether the feature duplicates no kept one */
    private boolean novel(double[] values, double mean, double sd) {
        for (int i = 0; i < rows; i++) {
            scratch[i] = (values[i] - mean) / sd;
        }
        for (int k = 0; k < kept.size(); k++) {
            if (duplicate(scratch, kept.get(k).z)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param u standardised values of one feature
     * @param v standardised values of another
     * @return whether |r| = |u·v| / n ≥ 1 − {@link #DUPLICATE}; as then |u_i ∓ v_i|² ≤ ‖u ∓ v‖² = 2n(1 ∓ r) ≤
     *         2n·DUPLICATE for every i, the first values rule most pairs out cheaply
     */
    static boolean duplicate(double[] u, double[] v) {
        int n = u.length;
        if (Math.abs(Math.abs(u[0]) - Math.abs(v[0])) > Math.sqrt(2 * n * DUPLICATE)) {
            return false;
        }
        double dot = 0;
        for (int i = 0; i < n; i++) {
            dot += u[i] * v[i];
        }
        return Math.abs(dot) / n >= 1 - DUPLICATE;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a;
        }
        return s / v.length;
    }

    /** @return the population standard deviation of v about its mean */
    static double deviation(double[] v, double mean) {
        double s = 0;
        for (double a : v) {
            s += (a - mean) * (a - mean);
        }
        return Math.sqrt(s / v.length);
    }
}
