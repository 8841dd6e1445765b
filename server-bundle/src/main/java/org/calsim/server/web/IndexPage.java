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
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;

/**
 * {@code GET /}: the start page, the bundle's {@code /static/index.html} (which {@link StaticPages} also serves at
 * {@code /static/index.html}). The Http Whiteboard has no welcome files, so this servlet takes the context root: the
 * empty pattern, written as a plain property because {@code @HttpWhiteboardServletPattern("")} becomes an empty
 * array. Registered only while a configuration of {@value LabStore#PID} exists, that is while {@code ./calsim serve}
 * runs.
 */
@Component(service = Servlet.class, configurationPid = LabStore.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=")
public final class IndexPage extends GuardedServlet {
    private static final long serialVersionUID = 1L;
    private static final String PAGE = "/static/index.html";

    /** The start page, served behind {@code guard}. */
    @Activate
    public IndexPage(@Reference RequestGuard guard) {
        super(guard);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        try (InputStream in = IndexPage.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, PAGE + " is missing from the bundle");
                return;
            }
            in.transferTo(response.getOutputStream());
        }
    }
}
