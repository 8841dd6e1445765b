package org.calsim.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
import org.calsim.api.job.JobProgress;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.server.queue.JobQueue;
import org.calsim.server.store.JobRecord;
import org.calsim.support.json.Json;

/** The JSON the API answers with: jobs, progress, errors. */
final class ApiJson {
    private ApiJson() {
    }

    /** @return a job as the API shows it: its record, its progress while it runs, its place in the queue */
    static ObjectNode job(JobRecord r, JobQueue queue) {
        ObjectNode n = Json.object();
        n.put("id", r.id());
        n.put("name", r.name());
        n.put("state", r.state());
        n.put("submitted", r.submitted() == null ? null : r.submitted().toString());
        n.put("started", r.started() == null ? null : r.started().toString());
        n.put("finished", r.finished() == null ? null : r.finished().toString());
        n.put("attempts", r.attempts());
        if (r.error() != null) {
            n.put("error", r.error());
        }
        r.overrides().forEach(n.putArray("overrides")::add);
        queue.progress(r.id()).ifPresent(p -> n.set("progress", progress(p)));
        int position = queue.position(r.id());
        if (position >= 0) {
            n.put("queue_position", position);
        }
        return n;
    }

    static ObjectNode progress(JobProgress p) {
        ObjectNode n = Json.object();
        n.put("overall", p.overall());
        n.put("stage", p.stage());
        n.put("stage_index", p.stageIndex());
        n.put("stage_count", p.stageCount());
        n.put("fraction", p.fraction());
        n.put("message", p.message());
        return n;
    }

    /** Writes a JSON answer with a status. */
    static void send(HttpServletResponse response, int status, JsonNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        Json.compact().writeValue(response.getWriter(), body);
    }

    /** Answers 400 with the field, the value and what is allowed. */
    static void badInput(HttpServletResponse response, InvalidInputException e) throws IOException {
        ObjectNode n = Json.object();
        n.put("error", e.getMessage());
        n.put("field", e.field());
        n.put("value", e.value());
        n.put("allowed", e.allowed());
        send(response, HttpServletResponse.SC_BAD_REQUEST, n);
    }

    /** Answers with an error text. */
    static void error(HttpServletResponse response, int status, String message) throws IOException {
        send(response, status, Json.object().put("error", message));
    }
}
