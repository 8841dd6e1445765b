package org.calsim.ml.training;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Series;
import org.calsim.api.data.Table;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.study.StudyListener;
import org.calsim.api.study.StudyReport;
import org.calsim.api.study.TrainingRequest;
import org.calsim.ml.dataset.DatasetFiles;
import org.calsim.ml.dataset.DatasetRow;
import org.calsim.ml.dataset.OutputColumn;
import org.calsim.ml.dataset.SweepDataset;
import org.calsim.ml.doe.Factor;
import org.calsim.ml.sensitivity.SobolIndices;
import org.calsim.ml.surrogate.Regressor;
import org.calsim.ml.surrogate.RegressorKind;
import org.calsim.ml.surrogate.RegressorKinds;
import org.calsim.ml.surrogate.Surrogate;
import org.calsim.support.json.Json;

/**
 * {@code calsim train}: reads a sweep's dataset, cross-validates the chosen model kind on its successful rows, fits it
 * to all of them, saves the surrogate, and reports per output the cross-validated R² and RMSE, a parity plot
 * (held-out prediction against the chain's value) and the surrogate's Sobol indices over the training ranges.
 */
public final class Training {
    /** Option values: a repeated key in a mapping value keeps its last value. */
    private static final ObjectReader OPTION_YAML = Json.yaml().without(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final int SOBOL_SAMPLES = 1024;
    private static final int BOOTSTRAP = 200;
    private static final double CONFIDENCE = 0.95;

    private Training() {
    }

    /**
     * @throws InvalidInputException on a bad dataset, column, model kind, option or fold count
     */
    public static StudyReport run(TrainingRequest request, ResultSink results, StudyListener listener)
            throws IOException {
        SweepDataset data = DatasetFiles.read(request.dataset());
        RegressorKind kind = RegressorKinds.named(request.model(), "--model");
        for (List<String> names : List.of(request.inputs(), request.outputs())) {
            if (new HashSet<>(names).size() != names.size()) {
                throw new InvalidInputException(names == request.inputs() ? "--inputs" : "--outputs",
                        String.join(",", names), "each column once");
            }
        }
        List<Factor> inputs = inputs(request, data);
        List<DatasetRow> ok = data.rows().stream().filter(DatasetRow::succeeded).toList();
        List<OutputColumn> outputs = outputs(request, data, ok);
        if (outputs.isEmpty()) {
            throw new InvalidInputException("--outputs", "(all)", "at least one output that varies; the dataset has "
                    + ok.size() + " successful points");
        }
        if (request.folds() < 2 || request.folds() > ok.size()) {
            throw new InvalidInputException("--folds", request.folds(), "from 2 to the number of successful points ("
                    + ok.size() + ")");
        }
        double[][] x = new double[ok.size()][inputs.size()];
        double[][] y = new double[ok.size()][outputs.size()];
        for (int i = 0; i < ok.size(); i++) {
            for (int j = 0; j < inputs.size(); j++) {
                x[i][j] = ok.get(i).inputs()[data.inputIndex(inputs.get(j).field())];
            }
            for (int k = 0; k < outputs.size(); k++) {
                y[i][k] = ok.get(i).outputs()[data.outputIndex(outputs.get(k).name())];
            }
        }
        ObjectNode options = options(request.options());
        listener.progress(0, "cross-validating " + kind.name() + " on " + ok.size() + " points, " + request.folds()
                + " folds");
        CrossValidation cv;
        Regressor model;
        try {
            cv = CrossValidation.run(kind, x, y, request.folds(), options, request.seed());
            listener.progress(0.8, "fitting " + kind.name() + " to all " + ok.size() + " points");
            model = kind.fit(x, y, options, request.seed());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--option", request.options().toString(), e.getMessage());
        }
        Path datasetFile = Files.isDirectory(request.dataset()) ? request.dataset().resolve(DatasetFiles.DESCRIPTION)
                : request.dataset();
        Path folder = datasetFile.toAbsolutePath().getParent();
        Path out = request.out() != null ? request.out() : folder.resolve(kind.name() + ".model.json");
        Surrogate surrogate = new Surrogate(kind.name(), inputs, outputs, cv.r2(), cv.rmse(),
                data.name() + " (" + datasetFile + ", " + ok.size() + " points)", model);
        surrogate.write(out);
        listener.progress(0.9, "Sobol indices of the surrogate");
        List<String> lines = new ArrayList<>();
        lines.add(kind.name() + " surrogate of " + outputs.size() + " output(s) from " + inputs.size()
                + " input(s), trained on " + ok.size() + " points; " + request.folds() + "-fold cross-validation:");
        Table parity = crossValidation(outputs, y, cv, request.folds(), results, lines);
        List<String> inputNames = inputs.stream().map(Factor::field).toList();
        for (int k = 0; k < outputs.size(); k++) {
            model.formula(k, inputNames, outputs.get(k).name()).ifPresent(f -> lines.add("  " + f));
        }
        results.table("cross-validation", parity);
        results.table("sobol-indices", sobol(surrogate, request.seed(), lines));
        lines.add("model file: " + out);
        listener.progress(1, "done");
        return new StudyReport(out.toAbsolutePath().getParent(), lines, false);
    }

    /** @return the dataset's inputs the request names (all of them if it names none), in its order */
    private static List<Factor> inputs(TrainingRequest request, SweepDataset data) {
        List<Factor> inputs = new ArrayList<>();
        List<String> inNames = request.inputs().isEmpty() ? data.inputs().stream().map(Factor::field).toList()
                : request.inputs();
        for (String name : inNames) {
            int j = data.inputIndex(name);
            if (j < 0) {
                throw new InvalidInputException("--inputs", name, "an input of the dataset: "
                        + String.join(", ", data.inputs().stream().map(Factor::field).toList()));
            }
            inputs.add(data.inputs().get(j));
        }
        return inputs;
    }

    /**
     * @param ok the successful points
     * @return the dataset's outputs the request names, or all those that every successful point gave and that vary
     */
    private static List<OutputColumn> outputs(TrainingRequest request, SweepDataset data, List<DatasetRow> ok) {
        List<OutputColumn> outputs = new ArrayList<>();
        if (request.outputs().isEmpty()) {
            for (int k = 0; k < data.outputs().size(); k++) {
                if (usable(ok, k)) {
                    outputs.add(data.outputs().get(k));
                }
            }
        } else {
            for (String name : request.outputs()) {
                int k = data.outputIndex(name);
                if (k < 0) {
                    throw new InvalidInputException("--outputs", name, "an output of the dataset: "
                            + String.join(", ", data.outputs().stream().map(OutputColumn::name).toList()));
                }
                if (!usable(ok, k)) {
                    throw new InvalidInputException("--outputs", name, "an output that every successful point "
                            + "produced and that varies between points");
                }
                outputs.add(data.outputs().get(k));
            }
        }
        return outputs;
    }

    /**
     * Adds a line per output with its cross-validated R² and RMSE, and plots the held-out predictions against the
     * chain's values.
     *
     * @param y the chain's values, a row per point
     * @return the table of the chain's values and the held-out predictions
     */
    private static Table crossValidation(List<OutputColumn> outputs, double[][] y, CrossValidation cv, int folds,
                                         ResultSink results, List<String> lines) {
        Table.Builder parity = Table.builder();
        for (int k = 0; k < outputs.size(); k++) {
            OutputColumn o = outputs.get(k);
            lines.add(String.format("  %s: R^2 %.4f, RMSE %.4g %s", o.name(), cv.r2()[k], cv.rmse()[k], o.unit()));
            int kk = k;
            double[] actual = Arrays.stream(y).mapToDouble(r -> r[kk]).toArray();
            double[] held = Arrays.stream(cv.predicted()).mapToDouble(r -> r[kk]).toArray();
            parity.column(o.name(), o.unit(), actual).column(o.name() + " predicted", o.unit(), held);
            double lo = Arrays.stream(actual).min().orElse(0);
            double hi = Arrays.stream(actual).max().orElse(1);
            results.plot(new Plot("parity-" + safe(o.name()), String.format("%s: %d-fold cross-validation, R^2 %.4f",
                    o.name(), folds, cv.r2()[k]), "chain [" + o.unit() + "]", "surrogate, held out ["
                    + o.unit() + "]", List.of(new Series("held-out points", actual, held, Series.Style.MARKERS),
                    new Series("y = x", new double[] {lo, hi}, new double[] {lo, hi}, Series.Style.LINE))));
        }
        return parity.build();
    }

    /** Sobol indices of every output of the surrogate, inputs uniform over the training ranges (log-uniform for log). */
    private static Table sobol(Surrogate s, long seed, List<String> lines) {
        int d = s.inputs().size();
        Table.Builder t = Table.builder();
        double[] index = new double[d];
        for (int i = 0; i < d; i++) {
            index[i] = i + 1;
        }
        t.column("input", "index", index);
        double[][] unit = SobolIndices.design(d, SOBOL_SAMPLES);
        double[][] f = new double[s.outputs().size()][unit.length];
        for (int r = 0; r < unit.length; r++) {
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = s.inputs().get(j).at(unit[r][j]);
            }
            double[] p = s.predict(x);
            for (int k = 0; k < p.length; k++) {
                f[k][r] = p[k];
            }
        }
        lines.add("Sobol indices of the surrogate (first order / total) over " + String.join(", ",
                s.inputs().stream().map(Factor::field).toList()) + ":");
        for (int k = 0; k < f.length; k++) {
            SobolIndices.Result r = SobolIndices.fromValues(f[k], d, SOBOL_SAMPLES, BOOTSTRAP, CONFIDENCE, seed);
            String name = s.outputs().get(k).name();
            t.column(name + " S1", "1", r.first()).column(name + " S1 low", "1", r.firstLow())
                    .column(name + " S1 high", "1", r.firstHigh()).column(name + " ST", "1", r.total())
                    .column(name + " ST low", "1", r.totalLow()).column(name + " ST high", "1", r.totalHigh());
            StringBuilder line = new StringBuilder("  " + name + ":");
            for (int j = 0; j < d; j++) {
                line.append(String.format(" %.3f/%.3f", r.first()[j], r.total()[j]));
            }
            lines.add(line.toString());
        }
        return t.build();
    }

    private static boolean usable(List<DatasetRow> ok, int k) {
        if (ok.isEmpty()) {
            return false;
        }
        double first = ok.get(0).outputs()[k];
        boolean varies = false;
        for (DatasetRow r : ok) {
            if (!Double.isFinite(r.outputs()[k])) {
                return false;
            }
            varies |= r.outputs()[k] != first;
        }
        return varies;
    }

    /** Reads {@code key=value} settings, each value as YAML (number, list, text). */
    private static ObjectNode options(Map<String, String> settings) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            JsonNode v;
            try {
                v = OPTION_YAML.readTree(e.getValue());
            } catch (JsonProcessingException ex) {
                v = TextNode.valueOf(e.getValue());
            }
            o.set(e.getKey(), v == null ? TextNode.valueOf(e.getValue()) : v);
        }
        return o;
    }

    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
