package org.calsim.ml.optimisation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.support.files.AtomicFiles;
import org.calsim.support.json.Json;

/**
 * The evaluations of an optimisation as {@code optimisation.json} records them: the definition (of a chain
 * optimisation), every evaluation with its round, the best point or the Pareto set. Rewritten after every round, so
 * that an optimisation of the chain that was stopped resumes from it ({@link #resume}). Evaluations may be added from
 * several threads.
 */
final class EvaluationLog {
    /** The file, in the optimisation's folder. */
    static final String RECORD = "optimisation.json";

    /**
     * One evaluation as recorded.
     *
     * @param id         its id ({@code e0007}), also its results folder under {@code evaluations/} for the chain
     * @param batch      which round of suggestions it belongs to
     * @param x          the inputs
     * @param objectives the objectives, or null if it failed
     * @param error      why it failed, or empty
     */
    record Evaluated(String id, int batch, double[] x, double[] objectives, String error) {
    }

    private final OptimisationSpec spec;
    private final List<Evaluated> records = Collections.synchronizedList(new ArrayList<>());

    EvaluationLog(OptimisationSpec spec) {
        this.spec = spec;
    }

    void add(Evaluated e) {
        records.add(e);
    }

    /** @return how many evaluations are recorded */
    int size() {
        return records.size();
    }

    /** @return the round after the last one recorded (0 if none is) */
    int nextBatch() {
        synchronized (records) {
            return records.isEmpty() ? 0 : records.get(records.size() - 1).batch() + 1;
        }
    }

    /** Forgets a round cut short: resuming replays whole rounds and runs it again. */
    void dropBatch(int batch) {
        records.removeIf(r -> r.batch() == batch);
    }

    /** Puts the evaluations in the order of their ids (a round's finish in any order). */
    void sortById() {
        records.sort(Comparator.comparing(Evaluated::id));
    }

    /** @return the evaluations so far */
    List<Evaluated> evaluations() {
        synchronized (records) {
            return new ArrayList<>(records);
        }
    }

    /**
     * An optimisation of the chain that was stopped goes on where it stopped: its recorded evaluations are replayed
     * into the optimiser round by round, which suggests the same points again (it is deterministic), so nothing
     * recorded runs twice. A folder holding anything else is refused.
     */
    void resume(BayesianOptimiser bo) throws IOException {
        Path folder = spec.folder();
        Path file = folder.resolve(RECORD);
        if (!Files.isRegularFile(file)) {
            if (Files.isDirectory(folder)) {
                try (var entries = Files.list(folder)) {
                    if (entries.findAny().isPresent()) {
                        throw new InvalidInputException("--out", folder.toString(), "an empty or new folder, or the "
                                + "folder of an earlier run of this optimisation");
                    }
                }
            }
            return;
        }
        JsonNode old = Json.read(file);
        JsonNode definition = Json.reader().readTree(Json.pretty().writeValueAsBytes(spec.definition()));
        if (!old.path("definition").equals(definition)) {
            throw new InvalidInputException("--out", folder.toString(), "the folder of this optimisation; it holds one "
                    + "with another job, inputs, objectives or seed (choose another --out, or delete the folder)");
        }
        JsonNode evaluated = old.path("evaluations");
        int i = 0;
        while (i < evaluated.size()) {
            int batch = evaluated.get(i).path("batch").asInt();
            int end = i;
            while (end < evaluated.size() && evaluated.get(end).path("batch").asInt() == batch) {
                end++;
            }
            replay(bo, evaluated, i, end, batch);
            i = end;
        }
    }

    /** Replays the recorded round of evaluations {@code from} to {@code to} (exclusive): points, then results. */
    private void replay(BayesianOptimiser bo, JsonNode evaluated, int from, int to, int batch) {
        List<double[]> suggested = new ArrayList<>();
        for (int k = from; k < to; k++) {
            suggested.add(bo.suggest());
        }
        for (int k = from; k < to; k++) {
            JsonNode e = evaluated.get(k);
            double[] x = Json.convert(e.get("inputs"), double[].class);
            if (!Arrays.equals(x, suggested.get(k - from))) {
                throw new InvalidInputException("--out", spec.folder().toString(), "a folder whose recorded "
                        + "evaluations this version of calsim suggests again (evaluation " + e.path("id").asText() + " differs; "
                        + "choose another --out)");
            }
            double[] f = e.path("objectives").isArray() ? Json.convert(e.get("objectives"), double[].class) : null;
            if (f != null) {
                bo.observe(x, f);
            } else {
                bo.failed(x);
            }
            records.add(new Evaluated(e.path("id").asText(), batch, x, f, e.path("error").asText()));
        }
    }

    /** Writes optimisation.json: the definition, every evaluation, the best point or the Pareto set, the errors. */
    void write(BayesianOptimiser bo) throws IOException {
        ObjectNode doc = Json.object();
        doc.put("name", spec.name());
        doc.put("against", spec.against());
        if (spec.surrogate() == null) {
            doc.set("definition", spec.definition());
        }
        List<Evaluated> copy = evaluations();
        doc.put("evaluated", copy.size());
        doc.put("failed", copy.stream().filter(e -> e.objectives() == null).count());
        List<Objective> objectives = spec.objectives();
        List<BayesianOptimiser.Evaluation> best = bo.evaluations().isEmpty() ? List.of()
                : objectives.size() == 1 ? List.of(bo.best().orElseThrow()) : bo.paretoSet();
        ArrayNode set = doc.putArray(objectives.size() == 1 ? "best" : "pareto_set");
        for (BayesianOptimiser.Evaluation e : best) {
            ObjectNode p = set.addObject();
            ObjectNode in = p.putObject("inputs");
            for (int j = 0; j < spec.inputs().size(); j++) {
                in.put(spec.inputs().get(j).field(), e.x()[j]);
            }
            ObjectNode obj = p.putObject("objectives");
            for (int k = 0; k < objectives.size(); k++) {
                obj.put(objectives.get(k).output(), e.objectives()[k]);
            }
        }
        ArrayNode all = doc.putArray("evaluations");
        for (Evaluated e : copy) {
            ObjectNode n = all.addObject().put("id", e.id()).put("batch", e.batch());
            n.set("inputs", Json.tree(e.x()));
            if (e.objectives() != null) {
                n.set("objectives", Json.tree(e.objectives()));
            } else {
                n.put("error", e.error());
            }
        }
        AtomicFiles.write(spec.folder().resolve(RECORD), Json.pretty().writeValueAsBytes(doc));
    }
}
