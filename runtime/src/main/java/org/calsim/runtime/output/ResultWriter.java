package org.calsim.runtime.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Table;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.support.files.AtomicFiles;
import org.calsim.support.json.Json;

/**
 * Writes a job's results folder: per-stage CSV tables and PNG plots, {@code summary.json} and
 * {@code provenance.json}. Every file is written atomically. A folder that already holds an earlier
 * calsim result is emptied first (except its {@value #CHECKPOINTS} and {@value #INPUTS} folders), so no stale file
 * passes for a result of this run; any other non-empty folder is refused.
 *
 * <p>An earlier result is recognised by its {@value #PROVENANCE}, written when a job ends, or by the marker
 * {@value #MARKER}, written when a job starts: a run that was killed (SIGKILL, power loss) before it ended leaves the
 * marker, so the same folder can be run again and resume from its checkpoints. A folder that holds nothing but
 * {@value #CHECKPOINTS} (what the lab server keeps of an interrupted run) and {@value #INPUTS} (the files a lab-server
 * job was submitted with, which it reads) is accepted as well.
 */
public final class ResultWriter {
    /** File that marks a folder as a calsim results folder. */
    public static final String PROVENANCE = "provenance.json";
    /** Headline numbers. */
    public static final String SUMMARY = "summary.json";
    /** Sub-folder of restart data, kept across runs (a job resumes from it). */
    public static final String CHECKPOINTS = "checkpoints";
    /**
     * Sub-folder of the job's own input files, kept across runs: a lab-server job submitted with files keeps them in
     * its results folder and reads them from there (its base folder).
     */
    public static final String INPUTS = "inputs";
    /** Prefix of a running stage's staging folder. */
    public static final String STAGING_PREFIX = ".staging-";
    /** Empty file written first into a results folder: calsim's, even when the run never ended. */
    public static final String MARKER = ".calsim-results";

    private final Path dir;

    private ResultWriter(Path dir) {
        this.dir = dir;
    }

    /**
     * Checks that {@code dir} can take results, without touching it.
     *
     * @throws InvalidInputException if it is a file, or a non-empty folder that is not a calsim results folder
     */
    public static void check(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidInputException("--out", dir.toString(), "a folder (this is a file)");
        }
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(PROVENANCE)) && !Files.exists(dir.resolve(MARKER))
                && !onlyKept(dir)) {
            throw new InvalidInputException("--out", dir.toString(), "an empty folder, a new one, or an earlier "
                    + "calsim results folder (this one has other files; calsim will not mix its results with them)");
        }
    }

    /**
     * Creates or empties {@code dir} (files and stage folders; the {@value #CHECKPOINTS} folder is kept, so a
     * job can resume, and the {@value #INPUTS} folder, which the job reads) and returns a writer into it.
     */
    public static ResultWriter open(Path dir) throws IOException {
        check(dir);
        Files.createDirectories(dir);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (!kept(f)) {
                    deleteTree(f);
                }
            }
        }
        Files.write(dir.resolve(MARKER), new byte[0]);
        return new ResultWriter(dir);
    }

    /**
     * A writer into an existing folder that keeps what is there (a study's folder, where the study wrote its own
     * files first).
     */
    public static ResultWriter append(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new ResultWriter(dir);
    }

    /** Deletes a file or a folder with everything in it; nothing when it does not exist. */
    public static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(path)) {
                for (Path f : s) {
                    deleteTree(f);
                }
            }
        }
        Files.delete(path);
    }

    /**
     * Publishes a stage's staging folder as {@code <stem>/} (a rename, so it appears whole or not at all).
     *
     * @return the published files, relative to the results folder; empty when the stage wrote none
     */
    public List<String> publishFolder(Path staging, String stem) throws IOException {
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        Path target = dir.resolve(stem);
        deleteTree(target);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.syncFolder(dir);
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(target)) {
            for (Path f : s) {
                names.add(stem + "/" + f.getFileName());
            }
        }
        Collections.sort(names);
        return names;
    }

    /** @return the results folder */
    public Path dir() {
        return dir;
    }

    /**
     * Writes a stage's tables and plots.
     *
     * @param stem file-name prefix for the stage, e.g. {@code empirical.porosity}
     * @return the file names written
     */
    public List<String> writeStage(String stem, Map<String, Table> tables, List<Plot> plots) throws IOException {
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, Table> t : tables.entrySet()) {
            String name = stem + "-" + t.getKey() + ".csv";
            CsvTables.write(t.getValue(), dir.resolve(name));
            written.add(name);
        }
        for (Plot p : plots) {
            String name = stem + "-" + p.name() + ".png";
            PlotRenderer.render(p, dir.resolve(name));
            written.add(name);
        }
        return written;
    }

    /** Writes a JSON document atomically. */
    public void writeJson(String name, ObjectNode document) throws IOException {
        AtomicFiles.write(dir.resolve(name), out -> Json.pretty().writeValue(out, document));
    }

    /** Writes a text file atomically. */
    public void writeText(String name, String text) throws IOException {
        AtomicFiles.write(dir.resolve(name), out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** @return a new JSON object */
    public static ObjectNode object() {
        return Json.object();
    }

    /** @return whether {@code dir} is empty or holds only a {@value #CHECKPOINTS} and an {@value #INPUTS} folder */
    private static boolean onlyKept(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path f : s) {
                if (!kept(f)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return whether {@code f} is a {@value #CHECKPOINTS} or {@value #INPUTS} folder, which a new run keeps */
    private static boolean kept(Path f) {
        String name = f.getFileName().toString();
        return (name.equals(CHECKPOINTS) || name.equals(INPUTS)) && Files.isDirectory(f);
    }
}
