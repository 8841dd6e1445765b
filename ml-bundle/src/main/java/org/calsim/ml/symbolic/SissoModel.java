package org.calsim.ml.symbolic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calsim.ml.surrogate.ModelJson;
import org.calsim.ml.surrogate.Regressor;

/**
 * A fitted SISSO model: an explicit formula y_k = c_0 + Σ_j c_j f_j(x) per output ({@link Sisso}), in the data's
 * units (the features are built from the inputs in their own units). Outside the training data a feature may leave
 * its operator's domain (ln, √, 1/x of a value of the other sign), and the prediction is then NaN or infinite.
 *
 * <p>The model file: {@code {"type": "sisso", "inputs": d, "outputs": [{"intercept": c_0, "terms": [{"coefficient":
 * c_j, "feature": tree}, …], "training_rmse": …}, …]}} with the feature trees of {@link Expression}.
 */
public final class SissoModel implements Regressor {
    private final int inputs;
    private final Formula[] formulas;

    SissoModel(int inputs, Formula[] formulas) {
        this.inputs = inputs;
        this.formulas = formulas.clone();
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int outputs() {
        return formulas.length;
    }

    @Override
    public double[] predict(double[] x) {
        if (x.length != inputs) {
            throw new IllegalArgumentException("sisso expects " + inputs + " inputs, got " + x.length);
        }
        double[] y = new double[formulas.length];
        for (int k = 0; k < y.length; k++) {
            y[k] = formulas[k].evaluate(x);
        }
        return y;
    }

    /**
     * @param output     output index k
     * @param inputNames names of the d inputs
     * @param outputName name of the output
     * @return the formula, e.g. "y = 0.12 + 3.4·(x1·x2) − 0.8·ln(x3)", coefficients to 6 significant digits (the
     *         model file holds them exactly)
     */
    public String formulaText(int output, List<String> inputNames, String outputName) {
        return formulas[output].format(outputName, names(inputNames));
    }

    /** @return c_0 of the output, in its units */
    public double intercept(int output) {
        return formulas[output].intercept();
    }

    /** @return c_1 … c_D of the output */
    public double[] coefficients(int output) {
        return formulas[output].coefficients().clone();
    }

    /** @return f_1 … f_D of the output in words, e.g. "x1·x2", with the input names */
    public List<String> features(int output, List<String> inputNames) {
        List<String> names = names(inputNames);
        List<String> features = new ArrayList<>();
        for (Expression e : formulas[output].features()) {
            features.add(e.format(names));
        }
        return features;
    }

    /** @return root mean square residual of the output on the training rows, in its units */
    public double trainingRmse(int output) {
        return formulas[output].trainingRmse();
    }

    private List<String> names(List<String> inputNames) {
        if (inputNames.size() != inputs) {
            throw new IllegalArgumentException("sisso has " + inputs + " inputs, got " + inputNames.size()
                    + " names");
        }
        return inputNames;
    }

    @Override
    public Optional<String> formula(int output, List<String> inputNames, String outputName) {
        return Optional.of(formulaText(output, inputNames, outputName));
    }

    @Override
    public ObjectNode write() {
        ObjectNode model = ModelJson.model(SissoKind.NAME);
        model.put("inputs", inputs);
        ArrayNode outputs = model.putArray("outputs");
        for (Formula f : formulas) {
            outputs.add(f.write());
        }
        return model;
    }

    /** Reads a model written by {@link #write()}. */
    static SissoModel read(JsonNode model) {
        ModelJson.expectType(model, SissoKind.NAME);
        int inputs = ModelJson.integer(model, "inputs");
        JsonNode outputs = ModelJson.field(model, "outputs");
        if (!outputs.isArray() || outputs.isEmpty()) {
            throw new IllegalArgumentException("model field 'outputs' is not a non-empty array");
        }
        Formula[] formulas = new Formula[outputs.size()];
        for (int k = 0; k < formulas.length; k++) {
            formulas[k] = Formula.read(outputs.get(k), inputs);
        }
        return new SissoModel(inputs, formulas);
    }
}
