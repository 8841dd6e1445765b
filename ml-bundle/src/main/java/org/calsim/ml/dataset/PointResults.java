package org.calsim.ml.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.calsim.support.json.Json;

/**
 * The numbers a point's job wrote to its {@code summary.json}: the state scalars (named as in the state) and every
 * stage's headline numbers (named {@code <stage>/<result>}; a stage that appears twice in the chain gets
 * {@code #2}, {@code #3} after its name).
 */
public final class PointResults {

    private PointResults() {
    }

    /** @return the point's numbers by column, with their units; empty if there is no summary */
    public static Map<OutputColumn, Double> read(Path pointFolder) throws IOException {
        Path summary = pointFolder.resolve("summary.json");
        Map<OutputColumn, Double> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(summary)) {
            return out;
        }
        JsonNode root = Json.read(summary);
        Iterator<Map.Entry<String, JsonNode>> state = root.path("state").fields();
        while (state.hasNext()) {
            Map.Entry<String, JsonNode> e = state.next();
            out.put(new OutputColumn(e.getKey(), e.getValue().path("unit").asText(), true),
                    e.getValue().path("value").asDouble());
        }
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode stage : root.path("stages")) {
            String name = stage.path("stage").asText();
            int k = seen.merge(name, 1, Integer::sum);
            String prefix = k == 1 ? name : name + "#" + k;
            Iterator<Map.Entry<String, JsonNode>> results = stage.path("results").fields();
            while (results.hasNext()) {
                Map.Entry<String, JsonNode> e = results.next();
                JsonNode v = e.getValue().path("value");
                out.put(new OutputColumn(prefix + "/" + e.getKey(), e.getValue().path("unit").asText(), false),
                        v.isNumber() ? v.doubleValue() : Double.NaN);
            }
        }
        return out;
    }
}
