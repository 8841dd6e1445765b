package org.calsim.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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
    void overridesAreKeptExactlyAsGivenAlsoWithNewlines() throws Exception {
        List<String> overrides = List.of("recipe.name=a\nb", "calendering.line_load_kN_per_m=800", "x=[1, 2]");
        try (LabStore store = new LabStore(dir)) {
            long id = store.insert("q", "name: q\n", overrides);
            assertEquals(overrides, store.job(id).orElseThrow().overrides());
            assertEquals(List.of(), store.job(store.insert("r", "name: r\n", List.of())).orElseThrow().overrides());
        }
        assertEquals(List.of("a=1", "b=2"), LabStore.overrides("a=1\nb=2")); // as older databases hold them
    }

    @Test
    void aMissingDataFolderIsNamed() {
        Path missing = dir.resolve("missing");
        SQLException e = assertThrows(SQLException.class, () -> new LabStore(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
