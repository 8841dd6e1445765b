package org.calsim.cluster.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.calsim.api.stage.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterTokenTest {
    @TempDir
    Path dir;

    @Test
    void aServerCreatesTheTokenReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("data/cluster-token");
        ClusterToken created = ClusterToken.load(file, true);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).strip().matches("[0-9a-f]{64}"));
        assertEquals(created.clusterName("lab"), ClusterToken.load(file, false).clusterName("lab"),
                "a member reading the same file computes the same cluster name");
    }

    @Test
    void theClusterNameDependsOnTokenAndNameAndHidesTheToken() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.writeString(a, "00".repeat(32));
        Files.writeString(b, "01" + "00".repeat(31));
        String name = ClusterToken.load(a, false).clusterName("lab");
        assertTrue(name.matches("lab-[0-9a-f]{24}"), name);
        assertNotEquals(name, ClusterToken.load(b, false).clusterName("lab"));
        assertNotEquals(name.substring(4), ClusterToken.load(a, false).clusterName("lab2").substring(5));
        // HMAC-SHA256(key = 32 zero bytes, "calsim-cluster:lab"), first 12 bytes, computed with Python's hmac module
        assertEquals("lab-644a0ee29267d85184592e9d", name);
    }

    @Test
    void aSubmitterRefusesAMissingOrBrokenToken() throws Exception {
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> ClusterToken.load(dir.resolve("none"), false));
        assertTrue(missing.getMessage().startsWith("--cluster-token: "), missing.getMessage());
        assertTrue(missing.getMessage().contains("copy it from the data folder"), missing.getMessage());
        Path broken = dir.resolve("broken");
        Files.writeString(broken, "not a token");
        InvalidInputException bad = assertThrows(InvalidInputException.class, () -> ClusterToken.load(broken, true));
        assertTrue(bad.getMessage().contains("64 lower-case hex digits"), bad.getMessage());
    }
}
