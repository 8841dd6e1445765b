package org.calsim.server.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.calsim.server.store.LabStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * The lab server's access token: 32 random bytes (hex), generated on the first start and stored in
 * {@code <data>/token}, readable by its owner only. Shown once, when it is generated; afterwards it is read from the
 * file (that is where a user finds it again). Requests that change anything carry it as
 * {@code Authorization: Bearer <token>}; on an address other than loopback every request does.
 */
@Component(service = ServerToken.class, configurationPid = LabStore.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
public final class ServerToken {
    /** The token file's name in the data folder. */
    public static final String FILE = "token";
    private static final int BYTES = 32;
    private final byte[] token;

    /** The configuration read here. */
    public @interface Config {
        /** @return the address the server listens on */
        String http_host() default "127.0.0.1";
    }

    private final boolean loopback;

    @Activate
    public ServerToken(@Reference LabStore store, Config config) throws IOException {
        Path file = store.dataDir().resolve(FILE);
        if (!Files.exists(file)) {
            byte[] bytes = new byte[BYTES];
            new SecureRandom().nextBytes(bytes);
            String text = HexFormat.of().formatHex(bytes);
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.writeString(tmp, text + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions protect it
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            System.out.println("calsim: lab server token (shown once; stored in " + file + "): " + text);
        }
        token = Files.readString(file, StandardCharsets.US_ASCII).trim().getBytes(StandardCharsets.US_ASCII);
        String host = config.http_host();
        loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }

    /** @return whether {@code header} (an Authorization header, or null) carries the token */
    public boolean accepts(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, token); // constant time
    }

    /** @return whether the server listens on loopback only (then reading needs no token) */
    public boolean loopback() {
        return loopback;
    }
}
