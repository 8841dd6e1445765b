package org.calsim.runtime.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.study.TrainingRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calsim train DATASET --model gpr|mlp|sisso [--inputs …] [--outputs …]}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a surrogate on a sweep's dataset: k-fold cross-validated R^2 and RMSE per output, then "
            + "the model fitted to all rows, saved as a file the stage ml.surrogate loads."})
final class TrainCommand implements Callable<Integer> {
    private final StudyCall study;

    @Parameters(index = "0", paramLabel = "DATASET", description = "dataset.json of a sweep, or the sweep folder")
    Path dataset;

    @Option(names = "--model", required = true, paramLabel = "KIND", description = "gpr, mlp or sisso")
    String model;

    @Option(names = "--inputs", split = ",", paramLabel = "NAME", description = "input columns (default: all inputs)")
    List<String> inputs;

    @Option(names = "--outputs", split = ",", paramLabel = "NAME",
            description = "output columns (default: every output that varies)")
    List<String> outputs;

    @Option(names = "--folds", defaultValue = "5", paramLabel = "K", description = "cross-validation folds (default 5)")
    int folds;

    @Option(names = "--option", paramLabel = "KEY=VALUE",
            description = "model setting, e.g. kernel=rbf, layers=[64,64], dimension=3")
    List<String> options;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the folds and the model (default 1)")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "model file (default: <sweep folder>/<model>.model.json)")
    Path out;

    TrainCommand(StudyCall study) {
        this.study = study;
    }

    @Override
    public Integer call() throws InterruptedException {
        return study.run("train", (service, results, progress) -> service.train(request(), results, progress));
    }

    /** @throws InvalidInputException on an option that is not key=value */
    private TrainingRequest request() {
        Map<String, String> settings = new LinkedHashMap<>();
        if (options != null) {
            for (String o : options) {
                int eq = o.indexOf('=');
                if (eq <= 0) {
                    throw new InvalidInputException("--option", o, "key=value, e.g. kernel=rbf");
                }
                settings.put(o.substring(0, eq).trim(), o.substring(eq + 1).trim());
            }
        }
        return new TrainingRequest(dataset, model, inputs == null ? List.of() : inputs,
                outputs == null ? List.of() : outputs, folds, settings, seed, out);
    }
}
