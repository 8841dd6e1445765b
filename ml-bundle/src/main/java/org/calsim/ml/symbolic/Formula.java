package org.calsim.ml.symbolic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.calsim.ml.surrogate.ModelJson;

/**
 * One output as y = c_0 + Σ_j c_j f_j(x), in the output's units (c_j in output units per unit of f_j).
 *
 * @param intercept    c_0
 * @param coefficients c_1 … c_D
 * @param features     f_1 … f_D
 * @param trainingRmse root mean square residual on the training rows, output units
 */
record Formula(double intercept, double[] coefficients, Expression[] features, double trainingRmse) {

    double evaluate(double[] x) {
        double y = intercept;
        for (int j = 0; j < features.length; j++) {
            y += coefficients[j] * features[j].evaluate(x);
        }
        return y;
    }

    /** @return e.g. "y = 0.12 + 3.4·(x1·x2) − 0.8·ln(x3)", coefficients to 6 significant digits */
    String format(String output, List<String> inputs) {
        StringBuilder s = new StringBuilder(output).append(" = ").append(number(intercept));
        for (int j = 0; j < features.length; j++) {
            s.append(coefficients[j] < 0 ? " − " : " + ").append(number(Math.abs(coefficients[j]))).append('·')
                    .append(Expression.operand(features[j], features[j].format(inputs)));
        }
        return s.toString();
    }

    /** @return v to 6 significant digits, plain between 10⁻⁴ and 10⁶, else as 1.23457e-7; a minus sign for v < 0 */
    static String number(double v) {
        double a = Math.abs(v);
        BigDecimal d = new BigDecimal(a).round(new MathContext(6)).stripTrailingZeros();
        String s = a == 0 || a >= 1e-4 && a < 1e6 ? d.toPlainString() : d.toString().replace("E", "e");
        return v < 0 ? "−" + s : s;
    }

    ObjectNode write() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("intercept", intercept);
        ArrayNode terms = node.putArray("terms");
        for (int j = 0; j < features.length; j++) {
            ObjectNode term = terms.addObject();
            term.put("coefficient", coefficients[j]);
            term.set("feature", features[j].write());
        }
        node.put("training_rmse", trainingRmse);
        return node;
    }

    static Formula read(JsonNode node, int inputs) {
        JsonNode terms = ModelJson.field(node, "terms");
        if (!terms.isArray()) {
            throw new IllegalArgumentException("model field 'terms' is not an array");
        }
        double[] coefficients = new double[terms.size()];
        Expression[] features = new Expression[terms.size()];
        for (int j = 0; j < features.length; j++) {
            coefficients[j] = ModelJson.number(terms.get(j), "coefficient");
            features[j] = Expression.read(ModelJson.field(terms.get(j), "feature"), inputs);
        }
        return new Formula(ModelJson.number(node, "intercept"), coefficients, features,
                ModelJson.number(node, "training_rmse"));
    }
}
