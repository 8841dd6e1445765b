package org.calsim.server.security;

import java.io.IOException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Applies the {@link RequestGuard} to everything the lab server serves, the pages and static files included: the
 * Host check, the token under {@code /api/}, and the headers that forbid framing and type sniffing. The API servlets
 * apply the same guard themselves, so that none answers in the moment before the Http Whiteboard puts this filter in
 * front of it.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
public final class AccessFilter implements Filter {
    private final RequestGuard guard;

    /** A filter applying {@code guard}. */
    @Activate
    public AccessFilter(@Reference RequestGuard guard) {
        this.guard = guard;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (guard.admit((HttpServletRequest) req, (HttpServletResponse) res)) {
            chain.doFilter(req, res);
        }
    }
}
