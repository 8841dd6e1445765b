package org.calsim.server.web;

import java.io.IOException;
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
    private final transient RequestGuard guard;

    GuardedServlet(RequestGuard guard) {
        this.guard = guard;
    }

    @Override
    protected final void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (guard.admit(request, response)) {
            super.service(request, response);
        }
    }
}
