package org.calsim.api.study;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Train a surrogate on a sweep's dataset.
 *
 * @param dataset the dataset's description file ({@code dataset.json}) or the sweep folder holding it
 * @param model   the kind of model, e.g. {@code gpr}, {@code mlp}, {@code sisso}
 * @param inputs  input column names; empty for all the dataset's inputs
 * @param outputs output column names; empty for every output that varies and is finite in all successful rows
 * @param folds   k of the k-fold cross-validation (≥ 2)
 * @param options model settings, e.g. {@code kernel=matern52} or {@code layers=[32,32]} (values read as YAML)
 * @param seed    seed of the folds and of the model's own randomness
 * @param out     the model file to write; {@code null} for {@code <dataset folder>/<model>.model.json}
 */
public record TrainingRequest(Path dataset, String model, List<String> inputs, List<String> outputs, int folds,
                              Map<String, String> options, long seed, Path out) {
    public TrainingRequest {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(model, "model");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        options = Map.copyOf(options);
    }
}
