package org.calsim.cluster.member;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.calsim.api.stage.InvalidInputException;

/**
 * The cluster token: 32 random bytes, hex, in a file readable by its owner only. Members prove they hold it through
 * the Hazelcast cluster name, which is the given name followed by an HMAC-SHA256 of that name under the token: a
 * process without the token cannot compute the name, and Hazelcast refuses members and clients whose cluster name
 * differs. The token itself never travels.
 *
 * <p>Hazelcast's open-source edition has no TLS and no member credentials (both are Enterprise features), so the
 * name does travel in clear text in join messages: a cluster belongs on a trusted lab network, which is why members
 * listen on loopback unless told otherwise.
 */
public final class ClusterToken {
    private static final int BYTES = 32;
    private final String hex;

    private ClusterToken(String hex) {
        this.hex = hex;
    }

    /**
     * Reads the token; a server creates it (owner read/write only) when the file does not exist yet.
     *
     * @param create whether a missing file is created (the first server) or refused (a submitter, which must join an
     *               existing cluster)
     * @throws InvalidInputException if the file is missing (and not to be created) or does not hold a token
     */
    public static ClusterToken load(Path file, boolean create) throws IOException {
        if (!Files.exists(file)) {
            if (!create) {
                throw new InvalidInputException("--cluster-token", file, "the token file of the cluster; copy it from "
                        + "the data folder of one of its servers (<data>/cluster-token)");
            }
            byte[] raw = new byte[BYTES];
            new SecureRandom().nextBytes(raw);
            try {
                writeOwnerOnly(file, HexFormat.of().formatHex(raw));
            } catch (FileAlreadyExistsException e) {
                // another server of the same data folder created it first: read that one
            }
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!text.matches("[0-9a-f]{" + 2 * BYTES + "}")) {
            throw new InvalidInputException("--cluster-token", file, "a file holding " + 2 * BYTES
                    + " lower-case hex digits, as calsim serve writes it");
        }
        return new ClusterToken(text);
    }

    /** @return the Hazelcast cluster name for the calsim cluster {@code name}: {@code name-<24 hex digits>} */
    public String clusterName(String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(hex), "HmacSHA256"));
            byte[] tag = mac.doFinal(("calsim-cluster:" + name).getBytes(StandardCharsets.UTF_8));
            return name + "-" + HexFormat.of().formatHex(tag, 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, text + "\n", StandardCharsets.US_ASCII);
    }
}
