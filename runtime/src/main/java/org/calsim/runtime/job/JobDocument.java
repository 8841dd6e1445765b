package org.calsim.runtime.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.support.json.Json;

/**
 * Reads a job file (YAML, of which JSON is a subset) into a tree and applies {@code --set path=value}
 * overrides. Duplicate keys are errors.
 */
public final class JobDocument {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_.\\-]+?)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private JobDocument() {
    }

    /**
     * @param source    the job file's text
     * @param overrides {@code path=value} settings, applied in order
     * @return the job tree
     * @throws InvalidInputException if the text is not a YAML mapping or an override does not apply
     */
    public static ObjectNode parse(String source, List<String> overrides) {
        JsonNode root;
        try {
            root = Json.yaml().readTree(source);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "job file" : "job file line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new InvalidInputException(where, e.getOriginalMessage(), "well-formed YAML or JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("job file", root == null ? "" : root.getNodeType().toString().toLowerCase(),
                    "a mapping with the fields name, recipe, calendering and stages");
        }
        ObjectNode job = (ObjectNode) root;
        for (String o : overrides) {
            apply(job, o);
        }
        return job;
    }

    /** Applies one {@code a.b[2].c=value} override; the value is read as YAML (number, true, text, [list]). */
    static void apply(ObjectNode job, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new InvalidInputException("--set", override, "path=value, e.g. calendering.line_load_kN_per_m=120");
        }
        String path = override.substring(0, eq).trim();
        JsonNode value = readValue(override.substring(eq + 1).trim());
        String[] segments = path.split("\\.(?![^\\[]*])");
        JsonNode node = job;
        for (int s = 0; s < segments.length; s++) {
            Matcher m = SEGMENT.matcher(segments[s]);
            if (!m.matches()) {
                throw new InvalidInputException("--set " + path, segments[s], "field names and [index] parts");
            }
            String field = m.group(1);
            List<Integer> indices = INDEX.matcher(m.group(2)).results().map(r -> Integer.parseInt(r.group(1))).toList();
            boolean last = s == segments.length - 1;
            if (!(node instanceof ObjectNode obj)) {
                throw new InvalidInputException("--set " + path, segments[s], "a path through mappings of the job file");
            }
            if (indices.isEmpty()) {
                if (last) {
                    obj.set(field, value);
                } else {
                    JsonNode next = obj.get(field);
                    node = next != null ? next : obj.putObject(field);
                }
                continue;
            }
            JsonNode current = obj.get(field);
            for (int k = 0; k < indices.size(); k++) {
                int index = indices.get(k);
                if (!(current instanceof ArrayNode array) || index >= array.size()) {
                    throw new InvalidInputException("--set " + path, field + m.group(2), "an index of an existing list ("
                            + field + " has " + (current instanceof ArrayNode a ? a.size() : 0) + " entries)");
                }
                if (last && k == indices.size() - 1) {
                    array.set(index, value);
                } else {
                    current = array.get(index);
                }
            }
            node = current;
        }
    }

    private static JsonNode readValue(String text) {
        try {
            JsonNode v = Json.yaml().readTree(text);
            return v == null ? TextNode.valueOf(text) : v;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }
}
