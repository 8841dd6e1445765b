package org.calsim.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.calsim.server.FakeHttp;
import org.calsim.server.security.RequestGuard;
import org.calsim.server.security.ServerToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin upload announced larger than the limit is refused from its Content-Length, before its body is read. */
class RegistryServletTest {
    @TempDir
    Path data;

    @Test
    void anOversizeUploadIsRefusedBeforeItIsRead() throws Exception {
        RegistryServlet servlet = new RegistryServlet(null, null, new RequestGuard(new ServerToken(data), "127.0.0.1",
                8080), null);
        FakeHttp.Response r = new FakeHttp.Response();
        // the fake request has no body: reading it would throw
        servlet.service(FakeHttp.request("POST", "/api/bundles", "Host", "127.0.0.1:8080", "Authorization",
                "Bearer " + Files.readString(data.resolve(ServerToken.FILE)).trim(), "Content-Length",
                Long.toString(3L << 30)), r.servlet());
        assertEquals(413, r.status, r.text());
        assertTrue(r.text().contains("a bundle of at most 50 MB; this one has 3221225472 bytes"), r.text());
    }
}
