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

    @Test
    void downloadsAreAttachmentsWithASafeName() {
        assertEquals("attachment; filename=\"stress.svg\"", JobsServlet.attachment("stress.svg"));
        assertEquals("attachment; filename=\"a__b_.csv\"", JobsServlet.attachment("a\"\nb;.csv"));
        assertEquals("inline; filename=\"a__b_.png\"", JobsServlet.inline("a\"\nb;.png"));
    }
}
