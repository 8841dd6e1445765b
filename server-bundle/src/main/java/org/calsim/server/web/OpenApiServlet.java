package org.calsim.server.web;

import java.io.IOException;
import java.io.InputStream;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.calsim.server.security.RequestGuard;
import org.calsim.server.store.LabStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3.0 description of the lab server's API (a resource of this bundle), behind
 * the {@link RequestGuard}.
 */
@Component(service = Servlet.class, configurationPid = LabStore.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@HttpWhiteboardServletPattern("/api/openapi.json")
public final class OpenApiServlet extends GuardedServlet {

    private static final long serialVersionUID = 1L;

    /** The description, served behind {@code guard}. */
    @Activate
    public OpenApiServlet(@Reference RequestGuard guard) {
        super(guard);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (InputStream in = OpenApiServlet.class.getResourceAsStream("/api/openapi.json")) {
            if (in == null) {
                ApiJson.error(response, 500, "openapi.json is missing from the bundle");
                return;
            }
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            in.transferTo(response.getOutputStream());
        }
    }
}
