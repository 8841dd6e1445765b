package org.calsim.server.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.calsim.support.json.Json;

/**
 * How a job that was running when the server stopped is run again: every stage that declares a {@code resume}
 * parameter (e.g. {@code dem.calender}, which then continues from its last checkpoint in the job's
 * {@code checkpoints/} folder) gets {@code resume=true}; the other stages run from the beginning, with the same seed,
 * so they give the same numbers as the first time.
 */
final class ResumePlan {
    private ResumePlan() {
    }

    /**
     * @param source    the job file's text
     * @param resumable whether the stage of this name declares a {@code resume} parameter
     * @return the overrides that resume those stages (empty if the text cannot be read: it is checked again anyway)
     */
    static List<String> overrides(String source, Predicate<String> resumable) {
        List<String> out = new ArrayList<>();
        try {
            JsonNode stages = Json.yaml().readTree(source).path("stages");
            for (int i = 0; i < stages.size(); i++) {
                if (resumable.test(stages.get(i).path("use").asText())) {
                    out.add("stages[" + i + "].with.resume=true");
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }
}
