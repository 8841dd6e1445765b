package org.calsim.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.calsim.server.FakeHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules every request of the lab server passes: only this server's names in the Host header (DNS rebinding), the
 * token for changes, the headers that forbid framing and sniffing; and the token file itself.
 */
class RequestGuardTest {
    @TempDir
    Path data;

    @Test
    void aForeignHostIsRefusedBeforeAnythingIsRead() throws Exception {
        RequestGuard guard = new RequestGuard(new ServerToken(data), "127.0.0.1", 8080);
        FakeHttp.Response r = new FakeHttp.Response();
        assertFalse(guard.admit(FakeHttp.request("GET", "/api/jobs", "Host", "evil.example.com:8080"), r.servlet()));
        assertEquals(421, r.status);
        assertTrue(r.text().contains("does not answer to the name 'evil.example.com:8080'"), r.text());
        assertEquals("DENY", r.headers.get("x-frame-options"));
        assertEquals("frame-ancestors 'none'", r.headers.get("content-security-policy"));
        assertEquals("nosniff", r.headers.get("x-content-type-options"));
    }

    @Test
    void loopbackNamesAndTheConfiguredHostWithItsPortAreAccepted() throws Exception {
        RequestGuard guard = new RequestGuard(new ServerToken(data), "127.0.0.1", 8080);
        for (String ok : new String[] {"localhost:8080", "127.0.0.1:8080", "[::1]:8080", "127.0.0.1", "LOCALHOST:8080",
            "127.0.0.2:8080"}) {
            assertTrue(guard.acceptsHost(ok), ok);
        }
        for (String bad : new String[] {"evil.example.com", "evil.example.com:8080", "127.0.0.1:8081",
            "localhost.evil.example.com:8080", "127.0.0.1.nip.io:8080", "10.0.0.11:8080", "localhost:x", "", "[::2]:8080"}) {
            assertFalse(guard.acceptsHost(bad), bad);
        }
        assertFalse(guard.acceptsHost(null));

        RequestGuard lab = new RequestGuard(new ServerToken(data), "10.0.0.11", 9000);
        assertTrue(lab.acceptsHost("10.0.0.11:9000"));
        assertTrue(lab.acceptsHost("localhost:9000"));
        assertFalse(lab.acceptsHost("10.0.0.11:8080"));
        assertFalse(lab.acceptsHost("labhost.evil.example.com:9000"));
        assertFalse(lab.loopback());
        assertTrue(guard.loopback());
        assertTrue(new RequestGuard(new ServerToken(data), "localhost", 1).loopback());
        assertTrue(new RequestGuard(new ServerToken(data), "::1", 1).loopback());
    }

    @Test
    void changesNeedTheTokenAndOffLoopbackEveryRequestButHealthDoes() throws Exception {
        ServerToken token = new ServerToken(data);
        String bearer = "Bearer " + Files.readString(data.resolve(ServerToken.FILE)).trim();
        RequestGuard loopback = new RequestGuard(token, "127.0.0.1", 8080);
        FakeHttp.Response r = new FakeHttp.Response();
        assertFalse(loopback.admit(FakeHttp.request("POST", "/api/jobs", "Host", "127.0.0.1:8080"), r.servlet()));
        assertEquals(401, r.status);
        assertTrue(r.text().contains("Authorization: Bearer <token>"), r.text());
        assertTrue(loopback.admit(FakeHttp.request("POST", "/api/jobs", "Host", "127.0.0.1:8080", "Authorization",
                bearer), new FakeHttp.Response().servlet()));
        assertTrue(loopback.admit(FakeHttp.request("GET", "/api/jobs", "Host", "127.0.0.1:8080"),
                new FakeHttp.Response().servlet()));
        assertFalse(loopback.admit(FakeHttp.request("DELETE", "/api/bundles", "Host", "localhost:8080",
                "Authorization", "Bearer 00"), new FakeHttp.Response().servlet()));

        RequestGuard lab = new RequestGuard(token, "10.0.0.11", 8080);
        assertFalse(lab.admit(FakeHttp.request("GET", "/api/jobs", "Host", "10.0.0.11:8080"),
                new FakeHttp.Response().servlet()));
        assertTrue(lab.admit(FakeHttp.request("GET", "/api/health", "Host", "10.0.0.11:8080"),
                new FakeHttp.Response().servlet()));
        assertTrue(lab.admit(FakeHttp.request("GET", "/api/jobs", "Host", "10.0.0.11:8080", "Authorization", bearer),
                new FakeHttp.Response().servlet()));
        assertTrue(lab.admit(FakeHttp.request("GET", "/static/index.html", "Host", "10.0.0.11:8080"),
                new FakeHttp.Response().servlet()));
    }

    @Test
    void theTokenFileIsOwnerOnlyFromTheStartAndItsFormatIsChecked() throws Exception {
        new ServerToken(data);
        Path file = data.resolve(ServerToken.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).trim().matches("[0-9a-f]{64}"));
        assertFalse(Files.exists(data.resolve(ServerToken.FILE + ".tmp")));

        Files.writeString(file, "secret\n");
        Exception e = assertThrows(java.io.IOException.class, () -> new ServerToken(data));
        assertTrue(e.getMessage().contains("does not hold a token (64 hex digits"), e.getMessage());
        Files.writeString(file, "");
        assertThrows(java.io.IOException.class, () -> new ServerToken(data));
    }
}
