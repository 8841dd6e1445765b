package org.calsim.ml.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.calsim.ml.doe.Design;
import org.calsim.ml.gp.GprKind;
import org.calsim.ml.surrogate.Regressor;
import org.calsim.ml.surrogate.RegressorKind;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    /**
     * Every row is predicted once, by a model that did not see it: a kind that remembers its training rows
     * predicts NaN for any row it was trained on, so a leaked row would show as NaN.
     */
    @Test
    void foldsHoldOutEveryRowExactlyOnce() {
        int n = 23;
        double[][] x = new double[n][1];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = i;
            y[i][0] = 2 * i;
        }
        CrossValidation cv = CrossValidation.run(new RegressorKind() {
            @Override
            public String name() {
                return "remembering";
            }

            @Override
            public Regressor fit(double[][] tx, double[][] ty, ObjectNode options, long seed) {
                Set<Double> seen = new HashSet<>();
                for (double[] r : tx) {
                    seen.add(r[0]);
                }
                return new Regressor() {
                    public int inputs() {
                        return 1;
                    }

                    public int outputs() {
                        return 1;
                    }

                    public double[] predict(double[] v) {
                        return new double[] {seen.contains(v[0]) ? Double.NaN : 2 * v[0]};
                    }

                    public ObjectNode write() {
                        return JsonNodeFactory.instance.objectNode();
                    }
                };
            }

            @Override
            public Regressor read(JsonNode model) {
                throw new UnsupportedOperationException();
            }
        }, x, y, 4, JsonNodeFactory.instance.objectNode(), 3);
        for (int i = 0; i < n; i++) {
            assertEquals(2.0 * i, cv.predicted()[i][0], 0.0, "row " + i);
        }
        assertEquals(1.0, cv.r2()[0], 0.0);
        assertEquals(0.0, cv.rmse()[0], 0.0);
    }

    /**
     * A Gaussian process cross-validates a smooth 2-D function, sin(3 x1) + x2², from 60 Sobol points with
     * R² > 0.99: the function's length scale (about 1/3) is several point spacings (60^(−1/2) ≈ 0.13).
     */
    @Test
    void gaussianProcessCrossValidatesASmoothFunction() {
        double[][] x = Design.SOBOL.points(2, 60, 0);
        double[][] y = Arrays.stream(x).map(r -> new double[] {Math.sin(3 * r[0]) + r[1] * r[1]})
                .toArray(double[][]::new);
        CrossValidation cv = CrossValidation.run(new GprKind(), x, y, 5, JsonNodeFactory.instance.objectNode(), 1);
        assertTrue(cv.r2()[0] > 0.99, "R^2 " + cv.r2()[0]);
        assertTrue(cv.rmse()[0] < 0.05, "RMSE " + cv.rmse()[0]);
    }
}
