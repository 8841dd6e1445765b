package org.calsim.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabStoreTest {

    @TempDir
    Path dir;

    @Test
    void createsTheDatabaseAndTheJobsTableAndCountsRowsAfterReopening() throws Exception {
        try (LabStore store = new LabStore(dir)) {
            assertEquals(0, store.jobCount());
        }
        assertTrue(Files.isRegularFile(dir.resolve(LabStore.DATABASE + ".mv.db")));
        try (Connection c = new org.h2.Driver().connect("jdbc:h2:file:" + dir.resolve(LabStore.DATABASE), new Properties());
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO jobs(name, state) VALUES ('quickstart', 'succeeded'), ('sweep', 'running')");
        }
        try (LabStore store = new LabStore(dir)) {
            assertEquals(2, store.jobCount());
        }
    }

    @Test
    void aMissingDataFolderIsNamed() {
        Path missing = dir.resolve("missing");
        SQLException e = assertThrows(SQLException.class, () -> new LabStore(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
