package org.calsim.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.calsim.server.FakeHttp;
import org.calsim.server.security.RequestGuard;
import org.calsim.server.security.ServerToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API servlet guards itself: with no filter in front of it (the moment after a start, before the Http Whiteboard
 * applies the filter) a change without the token and a request to a foreign Host never reach its handler.
 */
class GuardedServletTest {
    @TempDir
    Path data;

    @Test
    void noFilterNeededForTheTokenAndTheHost() throws Exception {
        RequestGuard guard = new RequestGuard(new ServerToken(data), "127.0.0.1", 8080);
        AtomicBoolean handled = new AtomicBoolean();
        GuardedServlet servlet = new GuardedServlet(guard) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) {
                handled.set(true);
                response.setStatus(201);
            }

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                handled.set(true);
            }
        };
        FakeHttp.Response r = new FakeHttp.Response();
        servlet.service(FakeHttp.request("POST", "/api/jobs", "Host", "127.0.0.1:8080"), r.servlet());
        assertEquals(401, r.status);
        assertFalse(handled.get());

        r = new FakeHttp.Response();
        servlet.service(FakeHttp.request("GET", "/api/jobs", "Host", "evil.example.com:8080"), r.servlet());
        assertEquals(421, r.status);
        assertFalse(handled.get());

        r = new FakeHttp.Response();
        servlet.service(FakeHttp.request("POST", "/api/jobs", "Host", "127.0.0.1:8080", "Authorization",
                "Bearer " + Files.readString(data.resolve(ServerToken.FILE)).trim()), r.servlet());
        assertEquals(201, r.status);
        assertTrue(handled.get());
        assertEquals("DENY", r.headers.get("x-frame-options"));
    }

    /**
     * Unknown methods get 405 with Allow (not the servlet default 501), and a query that is not well formed gets a
     * JSON 400 before the container parses it (it answered {@code ?set=%zz} with a 500 and a stack trace).
     */
    @Test
    void unknownMethodsAndMalformedQueriesAreTheClientsError() throws Exception {
        RequestGuard guard = new RequestGuard(new ServerToken(data), "127.0.0.1", 8080);
        String token = "Bearer " + Files.readString(data.resolve(ServerToken.FILE)).trim();
        GuardedServlet servlet = new GuardedServlet(guard) {
            private static final long serialVersionUID = 1L;
        };
        FakeHttp.Response r = new FakeHttp.Response();
        servlet.service(FakeHttp.request("PATCH", "/api/jobs", "Host", "127.0.0.1:8080", "Authorization", token),
                r.servlet());
        assertEquals(405, r.status);
        assertTrue(r.headers.get("allow").contains("DELETE"), r.headers.toString());
        r = new FakeHttp.Response();
        servlet.service(FakeHttp.request("POST", "/api/jobs", "Host", "127.0.0.1:8080", "Authorization", token,
                ":query", "set=%zz"), r.servlet());
        assertEquals(400, r.status);
        assertTrue(r.text().contains("percent-encoded"), r.text());
        assertTrue(GuardedServlet.wellFormed("set=stages%5B0%5D.with.x%3D1&set=a=b"));
        assertFalse(GuardedServlet.wellFormed("set=%2"));
    }

    @Test
    void downloadsAreAttachmentsWithASafeName() {
        assertEquals("attachment; filename=\"stress.svg\"", JobsServlet.attachment("stress.svg"));
        assertEquals("attachment; filename=\"a__b_.csv\"", JobsServlet.attachment("a\"\nb;.csv"));
        assertEquals("inline; filename=\"a__b_.png\"", JobsServlet.inline("a\"\nb;.png"));
    }
}
