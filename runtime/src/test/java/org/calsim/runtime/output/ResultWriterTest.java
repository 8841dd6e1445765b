package org.calsim.runtime.output;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.calsim.api.stage.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which folders take results: new, empty, earlier results (also of a run killed before it ended), one holding only a
 * lab-server job's inputs, nothing else.
 */
class ResultWriterTest {
    @TempDir
    Path dir;

    @Test
    void aFolderOfAKilledRunCanBeRunAgainAndKeepsItsCheckpoints() throws Exception {
        Path out = dir.resolve("out");
        ResultWriter.open(out);
        assertTrue(Files.exists(out.resolve(ResultWriter.MARKER)), "marked as calsim's before any stage runs");
        // what a run killed in its second stage leaves: no provenance.json, a staging folder, a checkpoint
        Files.createDirectories(out.resolve(".staging-dem.calender"));
        Files.createDirectories(out.resolve("dem.generate"));
        Files.writeString(out.resolve("dem.generate-porosity-profile.csv"), "x\n");
        Path checkpoint = Files.createDirectories(out.resolve("checkpoints/dem.calender")).resolve("dem-calender.ckpt");
        Files.writeString(checkpoint, "state");

        assertDoesNotThrow(() -> ResultWriter.check(out));
        ResultWriter.open(out);
        assertTrue(Files.exists(checkpoint), "checkpoints are kept");
        assertFalse(Files.exists(out.resolve("dem.generate")), "results of the killed run are removed");
        assertFalse(Files.exists(out.resolve(".staging-dem.calender")));
    }

    @Test
    void aFolderWithOnlyCheckpointsIsAccepted() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("checkpoints/dem.calender"));
        assertDoesNotThrow(() -> ResultWriter.check(out));
    }

    @Test
    void aLabServerJobsInputsAreAcceptedAndKeptAcrossRuns() throws Exception {
        Path out = dir.resolve("out");
        Path scan = Files.createDirectories(out.resolve("inputs/slices")).resolve("slice-000.tif");
        Files.writeString(scan, "tiff");
        assertDoesNotThrow(() -> ResultWriter.check(out));
        ResultWriter.open(out);
        Files.createDirectories(out.resolve("image.load"));
        ResultWriter.open(out);
        assertTrue(Files.exists(scan), "the job's inputs are kept");
        assertFalse(Files.exists(out.resolve("image.load")), "results of the earlier run are removed");
    }

    @Test
    void aFolderWithOtherFilesIsRefused() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("thesis.tex"), "\\documentclass{article}");
        assertThrows(InvalidInputException.class, () -> ResultWriter.check(out));
        Files.delete(out.resolve("thesis.tex"));
        Files.writeString(out.resolve("checkpoints"), "a file, not calsim's folder");
        assertThrows(InvalidInputException.class, () -> ResultWriter.check(out));
    }
}
