package org.calsim.server.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.SQLException;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.calsim.api.job.Registry;
import org.calsim.server.security.RequestGuard;
import org.calsim.server.store.LabStore;
import org.calsim.support.json.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/health}: {@code {"status":"ok","jobs":J,"services":S}} with J the rows of the {@code jobs} table
 * and S the contact laws, materials, solvers and couplers registered in the container. If the database cannot be
 * read it answers 503 with {@code {"status":"error","error":"…"}}. Registered on the Http Whiteboard while the
 * {@link LabStore} is active, that is while {@code ./calsim serve} runs; it answers only to this server's
 * names ({@link RequestGuard}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/health")
public final class HealthServlet extends GuardedServlet {
    private static final long serialVersionUID = 1L;
    private final transient LabStore store;
    private final transient Registry registry;

    /** A health endpoint over the given database and registry, behind {@code guard} (Host check; open to probes). */
    @Activate
    public HealthServlet(@Reference LabStore store, @Reference Registry registry, @Reference RequestGuard guard) {
        super(guard);
        this.store = store;
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ObjectNode body = Json.object();
        try {
            long jobs = store.jobCount();
            body.put("status", "ok").put("jobs", jobs).put("services", registry.services().size());
            ApiJson.send(response, HttpServletResponse.SC_OK, body);
        } catch (SQLException e) {
            body.put("status", "error").put("error", e.getMessage());
            ApiJson.send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, body);
        }
    }
}
