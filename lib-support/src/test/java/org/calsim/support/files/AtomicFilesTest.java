package org.calsim.support.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole files or the old ones, never half, and no temporary file left behind. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFileIsWrittenReplacedAndCopiedWhole() throws Exception {
        Path file = dir.resolve("summary.json");
        AtomicFiles.write(file, "{\"a\": 1}".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(file, out -> {
            out.write("{\"b\": 2}".getBytes(StandardCharsets.UTF_8));
            out.close(); // as Jackson does: only a flush
        });
        assertEquals("{\"b\": 2}", Files.readString(file));
        Path copy = dir.resolve("copy.json");
        AtomicFiles.copy(file, copy);
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(copy));
        try (var entries = Files.list(dir)) {
            assertEquals(List.of("copy.json", "summary.json"), entries.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "no temporary file left");
        }
    }

    /** A writer that fails half-way leaves the old file as it was and no temporary file. */
    @Test
    void aFailedWriteKeepsTheOldFile() throws Exception {
        Path file = dir.resolve("checkpoint.ckpt");
        AtomicFiles.write(file, new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write(new byte[1 << 20]);
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
        try (var entries = Files.list(dir)) {
            assertEquals(1, entries.count(), "no temporary file left");
        }
    }
}
