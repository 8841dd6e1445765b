package org.calsim.ml.symbolic;

import java.util.ArrayList;
import java.util.List;

/**
 * Sure independence screening (Fan and Lv, J. R. Stat. Soc. B 70 (2008) 849; SISSO's SIS step): of the features a
 * {@link FeatureSpace#scan} passes, keeps the k with the largest |Pearson r| with the residual, leaving out those
 * that duplicate (|r| ≥ 1 − 10⁻¹⁰) a feature already selected or one already kept in this screening. Ties keep
 * the earlier feature. The k best are held in preallocated slots, so a scan allocates nothing.
 */
final class Screening implements FeatureSpace.Sink {
    private final int capacity;
    private final int rows;
    private final double[] scores;
    private final Operator[] operators;
    private final int[] left;
    private final int[] right;
    private final double[][] values;
    private final double[][] standardised;
    private final double[] residual;
    private final double[] candidate;
    private List<FeatureSpace.Column> selected = List.of();
    private int size;

    /**
     * @param capacity k, the features kept per screening
     * @param rows     training rows n
     */
    Screening(int capacity, int rows) {
        this.capacity = capacity;
        this.rows = rows;
        scores = new double[capacity];
        operators = new Operator[capacity];
        left = new int[capacity];
        right = new int[capacity];
        values = new double[capacity][rows];
        standardised = new double[capacity][rows];
        residual = new double[rows];
        candidate = new double[rows];
    }

    /**
     * Screens Φ_R against a residual.
     *
     * @param space    the feature space
     * @param residual the residual of the current model on the training rows (not constant)
     * @param selected the features selected by earlier screenings, which are not selected again
     * @return the at most k features kept, best first
     */
    List<FeatureSpace.Column> screen(FeatureSpace space, double[] residual, List<FeatureSpace.Column> selected) {
        double mean = FeatureSpace.mean(residual);
        double sd = FeatureSpace.deviation(residual, mean);
        for (int i = 0; i < rows; i++) {
            this.residual[i] = (residual[i] - mean) / sd;
        }
        this.selected = selected;
        size = 0;
        space.scan(this);
        List<FeatureSpace.Column> best = new ArrayList<>(size);
        for (int s = 0; s < size; s++) {
            best.add(space.column(operators[s], left[s], right[s], values[s]));
        }
        return best;
    }

    @Override
    public void accept(Operator operator, int a, int b, double[] v, double mean, double sd) {
        double dot = 0;
        for (int i = 0; i < rows; i++) {
            dot += (v[i] - mean) * residual[i];
        }
        double score = Math.abs(dot) / (rows * sd);
        if (!(score > (size == capacity ? scores[capacity - 1] : -1))) {
            return;
        }
        for (int i = 0; i < rows; i++) {
            candidate[i] = (v[i] - mean) / sd;
        }
        for (int k = 0; k < selected.size(); k++) {
            if (FeatureSpace.duplicate(candidate, selected.get(k).z)) {
                return;
            }
        }
        for (int s = 0; s < size; s++) {
            if (FeatureSpace.duplicate(candidate, standardised[s])) {
                return;
            }
        }
        int p = size == capacity ? capacity - 1 : size++;
        double[] freeValues = values[p];
        double[] freeStandardised = standardised[p];
        for (; p > 0 && scores[p - 1] < score; p--) {
            scores[p] = scores[p - 1];
            operators[p] = operators[p - 1];
            left[p] = left[p - 1];
            right[p] = right[p - 1];
            values[p] = values[p - 1];
            standardised[p] = standardised[p - 1];
        }
        System.arraycopy(v, 0, freeValues, 0, rows);
        System.arraycopy(candidate, 0, freeStandardised, 0, rows);
        scores[p] = score;
        operators[p] = operator;
        left[p] = a;
        right[p] = b;
        values[p] = freeValues;
        standardised[p] = freeStandardised;
    }
}
