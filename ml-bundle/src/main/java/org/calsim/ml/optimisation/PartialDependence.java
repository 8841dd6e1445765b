package org.calsim.ml.optimisation;

import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.calsim.ml.doe.Factor;

/**
 * Partial dependence of a model on one input (Friedman, Ann. Stat. 29 (2001) 1189, §8.2): at each grid value of the
 * input, the model's mean over the other inputs, here spread over their ranges by a Sobol sequence (uniform, or
 * log-uniform for log-scale inputs) rather than over training rows, so it describes the model on the whole box.
 */
final class PartialDependence {

    private PartialDependence() {
    }

    /**
     * @param model   the model, in the inputs' units
     * @param inputs  the inputs with their ranges
     * @param input   which input varies
     * @param points  grid points along its range
     * @param samples Sobol points over the other inputs averaged at each grid point
     * @param grid    filled with the grid values of the input
     * @return the partial dependence at each grid value
     */
    static double[] of(Function<double[], Double> model, List<Factor> inputs, int input, int points, int samples,
                       double[] grid) {
        int d = inputs.size();
        double[][] others = new double[samples][];
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(Math.max(d, 1));
        sobol.nextVector(); // the first point is the corner 0
        for (int s = 0; s < samples; s++) {
            others[s] = sobol.nextVector();
        }
        double[] pd = new double[points];
        double[] x = new double[d];
        for (int g = 0; g < points; g++) {
            grid[g] = inputs.get(input).at(g / (points - 1.0));
            double sum = 0;
            for (double[] u : others) {
                for (int j = 0; j < d; j++) {
                    x[j] = j == input ? grid[g] : inputs.get(j).at(u[j]);
                }
                sum += model.apply(x);
            }
            pd[g] = sum / samples;
        }
        return pd;
    }
}
