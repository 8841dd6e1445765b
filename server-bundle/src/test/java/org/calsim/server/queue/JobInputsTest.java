package org.calsim.server.queue;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.calsim.api.stage.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The names and limits of a submission's input files: relative paths inside the inputs folder, nested ones too; every
 * name that could reach outside it, or that a file system reads otherwise, is refused naming the field; the limits on
 * files and bytes name their configuration keys; a closed submission leaves nothing behind.
 */
public class JobInputsTest {
    /** Names a client could use to write outside the inputs folder, or that are no path at all. */
    public static final List<String> HOSTILE = List.of("", "/etc/passwd", "/scan.tif", "../token", "slices/../../token",
            "a..b.tif", "..", "slices\\slice-000.tif", "C:scan.tif", "c:/scan.tif", "scan\u0000.tif", "scan\n.tif",
            "scan\u007f.tif", "slices//slice-000.tif", "slices/", "./scan.tif", "slices/./scan.tif");

    @TempDir
    Path data;

    @Test
    void relativeAndNestedNamesArePlacedInTheStagingFolder() throws Exception {
        Path staging;
        try (JobInputs inputs = new JobInputs(data.resolve("uploads"), JobInputs.Limits.DEFAULT)) {
            staging = inputs.folder();
            assertTrue(staging.startsWith(data.resolve("uploads")));
            for (String name : List.of("scan.tif", "slices/slice-000.tif", "slices/slice-001.tif", "a/b/c/.hidden",
                    "scan 01.tif")) {
                Path p = inputs.place("files", name, 3);
                assertEquals(staging.resolve(name), p);
                Files.writeString(p, "abc");
            }
            assertEquals(5, inputs.count());
            assertEquals(List.of("a/b/c/.hidden", "scan 01.tif", "scan.tif", "slices/slice-000.tif",
                    "slices/slice-001.tif"), JobInputs.names(staging));
        }
        assertFalse(Files.exists(staging), "closed without being moved to a job: nothing is left");
    }

    @Test
    void everyHostileNameIsRefusedNamingTheFieldAndNothingIsLeft() throws Exception {
        Path staging;
        try (JobInputs inputs = new JobInputs(data.resolve("uploads"), JobInputs.Limits.DEFAULT)) {
            staging = inputs.folder();
            for (String name : HOSTILE) {
                InvalidInputException e = assertThrows(InvalidInputException.class,
                        () -> inputs.place("files", name, 1), name);
                assertEquals("files", e.field());
                assertEquals(name, e.value());
                assertTrue(e.allowed().startsWith("a relative path inside the job's inputs folder"), e.allowed());
            }
            assertThrows(InvalidInputException.class, () -> inputs.place("files", null, 1));
            assertThrows(InvalidInputException.class, () -> inputs.place("files", "x".repeat(256) + ".tif", 1));
            assertEquals(0, inputs.count());
            try (var left = Files.list(staging)) {
                assertEquals(0, left.count(), "a refused name creates nothing");
            }
        }
        assertFalse(Files.exists(staging));
        assertDoesNotThrow(() -> JobInputs.checkName("files", "slices/slice-000.tif"));
    }

    @Test
    void aNameGivenTwiceOrBothFileAndFolderIsRefused() throws Exception {
        try (JobInputs inputs = new JobInputs(data.resolve("uploads"), JobInputs.Limits.DEFAULT)) {
            Files.writeString(inputs.place("files", "scan.tif", 1), "x");
            assertThrows(InvalidInputException.class, () -> inputs.place("files", "scan.tif", 1));
            assertThrows(InvalidInputException.class, () -> inputs.place("files", "scan.tif/slice-000.tif", 1));
            Files.writeString(inputs.place("files", "slices/slice-000.tif", 1), "x");
            assertThrows(InvalidInputException.class, () -> inputs.place("files", "slices", 1));
            assertEquals(2, inputs.count());
        }
    }

    @Test
    void theLimitsOnFilesAndBytesNameTheirConfiguration() throws Exception {
        try (JobInputs inputs = new JobInputs(data.resolve("uploads"), new JobInputs.Limits(100, 2))) {
            inputs.place("files", "a.tif", 40);
            inputs.place("files", "b.tif", 40);
            InputsTooLargeException files = assertThrows(InputsTooLargeException.class,
                    () -> inputs.place("files", "c.tif", 1));
            assertTrue(files.getMessage().contains("at most 2 input files") && files.getMessage().contains(
                    "upload.max.files"), files.getMessage());
        }
        try (JobInputs inputs = new JobInputs(data.resolve("uploads"), new JobInputs.Limits(100, 2))) {
            inputs.place("files", "a.tif", 60);
            InputsTooLargeException bytes = assertThrows(InputsTooLargeException.class,
                    () -> inputs.place("files", "b.tif", 41));
            assertTrue(bytes.getMessage().contains("101 bytes") && bytes.getMessage().contains("at most 100 bytes")
                    && bytes.getMessage().contains("upload.max.bytes"), bytes.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new JobInputs.Limits(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new JobInputs.Limits(1, JobInputs.MOST_FILES + 1));
        try (var left = Files.list(data.resolve("uploads"))) {
            assertEquals(0, left.count());
        }
    }
}
