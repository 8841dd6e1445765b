package org.calsim.server.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.calsim.server.security.AccessFilter;
import org.calsim.server.security.RequestGuard;

/**
 * A servlet of the lab server's API that applies the {@link RequestGuard} itself before it handles a request. The
 * {@link AccessFilter} applies the same guard, but the Http Whiteboard may serve a servlet for a moment before it
 * has put the filter in front of it (after a start, {@code POST /api/jobs} without a token was once answered 201):
 * checked here, nothing under {@code /api} answers before its guard does.
 */
abstract class GuardedServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** The HTTP methods the API answers; others get 405 (not the servlet default 501). */
    private static final Set<String> METHODS = new LinkedHashSet<>(List.of("GET", "HEAD", "POST", "DELETE",
            "OPTIONS"));
    private final transient RequestGuard guard;

    GuardedServlet(RequestGuard guard) {
        this.guard = guard;
    }

    @Override
    protected final void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!guard.admit(request, response)) {
            return;
        }
        if (!METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", String.join(", ", METHODS));
            ApiJson.error(response, 405, "the API answers GET, HEAD, POST, DELETE and OPTIONS only");
            return;
        }
        if (!wellFormed(request.getQueryString())) {
            ApiJson.error(response, 400, "the query string is not well formed: each name=value pair must be "
                    + "percent-encoded (%XX with two hexadecimal digits)");
            return;
        }
        super.service(request, response);
    }

    /**
     * @return whether every part of a query decodes as {@code application/x-www-form-urlencoded} (null: no query);
     *         checked before the container parses it, whose failure would otherwise be a 500 with a stack trace
     */
    static boolean wellFormed(String query) {
        if (query == null) {
            return true;
        }
        try {
            for (String part : query.split("&", -1)) {
                URLDecoder.decode(part, StandardCharsets.UTF_8);
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
