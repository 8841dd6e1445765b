package org.calsim.runtime.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.calsim.api.stage.InvalidInputException;

/**
 * The top level of a job file: name, description, seed, recipe, calendering, materials, stages.
 * Unknown top-level fields are errors.
 *
 * @param name        job name, also the default results folder name
 * @param description free text
 * @param seed        random seed
 * @param recipe      the {@code recipe} mapping
 * @param calendering the {@code calendering} mapping
 * @param materials   the {@code materials} mapping (may be missing)
 * @param stages      the stages, in order
 */
public record JobSpec(String name, String description, long seed, JsonNode recipe, JsonNode calendering,
                      JsonNode materials, List<StageSpec> stages) {

    private static final Set<String> FIELDS = Set.of("name", "description", "seed", "recipe", "calendering",
            "materials", "stages");
    private static final String FIELD_LIST = "name, description, seed, recipe, calendering, materials, stages";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    /**
     * One entry of {@code stages}.
     *
     * @param index position in the chain, 0-based
     * @param use   the stage's {@code calsim.name}
     * @param with  its parameters (may be {@code null})
     */
    public record StageSpec(int index, String use, JsonNode with) {
        /** @return path of this stage's parameters in the job file */
        public String path() {
            return "stages[" + index + "].with";
        }
    }

    /**
     * @throws InvalidInputException on the first problem
     */
    public static JobSpec read(ObjectNode job, Path baseDir) {
        Iterator<String> names = job.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!FIELDS.contains(f)) {
                throw new InvalidInputException(f, "unknown field '" + f + "'", "one of the top-level fields " + FIELD_LIST);
            }
        }
        JsonNode nameNode = job.get("name");
        if (nameNode == null || !nameNode.isTextual() || !NAME.matcher(nameNode.textValue()).matches()) {
            throw new InvalidInputException("name", nameNode == null ? null : nameNode.asText(),
                    "a job name of letters, digits, '.', '_' or '-' (at most 80), starting with a letter or digit");
        }
        JsonNode description = job.get("description");
        if (description != null && !description.isTextual()) {
            throw new InvalidInputException("description", description.toString(), "a text");
        }
        long seed = 0;
        JsonNode seedNode = job.get("seed");
        if (seedNode != null) {
            if (!seedNode.isIntegralNumber() || !seedNode.canConvertToLong() || seedNode.longValue() < 0) {
                throw new InvalidInputException("seed", seedNode.asText(), "a whole number >= 0");
            }
            seed = seedNode.longValue();
        }
        for (String required : List.of("recipe", "calendering")) {
            JsonNode n = job.get(required);
            if (n == null || !n.isObject()) {
                throw new InvalidInputException(required, n == null ? null : n.toString(),
                        "a mapping (see the job file format in the README)");
            }
        }
        JsonNode stagesNode = job.get("stages");
        if (stagesNode == null || !stagesNode.isArray() || stagesNode.isEmpty()) {
            throw new InvalidInputException("stages", stagesNode == null ? null : stagesNode.toString(),
                    "a non-empty list of stages, each with 'use' (and optionally 'with')");
        }
        List<StageSpec> stages = new ArrayList<>();
        for (int i = 0; i < stagesNode.size(); i++) {
            stages.add(readStage(stagesNode.get(i), i));
        }
        return new JobSpec(nameNode.textValue(), description == null ? "" : description.textValue(), seed,
                job.get("recipe"), job.get("calendering"), job.get("materials"), stages);
    }

    private static StageSpec readStage(JsonNode node, int i) {
        String path = "stages[" + i + "]";
        if (!node.isObject()) {
            throw new InvalidInputException(path, node.toString(), "a mapping with 'use' and optionally 'with'");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!f.equals("use") && !f.equals("with")) {
                throw new InvalidInputException(path + "." + f, "unknown field '" + f + "'", "'use' or 'with'");
            }
        }
        JsonNode use = node.get("use");
        if (use == null || !use.isTextual() || use.textValue().isBlank()) {
            throw new InvalidInputException(path + ".use", use == null ? null : use.asText(),
                    "the name of a registered stage (see ./calsim list)");
        }
        return new StageSpec(i, use.textValue(), node.get("with"));
    }
}
