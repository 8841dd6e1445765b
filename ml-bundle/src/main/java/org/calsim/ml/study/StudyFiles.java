package org.calsim.ml.study;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.regex.Pattern;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.support.json.Json;

/** Reading the fields of sweep and optimisation files, with errors that name the field, the value and what is allowed. */
public final class StudyFiles {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    private StudyFiles() {
    }

    /**
     * @param label  what the file is called on the command line, e.g. {@code SWEEP}
     * @param fields the top-level fields allowed
     * @throws InvalidInputException if the file is unreadable, not a YAML mapping, or has an unknown field
     */
    public static ObjectNode readYaml(Path file, String label, Set<String> fields) {
        JsonNode root;
        try {
            root = Json.yaml().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? file.toString() : file + " line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new InvalidInputException(where, e.getOriginalMessage(), "well-formed YAML");
        } catch (IOException e) {
            throw new InvalidInputException(label, file.toString(), "a readable YAML file (" + e.getMessage() + ")");
        }
        if (!(root instanceof ObjectNode obj)) {
            throw new InvalidInputException(label, file.toString(), "a YAML mapping with the fields "
                    + String.join(", ", fields.stream().sorted().toList()));
        }
        Iterator<String> names = obj.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!fields.contains(f)) {
                throw new InvalidInputException(f, "unknown field '" + f + "'", "one of "
                        + String.join(", ", fields.stream().sorted().toList()));
            }
        }
        return obj;
    }

    /** @return the {@code name} field: letters, digits, '.', '_' or '-' */
    public static String name(JsonNode root) {
        JsonNode n = root.get("name");
        if (n == null || !n.isTextual() || !NAME.matcher(n.textValue()).matches()) {
            throw new InvalidInputException("name", n == null ? null : n.asText(),
                    "a name of letters, digits, '.', '_' or '-' (at most 80), starting with a letter or digit");
        }
        return n.textValue();
    }

    /**
     * @param prefix the parent's path for messages ({@code ""} at the top)
     * @return a required non-blank text field
     */
    public static String text(JsonNode parent, String prefix, String field, String allowed) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isTextual() || n.textValue().isBlank()) {
            throw new InvalidInputException(prefix.isEmpty() ? field : prefix + "." + field,
                    n == null ? null : n.toString(), allowed);
        }
        return n.textValue();
    }

    /**
     * @param fallback value when the field is missing; a negative fallback makes the field required
     * @return a whole number in [min, max]
     */
    public static int integer(JsonNode root, String field, int fallback, int min, int max) {
        JsonNode n = root.get(field);
        if (n == null && fallback >= 0) {
            return fallback;
        }
        if (n == null || !n.canConvertToInt() || !n.isIntegralNumber() || n.intValue() < min || n.intValue() > max) {
            throw new InvalidInputException(field, n == null ? null : n.toString(),
                    "a whole number from " + min + " to " + max);
        }
        return n.intValue();
    }

    /** @return a list of texts, empty when the field is missing */
    public static List<String> texts(JsonNode root, String field) {
        JsonNode n = root.get(field);
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (!n.isArray()) {
            throw new InvalidInputException(field, n.toString(), "a list of texts");
        }
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                throw new InvalidInputException(field, e.toString(), "a list of texts");
            }
            out.add(e.textValue());
        }
        return out;
    }
}
