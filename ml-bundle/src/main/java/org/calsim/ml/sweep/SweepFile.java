package org.calsim.ml.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.ml.doe.Design;
import org.calsim.ml.doe.Factor;
import org.calsim.ml.study.StudyFiles;

/**
 * A sweep file: which job to run, which of its fields to vary over which ranges, how to place the points.
 *
 * <pre>
 * name: porosity-sweep
 * job: empirical-chain.yaml        # relative to the sweep file
 * design: sobol                    # sobol | lhs | saltelli
 * points: 64                       # saltelli: base samples N, N (d + 2) jobs
 * seed: 1                          # of the Latin hypercube
 * concurrency: 2                   # jobs at a time (default: the processors)
 * set: [stages[3].with.c_rates=[1, 2]]   # fixed overrides for every point
 * inputs:
 *   - field: calendering.line_load_kN_per_m
 *     range: [100, 2000]
 *     scale: log                   # linear (default) | log
 * outputs: [coating.porosity, empirical.rate-capability/capacity_2C_mAh_per_cm2]   # default: all
 * </pre>
 *
 * @param name        the sweep's name (folder name)
 * @param description free text
 * @param jobFile     the job file
 * @param jobText     its text
 * @param design      how points fill the ranges
 * @param samples     number of points (base samples for saltelli)
 * @param seed        seed of the design
 * @param concurrency jobs at a time
 * @param fixed       overrides applied to every point before the point's own
 * @param inputs      the varied fields
 * @param outputs     the output columns asked for; empty for all
 */
public record SweepFile(String name, String description, Path jobFile, String jobText, Design design, int samples,
                        long seed, int concurrency, List<String> fixed, List<Factor> inputs, List<String> outputs) {

    private static final Set<String> FIELDS = Set.of("name", "description", "job", "design", "points", "seed",
            "concurrency", "set", "inputs", "outputs");
    private static final int MAX_POINTS = 100_000;

    /**
     * @throws InvalidInputException naming the field, its value and what is allowed
     */
    public static SweepFile read(Path file) {
        ObjectNode root = StudyFiles.readYaml(file, "SWEEP", FIELDS);
        String name = StudyFiles.name(root);
        String jobName = StudyFiles.text(root, "", "job", "the job file to sweep, relative to the sweep file");
        Path job = file.toAbsolutePath().getParent().resolve(jobName).normalize();
        String jobText;
        try {
            jobText = Files.readString(job, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("job", jobName, "a readable job file, relative to the sweep file (" + job
                    + " cannot be read: " + e.getMessage() + ")");
        }
        Design design = switch (root.path("design").asText("sobol")) {
            case "sobol" -> Design.SOBOL;
            case "lhs" -> Design.LATIN_HYPERCUBE;
            case "saltelli" -> Design.SALTELLI;
            default -> throw new InvalidInputException("design", root.get("design").asText(), "sobol, lhs or saltelli");
        };
        int points = StudyFiles.integer(root, "points", -1, 1, MAX_POINTS);
        long seed = StudyFiles.integer(root, "seed", 1, 0, Integer.MAX_VALUE);
        int concurrency = StudyFiles.integer(root, "concurrency", Runtime.getRuntime().availableProcessors(), 1, 1024);
        List<String> fixed = StudyFiles.texts(root, "set");
        List<Factor> inputs = factors(root.get("inputs"));
        List<String> outputs = StudyFiles.texts(root, "outputs");
        return new SweepFile(name, root.path("description").asText(""), job, jobText, design, points, seed,
                concurrency, fixed, inputs, outputs);
    }

    /** @return the number of jobs the design runs */
    public int jobs() {
        return design == Design.SALTELLI ? samples * (inputs.size() + 2) : samples;
    }

    /** Reads {@code inputs}: a list of {field, range: [lower, upper], scale}. */
    public static List<Factor> factors(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidInputException("inputs", node == null ? null : node.toString(),
                    "a non-empty list of {field, range: [lower, upper], scale: linear|log}");
        }
        List<Factor> factors = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "inputs[" + i + "]";
            JsonNode f = node.get(i);
            if (!f.isObject()) {
                throw new InvalidInputException(path, f.toString(), "a mapping {field, range, scale}");
            }
            Iterator<String> names = f.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!Set.of("field", "range", "scale").contains(n)) {
                    throw new InvalidInputException(path + "." + n, "unknown field '" + n + "'", "field, range or scale");
                }
            }
            String field = StudyFiles.text(f, path, "field", "a job field as in --set, e.g. "
                    + "calendering.line_load_kN_per_m");
            JsonNode range = f.get("range");
            if (range == null || !range.isArray() || range.size() != 2 || !range.get(0).isNumber()
                    || !range.get(1).isNumber() || !(range.get(1).doubleValue() > range.get(0).doubleValue())) {
                throw new InvalidInputException(path + ".range", range == null ? null : range.toString(),
                        "[lower, upper] with lower < upper");
            }
            String scale = f.path("scale").asText("linear");
            if (!scale.equals("linear") && !scale.equals("log")) {
                throw new InvalidInputException(path + ".scale", scale, "linear or log");
            }
            if (scale.equals("log") && !(range.get(0).doubleValue() > 0)) {
                throw new InvalidInputException(path + ".range", range.toString(), "both ends > 0 with scale log");
            }
            if (factors.stream().anyMatch(g -> g.field().equals(field))) {
                throw new InvalidInputException(path + ".field", field, "a field not already varied");
            }
            factors.add(new Factor(field, FieldUnits.of(field), range.get(0).doubleValue(), range.get(1).doubleValue(),
                    scale.equals("log")));
        }
        return factors;
    }
}
