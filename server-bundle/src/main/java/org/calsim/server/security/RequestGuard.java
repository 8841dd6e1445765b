package org.calsim.server.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.calsim.server.store.LabStore;
import org.calsim.support.json.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * The lab server's rules for every request, applied by the {@link AccessFilter} to everything it serves and by each
 * API servlet itself (so that no servlet answers before its guard does, also in the moment after the server starts
 * when the Http Whiteboard has registered a servlet but not yet the filter):
 * <ol>
 *   <li><b>Host.</b> The {@code Host} header must name this server: {@code localhost}, a loopback address
 *   ({@code 127.0.0.1}, {@code [::1]}) or the address given with {@code --host}, with the server's port if a port is
 *   given. With a wildcard {@code --host} ({@code 0.0.0.0}, {@code ::}) the addresses and the name of this machine are
 *   accepted too. Any other name is refused with 421: a web page whose own name was re-pointed at 127.0.0.1
 *   (DNS rebinding) cannot read or change anything.</li>
 *   <li><b>Token.</b> Under {@code /api/}, requests that change anything (anything but GET and HEAD) need the
 *   {@link ServerToken}; on an address other than loopback every request does, except {@code GET /api/health}.
 *   A refused request gets 401 with a JSON body saying where the token is.</li>
 *   <li><b>Headers.</b> Every answer forbids framing ({@code X-Frame-Options: DENY}, CSP
 *   {@code frame-ancestors 'none'}) and type sniffing ({@code X-Content-Type-Options: nosniff}).</li>
 * </ol>
 */
@Component(service = RequestGuard.class, configurationPid = LabStore.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class RequestGuard {
    /** HTTP status for a request to a name this server does not answer to (RFC 9110, 15.5.20). */
    public static final int MISDIRECTED = 421;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]+]");

    /** The configuration read here. */
    public @interface Config {
        /** @return the address the server listens on */
        String http_host() default "127.0.0.1";

        /** @return the port the server listens on, or 0 if it is not known (then any port is accepted) */
        int http_port() default 0;
    }

    private final ServerToken token;
    private final int port;
    private final boolean loopback;
    private final Set<String> names = new HashSet<>();

    /** The guard of a server configured with {@code --host} and {@code --port}. */
    @Activate
    public RequestGuard(@Reference ServerToken token, Config config) {
        this(token, config.http_host(), config.http_port());
    }

    /**
     * @param token the server's token
     * @param host  the address the server listens on ({@code --host})
     * @param port  its port, or 0 to accept any
     */
    public RequestGuard(ServerToken token, String host, int port) {
        this.token = token;
        this.port = port;
        this.loopback = isLoopback(host);
        String h = host.toLowerCase(Locale.ROOT);
        names.add(h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h);
        if (h.equals("0.0.0.0") || h.equals("::") || h.equals("[::]")) {
            addThisMachine();
        }
    }

    /** @return whether the server listens on loopback only (then reading needs no token) */
    public boolean loopback() {
        return loopback;
    }

    /**
     * @return whether {@code host} is a loopback address or resolves to one; {@code false} for a name that does not
     *         resolve. Only for configured addresses: a request's Host header is never resolved (see
     *         {@link #acceptsHost(String)}).
     */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * @param header a request's {@code Host} header, or null
     * @return whether it names this server: {@code localhost}, a loopback address literal, or one of the names of
     *         {@code --host}; and, if it gives a port, the server's port. Nothing is looked up in DNS.
     */
    public boolean acceptsHost(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        String h = header.trim().toLowerCase(Locale.ROOT);
        String name = h;
        int colon = h.lastIndexOf(':');
        if (colon > h.lastIndexOf(']')) {
            name = h.substring(0, colon);
            int given;
            try {
                given = Integer.parseInt(h.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
            if (port > 0 && given != port) {
                return false;
            }
        }
        return name.equals("localhost") || names.contains(name) || loopbackLiteral(name);
    }

    /**
     * Applies the rules to a request: checks its Host and its token and sets the headers every answer carries.
     *
     * @return true if the request may go on; false if it was answered here (421 or 401)
     */
    public boolean admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        String host = request.getHeader("Host");
        if (!acceptsHost(host)) {
            refuse(response, MISDIRECTED, "this server does not answer to the name '" + (host == null ? "" : host)
                    + "'; use http://127.0.0.1:" + (port > 0 ? port : request.getLocalPort())
                    + "/ or the address given with --host");
            return false;
        }
        String path = (request.getServletPath() == null ? "" : request.getServletPath())
                + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.startsWith("/api/") && !path.equals("/api")) {
            return true;
        }
        boolean reading = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        boolean open = reading && (loopback || path.equals("/api/health"));
        if (open || token.accepts(request.getHeader("Authorization"))) {
            return true;
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"calsim\"");
        refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "this request needs the lab server's token as "
                + "'Authorization: Bearer <token>'; it is in the file 'token' of the server's data folder");
        return false;
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        Json.compact().writeValue(response.getWriter(), Json.object().put("error", message));
    }

    /** @return whether {@code name} is an IPv4 literal or a bracketed IPv6 literal of a loopback address */
    private static boolean loopbackLiteral(String name) {
        if (!IPV4.matcher(name).matches() && !IPV6.matcher(name).matches()) {
            return false; // a name: never resolved here, that is what DNS rebinding abuses
        }
        try {
            String literal = name.startsWith("[") ? name.substring(1, name.length() - 1) : name;
            return InetAddress.getByName(literal).isLoopbackAddress(); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** With a wildcard --host: the addresses of this machine's interfaces, and its name. */
    private void addThisMachine() {
        try {
            for (NetworkInterface n : NetworkInterface.networkInterfaces().toList()) {
                for (InetAddress a : n.inetAddresses().toList()) {
                    String literal = a.getHostAddress().replaceFirst("%.*$", "").toLowerCase(Locale.ROOT);
                    names.add(literal.contains(":") ? "[" + literal + "]" : literal);
                }
            }
            InetAddress self = InetAddress.getLocalHost();
            names.add(self.getHostName().toLowerCase(Locale.ROOT));
            names.add(self.getCanonicalHostName().toLowerCase(Locale.ROOT));
        } catch (SocketException | UnknownHostException e) {
            // the names that are known stay accepted; loopback always is
        }
    }
}
