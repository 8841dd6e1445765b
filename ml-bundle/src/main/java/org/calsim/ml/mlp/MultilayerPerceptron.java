package org.calsim.ml.mlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.calsim.ml.surrogate.ModelJson;
import org.calsim.ml.surrogate.Regressor;
import org.calsim.ml.surrogate.Standardisation;

/**
 * A trained multilayer perceptron (see {@link Network} for the architecture, {@link Trainer} for the training): the
 * network maps standardised inputs to standardised outputs, so a prediction is s_y ⊙ ŷ((x − μ_x) / s_x) + μ_y in
 * the data's units. Predicting allocates its own buffers, so one model serves several threads.
 *
 * <p>The model file: {@code {"type": "mlp", "widths": [d, n_1, …, m], "activation": "tanh" | "relu",
 * "input_standardisation": {"mean": […], "scale": […]}, "output_standardisation": {…}, "layers": [{"weights": [[W_l
 * row 0], …], "biases": […]}, …], "training": {"epochs": …, "best_epoch": …, "validation_mse": …}}} (validation_mse
 * only when rows were held out).
 */
public final class MultilayerPerceptron implements Regressor {
    /**
     * @param epochs        epochs run
     * @param bestEpoch     epoch (from 0) whose weights were kept
     * @param validationMse mean squared validation error of the kept weights, standardised outputs (NaN without
     *                      validation rows)
     */
    public record Summary(int epochs, int bestEpoch, double validationMse) {
    }

    private final int[] widths;
    private final Activation activation;
    private final double[] theta;
    private final Standardisation inputScaling;
    private final Standardisation outputScaling;
    private final Summary summary;

    MultilayerPerceptron(Network network, double[] theta, Standardisation inputScaling,
                         Standardisation outputScaling, Summary summary) {
        this.widths = network.widths();
        this.activation = network.activation();
        this.theta = theta.clone();
        this.inputScaling = inputScaling;
        this.outputScaling = outputScaling;
        this.summary = summary;
    }

    @Override
    public int inputs() {
        return widths[0];
    }

    @Override
    public int outputs() {
        return widths[widths.length - 1];
    }

    /** @return how the training went */
    public Summary summary() {
        return summary;
    }

    /** @return the weights and biases in {@link Network}'s order */
    double[] parameters() {
        return theta.clone();
    }

    @Override
    public double[] predict(double[] x) {
        if (x.length != inputs()) {
            throw new IllegalArgumentException("mlp expects " + inputs() + " inputs, got " + x.length);
        }
        double[] z = new Network(widths, activation).forward(theta, inputScaling.apply(x));
        return outputScaling.invert(z);
    }

    @Override
    public ObjectNode write() {
        Network network = new Network(widths, activation);
        ObjectNode model = ModelJson.model(MlpKind.NAME);
        model.set("widths", ModelJson.array(widths));
        model.put("activation", activation.label());
        model.set("input_standardisation", ModelJson.write(inputScaling));
        model.set("output_standardisation", ModelJson.write(outputScaling));
        ArrayNode layers = model.putArray("layers");
        for (int l = 1; l < widths.length; l++) {
            ObjectNode layer = layers.addObject();
            ArrayNode weights = layer.putArray("weights");
            for (int i = 0; i < widths[l]; i++) {
                double[] row = new double[widths[l - 1]];
                for (int j = 0; j < row.length; j++) {
                    row[j] = theta[network.weight(l, i, j)];
                }
                weights.add(ModelJson.array(row));
            }
            double[] biases = new double[widths[l]];
            for (int i = 0; i < biases.length; i++) {
                biases[i] = theta[network.bias(l, i)];
            }
            layer.set("biases", ModelJson.array(biases));
        }
        ObjectNode training = model.putObject("training");
        training.put("epochs", summary.epochs());
        training.put("best_epoch", summary.bestEpoch());
        if (!Double.isNaN(summary.validationMse())) {
            training.put("validation_mse", summary.validationMse());
        }
        return model;
    }

    /** Reads a model written by {@link #write()}. */
    static MultilayerPerceptron read(JsonNode model) {
        ModelJson.expectType(model, MlpKind.NAME);
        JsonNode w = ModelJson.field(model, "widths");
        if (!w.isArray() || w.size() < 2) {
            throw new IllegalArgumentException("model field 'widths' = " + w + " is not an array of 2 or more widths");
        }
        int[] widths = new int[w.size()];
        for (int l = 0; l < widths.length; l++) {
            if (!w.get(l).isIntegralNumber() || !w.get(l).canConvertToInt() || w.get(l).intValue() < 1) {
                throw new IllegalArgumentException("model field 'widths' = " + w + " is not positive integers");
            }
            widths[l] = w.get(l).intValue();
        }
        Network network = new Network(widths, Activation.of(ModelJson.field(model, "activation").asText()));
        double[] theta = new double[network.parameters()];
        JsonNode layers = ModelJson.field(model, "layers");
        if (!layers.isArray() || layers.size() != widths.length - 1) {
            throw new IllegalArgumentException("model field 'layers' is not an array of " + (widths.length - 1)
                    + " layers");
        }
        for (int l = 1; l < widths.length; l++) {
            JsonNode layer = layers.get(l - 1);
            JsonNode weights = ModelJson.field(layer, "weights");
            if (!weights.isArray() || weights.size() != widths[l]) {
                throw new IllegalArgumentException("model layer " + l + " has not " + widths[l] + " weight rows");
            }
            for (int i = 0; i < widths[l]; i++) {
                double[] row = ModelJson.values(weights.get(i), "layers[" + (l - 1) + "].weights[" + i + "]",
                        widths[l - 1]);
                for (int j = 0; j < row.length; j++) {
                    theta[network.weight(l, i, j)] = row[j];
                }
            }
            double[] biases = ModelJson.doubles(layer, "biases", widths[l]);
            for (int i = 0; i < biases.length; i++) {
                theta[network.bias(l, i)] = biases[i];
            }
        }
        JsonNode training = ModelJson.field(model, "training");
        Summary summary = new Summary(ModelJson.integer(training, "epochs"), ModelJson.integer(training, "best_epoch"),
                training.has("validation_mse") ? ModelJson.number(training, "validation_mse") : Double.NaN);
        return new MultilayerPerceptron(network, theta,
                ModelJson.standardisation(model, "input_standardisation", widths[0]),
                ModelJson.standardisation(model, "output_standardisation", widths[widths.length - 1]), summary);
    }
}
