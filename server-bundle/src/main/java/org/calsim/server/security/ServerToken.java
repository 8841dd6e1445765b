package org.calsim.server.security;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import org.calsim.server.store.LabStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * The lab server's access token: 32 random bytes (64 hex digits), generated on the first start and stored in
 * {@code <data>/token}, created readable by its owner only (mode 600 from the moment the file exists, never wider).
 * Shown once, when it is generated; afterwards it is read from the file (that is where a user finds it again), and
 * a file that does not hold 64 hex digits stops the server with a message saying so. Whoever holds it can submit
 * jobs and deploy bundles, that is run code as the user the server runs as. Requests that change anything carry it
 * as {@code Authorization: Bearer <token>}; on an address other than loopback every request does
 * ({@link RequestGuard}).
 */
@Component(service = ServerToken.class, configurationPid = LabStore.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
public final class ServerToken {
    /** The token file's name in the data folder. */
    public static final String FILE = "token";
    private static final int BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{" + 2 * BYTES + "}");
    private final byte[] token;

    /** The token of the lab server whose data folder {@code store} holds. */
    @Activate
    public ServerToken(@Reference LabStore store) throws IOException {
        this(store.dataDir());
    }

    /**
     * Reads the token of the data folder {@code dataDir}, generating it first if there is none.
     *
     * @throws IOException if it cannot be written or read, or the file does not hold a token
     */
    public ServerToken(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            byte[] bytes = new byte[BYTES];
            new SecureRandom().nextBytes(bytes);
            String text = HexFormat.of().formatHex(bytes);
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.deleteIfExists(tmp);
            try (FileChannel channel = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), ownerOnly());
                 Writer w = Channels.newWriter(channel, StandardCharsets.US_ASCII)) {
                w.write(text + "\n");
                w.flush();
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("calsim: lab server token (shown once; stored in " + file + "): " + text);
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (!FORMAT.matcher(text).matches()) {
            throw new IOException("the token file " + file + " does not hold a token (" + 2 * BYTES + " hex digits, "
                    + "0-9 and a-f); delete it and start the server again to generate a new one");
        }
        token = text.getBytes(StandardCharsets.US_ASCII);
    }

    /** @return file attributes that make a new file readable and writable by its owner only, where POSIX applies */
    static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0]; // not a POSIX file system: the folder's own permissions protect it
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    /** @return whether {@code header} (an Authorization header, or null) carries the token */
    public boolean accepts(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, token); // constant time
    }
}
