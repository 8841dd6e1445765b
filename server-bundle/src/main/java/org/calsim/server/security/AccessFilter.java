package org.calsim.server.security;

import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Guards {@code /api/*}: requests that change anything (POST, PUT, DELETE: submit, cancel, deploy, undeploy, swap)
 * need the {@link ServerToken}; on an address other than loopback, every request does. A refused request gets 401
 * with a JSON body saying where the token is. {@code GET /api/health} is always open, for probes.
 */
@Component(service = {Filter.class, AccessFilter.class})
@HttpWhiteboardFilterPattern("/api/*")
public final class AccessFilter implements Filter {
    private final ServerToken token;

    @Activate
    public AccessFilter(@Reference ServerToken token) {
        this.token = token;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        boolean reading = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        boolean open = reading && (token.loopback() || request.getRequestURI().equals("/api/health"));
        if (open || token.accepts(request.getHeader("Authorization"))) {
            chain.doFilter(req, res);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"calsim\"");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"this request needs the lab server's token as 'Authorization: Bearer "
                + "<token>'; it is in the file 'token' of the server's data folder\"}");
    }
}
