package org.calsim.ml.surrogate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.calsim.ml.doe.Design;
import org.calsim.ml.gp.GprKind;
import org.junit.jupiter.api.Test;

class GprKindTest {

    /** The model file holds the training data and hyperparameters: the process read back predicts the same numbers. */
    @Test
    void modelReadBackPredictsTheSame() throws Exception {
        double[][] x = Design.SOBOL.points(2, 20, 0);
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = new double[] {x[i][0] + Math.exp(x[i][1]), x[i][0] * x[i][1]};
        }
        GprKind kind = new GprKind();
        Regressor fitted = kind.fit(x, y, JsonNodeFactory.instance.objectNode().put("kernel", "rbf"), 4);
        ObjectMapper json = new ObjectMapper();
        Regressor back = kind.read(json.readTree(json.writeValueAsString(fitted.write())));
        for (double[] probe : new double[][] {{0.3, 0.7}, {0.91, 0.05}}) {
            assertArrayEquals(fitted.predict(probe), back.predict(probe), 0.0);
        }
    }

    @Test
    void badOptionsAreNamed() {
        double[][] x = {{0}, {1}, {2}};
        double[][] y = {{0}, {1}, {4}};
        ObjectNode bad = JsonNodeFactory.instance.objectNode().put("kernell", "rbf");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GprKind().fit(x, y, bad, 1));
        assertTrue(e.getMessage().contains("kernell") && e.getMessage().contains("kernel, restarts"), e.getMessage());
        ObjectNode kernel = JsonNodeFactory.instance.objectNode().put("kernel", "cubic");
        e = assertThrows(IllegalArgumentException.class, () -> new GprKind().fit(x, y, kernel, 1));
        assertTrue(e.getMessage().contains("cubic") && e.getMessage().contains("matern52, rbf"), e.getMessage());
    }
}
