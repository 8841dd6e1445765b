package org.calsim.ml.surrogate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.ml.dataset.DatasetFiles;
import org.calsim.ml.dataset.OutputColumn;
import org.calsim.ml.doe.Factor;
import org.calsim.support.files.AtomicFiles;
import org.calsim.support.json.Json;

/**
 * A trained surrogate: a {@link Regressor} with what its columns mean — the job fields it takes (with the ranges it
 * was trained on) and the outputs it predicts (state scalars or stage results, with units) — and how well it
 * cross-validated. Stored as a model file ({@code format: calsim-surrogate}).
 *
 * @param kind      the regressor kind's name
 * @param inputs    the job fields, with the ranges of the training data
 * @param outputs   the predicted columns
 * @param r2        cross-validated R² per output
 * @param rmse      cross-validated RMSE per output
 * @param source    where the training data came from (dataset name and path)
 * @param regressor the fitted model
 */
public record Surrogate(String kind, List<Factor> inputs, List<OutputColumn> outputs, double[] r2, double[] rmse,
                        String source, Regressor regressor) {
    /** Value of the model file's {@code format} field. */
    public static final String FORMAT = "calsim-surrogate";

    public Surrogate {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** @return the outputs at one input point (in the inputs' units) */
    public double[] predict(double[] x) {
        return regressor.predict(x);
    }

    /** Writes the model file atomically. */
    public void write(Path file) throws IOException {
        ObjectNode n = Json.object();
        n.put("format", FORMAT);
        n.put("version", 1);
        n.put("model", kind);
        n.put("source", source);
        ArrayNode in = n.putArray("inputs");
        for (Factor f : inputs) {
            in.addObject().put("name", f.field()).put("unit", f.unit()).put("lower", f.lower()).put("upper", f.upper())
                    .put("scale", f.log() ? "log" : "linear");
        }
        ArrayNode out = n.putArray("outputs");
        for (int k = 0; k < outputs.size(); k++) {
            OutputColumn o = outputs.get(k);
            out.addObject().put("name", o.name()).put("unit", o.unit()).put("source", o.state() ? "state" : "summary")
                    .put("cv_r2", r2[k]).put("cv_rmse", rmse[k]);
        }
        n.set("regressor", regressor.write());
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        AtomicFiles.write(file, Json.pretty().writeValueAsBytes(n));
    }

    /**
     * @param field where the path came from, for messages (e.g. {@code stages[2].with.model_file})
     * @throws InvalidInputException if the file is missing or not a calsim model file
     */
    public static Surrogate read(Path file, String field) {
        JsonNode n;
        try {
            n = Json.read(file);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw InvalidInputException.inFile(field, file, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), "a model file written by ./calsim train");
        } catch (IOException e) {
            throw InvalidInputException.inFile(field, file, 0, 0, "a model file written by ./calsim train");
        }
        if (!FORMAT.equals(n.path("format").asText())) {
            throw new InvalidInputException(field, String.valueOf(file.getFileName()), "a model file written by "
                    + "./calsim train (its "
                    + "format field is '" + FORMAT + "')");
        }
        try {
            List<Factor> inputs = new ArrayList<>();
            for (JsonNode i : n.path("inputs")) {
                inputs.add(new Factor(i.path("name").asText(), i.path("unit").asText(), i.path("lower").asDouble(),
                        i.path("upper").asDouble(), "log".equals(i.path("scale").asText())));
            }
            List<OutputColumn> outputs = new ArrayList<>();
            double[] r2 = new double[n.path("outputs").size()];
            double[] rmse = new double[r2.length];
            int k = 0;
            for (JsonNode o : n.path("outputs")) {
                outputs.add(new OutputColumn(o.path("name").asText(), o.path("unit").asText(),
                        "state".equals(o.path("source").asText())));
                r2[k] = o.path("cv_r2").asDouble();
                rmse[k++] = o.path("cv_rmse").asDouble();
            }
            String kind = n.path("model").asText();
            Regressor regressor;
            try {
                regressor = RegressorKinds.named(kind, field + " (model)").read(n.path("regressor"));
            } catch (RuntimeException e) {
                if (e instanceof InvalidInputException invalid) {
                    throw invalid;
                }
                throw new InvalidInputException(field, String.valueOf(file.getFileName()), "a complete model file");
            }
            if (regressor.inputs() != inputs.size() || regressor.outputs() != outputs.size()) {
                throw new InvalidInputException(field, String.valueOf(file.getFileName()), "a consistent model file "
                        + "(it lists "
                        + inputs.size() + " inputs and " + outputs.size() + " outputs, its regressor has "
                        + regressor.inputs() + " and " + regressor.outputs() + ")");
            }
            return new Surrogate(kind, inputs, outputs, r2, rmse, n.path("source").asText(), regressor);
        } catch (InvalidInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, String.valueOf(file.getFileName()), "a valid model file");
        }
    }
}
