package org.calsim.ml.mlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.calsim.ml.surrogate.RegressorKind;
import org.calsim.ml.surrogate.RegressorOptions;

/**
 * Multilayer perceptron regression ({@link MultilayerPerceptron}, trained by {@link Trainer}). Options, all optional:
 * <ul>
 * <li>{@code layers}: hidden widths, default [32, 32] (an empty list gives a linear model)</li>
 * <li>{@code activation}: {@code tanh} (default) or {@code relu}</li>
 * <li>{@code learning_rate}: Adam step α in (0, 1], default 10⁻³ (Kingma and Ba's default)</li>
 * <li>{@code epochs}: most passes over the training rows, default 3000</li>
 * <li>{@code batch_size}: rows per Adam step, default 32 (all training rows when fewer)</li>
 * <li>{@code validation_fraction}: share of rows held out for early stopping, in [0, 0.5], default 0.2 (0: no early
 * stopping, the last weights are kept)</li>
 * <li>{@code patience}: epochs without a better validation error before stopping, default 200</li>
 * <li>{@code weight_decay}: λ ≥ 0 of the L2 penalty (λ/2) Σ w² on the standardised scale, default 0</li>
 * </ul>
 */
public final class MlpKind implements RegressorKind {
    static final String NAME = "mlp";
    private static final List<String> OPTIONS = List.of("layers", "activation", "learning_rate", "epochs",
            "batch_size", "validation_fraction", "patience", "weight_decay");
    private static final int MOST = 1_000_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MultilayerPerceptron fit(double[][] x, double[][] y, ObjectNode options, long seed) {
        return Trainer.train(x, y, settings(options), seed).model();
    }

    @Override
    public MultilayerPerceptron read(JsonNode model) {
        return MultilayerPerceptron.read(model);
    }

    /** @return the training settings of the options, checked */
    static Trainer.Settings settings(ObjectNode options) {
        RegressorOptions o = new RegressorOptions(NAME, options, OPTIONS);
        return new Trainer.Settings(
                o.integers("layers", new int[] {32, 32}, 1, 4096),
                Activation.of(o.choice("activation", "tanh", List.of("tanh", "relu"))),
                o.number("learning_rate", 1e-3, v -> v > 0 && v <= 1, "a number in (0, 1]"),
                o.integer("epochs", 3000, 1, MOST),
                o.integer("batch_size", 32, 1, MOST),
                o.number("validation_fraction", 0.2, v -> v >= 0 && v <= 0.5, "a number in [0, 0.5]"),
                o.integer("patience", 200, 1, MOST),
                o.number("weight_decay", 0, v -> v >= 0, "a number ≥ 0"));
    }
}
