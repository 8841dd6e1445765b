package org.calsim.ml.optimisation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import org.calsim.ml.dataset.OutputColumn;
import org.calsim.ml.doe.Factor;
import org.calsim.ml.study.StudyFiles;
import org.calsim.ml.surrogate.Surrogate;
import org.calsim.ml.sweep.SweepFile;
import org.calsim.support.json.Json;

/**
 * The fields of an optimisation file, read and checked ({@link OptimisationRun} shows the file).
 *
 * @param name        the optimisation's name
 * @param folder      its results folder
 * @param surrogate   the model evaluated, or null when the chain of {@code jobFile} is run
 * @param jobFile     the job file of the chain, or null with a surrogate
 * @param jobText     that file's text, or null with a surrogate
 * @param fixed       {@code path=value} settings applied to every chain evaluation
 * @param inputs      the fields optimised, with their ranges (with a surrogate: in the model's input order)
 * @param objectives  what is made small or large
 * @param evaluations how many evaluations in all
 * @param initial     how many of them come from the space-filling start
 * @param seed        the optimiser's seed
 * @param concurrency chain evaluations at a time
 */
record OptimisationSpec(String name, Path folder, Surrogate surrogate, Path jobFile, String jobText, List<String> fixed,
                        List<Factor> inputs, List<Objective> objectives, int evaluations, int initial, long seed,
                        int concurrency) {
    private static final Set<String> FIELDS = Set.of("name", "description", "surrogate", "job", "set", "inputs",
            "objectives", "evaluations", "initial", "seed", "concurrency");
    private static final int MAX_EVALUATIONS = 10_000;

    /**
     * Reads and checks an optimisation file.
     *
     * @param out the folder, or null for {@code results/<name>}
     * @throws InvalidInputException naming the field, the value and what is allowed
     */
    static OptimisationSpec read(Path file, Path out) throws IOException {
        ObjectNode root = StudyFiles.readYaml(file, "OPT", FIELDS);
        String name = StudyFiles.name(root);
        Path base = file.toAbsolutePath().getParent();
        boolean hasSurrogate = root.has("surrogate");
        if (hasSurrogate == root.has("job")) {
            throw new InvalidInputException("surrogate / job", hasSurrogate ? "both" : "neither",
                    "exactly one: a model file of ./calsim train (surrogate) or a job file to run (job)");
        }
        Surrogate surrogate = null;
        Path jobFile = null;
        String jobText = null;
        if (hasSurrogate) {
            surrogate = Surrogate.read(base.resolve(StudyFiles.text(root, "", "surrogate", "a model file")), "surrogate");
        } else {
            jobFile = base.resolve(StudyFiles.text(root, "", "job", "a job file, relative to this file")).normalize();
            try {
                jobText = Files.readString(jobFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InvalidInputException("job", jobFile.toString(), "a readable job file (" + e.getMessage() + ")");
            }
        }
        List<String> fixed = StudyFiles.texts(root, "set");
        if (surrogate != null && !fixed.isEmpty()) {
            throw new InvalidInputException("set", fixed.toString(), "nothing with a surrogate (it has no job to set)");
        }
        List<Factor> inputs = inputs(root, surrogate);
        List<Objective> objectives = objectives(root.get("objectives"), surrogate);
        int evaluations = StudyFiles.integer(root, "evaluations", 40, 2, MAX_EVALUATIONS);
        int initial = StudyFiles.integer(root, "initial", Math.min(evaluations, Math.max(2 * inputs.size() + 1, 5)),
                1, evaluations);
        long seed = StudyFiles.integer(root, "seed", 1, 0, Integer.MAX_VALUE);
        int concurrency = StudyFiles.integer(root, "concurrency", 1, 1, 256);
        return new OptimisationSpec(name, out != null ? out : Path.of("results", name), surrogate, jobFile, jobText,
                fixed, inputs, objectives, evaluations, initial, seed, concurrency);
    }

    /** @return the inputs field's ranges; with a surrogate one for each of its inputs, in its order, or its ranges */
    private static List<Factor> inputs(ObjectNode root, Surrogate surrogate) {
        if (!root.has("inputs")) {
            if (surrogate != null) {
                return surrogate.inputs();
            }
            throw new InvalidInputException("inputs", null, "the job fields to optimise, with their ranges");
        }
        List<Factor> ranges = SweepFile.factors(root.get("inputs"));
        if (surrogate == null) {
            return ranges;
        }
        List<String> model = surrogate.inputs().stream().map(Factor::field).toList();
        List<String> given = ranges.stream().map(Factor::field).toList();
        if (!given.containsAll(model) || !model.containsAll(given)) {
            throw new InvalidInputException("inputs", given.toString(), "a range for each input of the "
                    + "surrogate, no more: " + model + " (or leave inputs out for its training ranges)");
        }
        List<Factor> ordered = new ArrayList<>();
        model.forEach(m -> ordered.add(ranges.stream().filter(f -> f.field().equals(m)).findFirst().orElseThrow()));
        return ordered;
    }

    private static List<Objective> objectives(JsonNode node, Surrogate surrogate) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidInputException("objectives", node == null ? null : node.toString(),
                    "a non-empty list of {output, goal: minimise|maximise}");
        }
        List<Objective> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "objectives[" + i + "]";
            JsonNode o = node.get(i);
            Iterator<String> names = o.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!n.equals("output") && !n.equals("goal")) {
                    throw new InvalidInputException(path + "." + n, "unknown field '" + n + "'", "output or goal");
                }
            }
            String output = StudyFiles.text(o, path, "output", "a state scalar or stage result, e.g. coating.porosity");
            Goal goal = switch (o.path("goal").asText()) {
                case "minimise", "minimize" -> Goal.MINIMISE;
                case "maximise", "maximize" -> Goal.MAXIMISE;
                default -> throw new InvalidInputException(path + ".goal", o.path("goal").asText(), "minimise or maximise");
            };
            String unit = "";
            if (surrogate != null) {
                OutputColumn c = surrogate.outputs().stream().filter(s -> s.name().equals(output)).findFirst()
                        .orElseThrow(() -> new InvalidInputException(path + ".output", output, "an output of the "
                                + "surrogate: " + surrogate.outputs().stream().map(OutputColumn::name).toList()));
                unit = c.unit();
            }
            out.add(new Objective(output, unit, goal));
        }
        return out;
    }

    /** @return a new optimiser over the inputs' ranges (log-scaled where an input is) for the objectives' goals */
    BayesianOptimiser optimiser() {
        int d = inputs.size();
        double[] lower = inputs.stream().mapToDouble(Factor::lower).toArray();
        double[] upper = inputs.stream().mapToDouble(Factor::upper).toArray();
        boolean[] log = new boolean[d];
        for (int j = 0; j < d; j++) {
            log[j] = inputs.get(j).log();
        }
        Goal[] goals = objectives.stream().map(Objective::goal).toArray(Goal[]::new);
        return new BayesianOptimiser(lower, upper, log, goals, initial, seed);
    }

    /** @return what the evaluations are of, as optimisation.json says */
    String against() {
        return surrogate != null ? "surrogate " + surrogate.kind() + " (" + surrogate.source() + ")"
                : "physics chain of " + jobFile;
    }

    /**
     * @return the fields a resumed chain optimisation must share with the one it resumes: the job, the settings,
     *         the inputs, the objectives, the start, the seed and the concurrency (which makes the rounds)
     */
    ObjectNode definition() {
        ObjectNode def = Json.object();
        def.put("job", jobText);
        fixed.forEach(def.putArray("set")::add);
        ArrayNode in = def.putArray("inputs");
        for (Factor f : inputs) {
            in.addObject().put("field", f.field()).put("lower", f.lower()).put("upper", f.upper()).put("log", f.log());
        }
        ArrayNode obj = def.putArray("objectives");
        objectives.forEach(o -> obj.addObject().put("output", o.output()).put("goal", o.goal().name()));
        def.put("initial", initial);
        def.put("seed", seed);
        def.put("concurrency", concurrency);
        return def;
    }
}
