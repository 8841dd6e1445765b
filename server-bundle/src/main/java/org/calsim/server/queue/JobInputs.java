package org.calsim.server.queue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.calsim.api.stage.InvalidInputException;

/**
 * The input files of one submission on their way into the lab server (an XCT scan, a folder of TIFF slices, a
 * LIGGGHTS dump): written to a staging folder of their own under {@code <data>/}{@value #STAGING}{@code /}, each
 * under a relative name checked here, within the server's {@link Limits}. The job is checked against that folder
 * ({@link JobQueue#submit(String, List, JobInputs)}); only a job that passes is stored, and its staging folder is then
 * renamed to the job's {@code <data>/jobs/<id>/}{@value #FOLDER}{@code /}, its base folder. Closing the inputs removes
 * the staging folder if it was not moved: a refused submission leaves no file behind.
 *
 * <p>Every name is untrusted. It must be a relative path inside the inputs folder, {@code /} between its names:
 * absolute paths, a leading {@code /}, drive letters, {@code ..}, backslashes, control characters (NUL among them),
 * empty names and names given twice are refused with the field, the value and what is allowed.
 */
public final class JobInputs implements AutoCloseable {
    /**
     * The folder of a job's inputs inside its own folder, {@code <data>/jobs/<id>/inputs/}; the runtime keeps a
     * folder of this name when it writes a job's results into the job's folder ({@code ResultWriter.INPUTS}).
     */
    public static final String FOLDER = "inputs";
    /** The folder under the data folder where submissions are staged (emptied at every start of the server). */
    static final String STAGING = "uploads";
    /** The most files a server can be configured to take in one submission. */
    public static final int MOST_FILES = 100_000;
    /** What a name may be, for messages. */
    public static final String NAMES = "a relative path inside the job's inputs folder, '/' between its names, as the "
            + "job names it (e.g. scan.tif or slices/slice-000.tif): not empty, at most " + Limits.MOST_CHARS
            + " characters and " + Limits.MOST_NAME_BYTES + " bytes per name, no leading '/', drive letter, '..', "
            + "backslash, control character or empty name, each path once and never both a file and a folder";
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);

    /**
     * How much one submission may bring.
     *
     * @param maxBytes the largest submission in bytes, its files and its job file together
     *                 ({@code upload.max.bytes} of the server's configuration)
     * @param maxFiles the most files ({@code upload.max.files}), 1 to {@value JobInputs#MOST_FILES}
     */
    public record Limits(long maxBytes, int maxFiles) {
        /** The default largest submission: 2 GiB. */
        public static final long DEFAULT_MAX_BYTES = 2L << 30;
        /** The default most files: 10 000. */
        public static final int DEFAULT_MAX_FILES = 10_000;
        /** 2 GiB and 10 000 files. */
        public static final Limits DEFAULT = new Limits(DEFAULT_MAX_BYTES, DEFAULT_MAX_FILES);
        static final int MOST_CHARS = 1024;
        static final int MOST_NAME_BYTES = 255;

        /** @throws IllegalArgumentException if a limit is out of its range */
        public Limits {
            if (maxBytes < 1) {
                throw new IllegalArgumentException("upload.max.bytes is " + maxBytes + "; expected a number of bytes "
                        + "of at least 1");
            }
            if (maxFiles < 1 || maxFiles > MOST_FILES) {
                throw new IllegalArgumentException("upload.max.files is " + maxFiles + "; expected a whole number "
                        + "from 1 to " + MOST_FILES);
            }
        }

        /** @return the 413 message for a submission of {@code bytes} bytes */
        public String tooManyBytes(long bytes) {
            return "the submission is " + bytes + " bytes; this server takes at most " + maxBytes + " bytes ("
                    + mb(maxBytes) + ") in one submission (its upload.max.bytes: calsim serve --upload-max-mb)";
        }

        /** @return the 413 message for a submission of more than {@link #maxFiles} files */
        String tooManyFiles() {
            return "the submission has more than " + maxFiles + " files; this server takes at most " + maxFiles
                    + " input files in one submission (its upload.max.files: calsim serve --upload-max-files)";
        }

        /** @return {@code bytes} in MB of 2^20 bytes, as {@code calsim serve --upload-max-mb} takes them */
        private static String mb(long bytes) {
            return bytes % (1L << 20) == 0 ? (bytes >> 20) + " MB"
                    : String.format(Locale.ROOT, "%.2f MB", bytes / (double) (1L << 20));
        }
    }

    private final Path folder;
    private final Limits limits;
    private int files;
    private long bytes;
    private boolean moved;

    /** Creates an empty staging folder under {@code stagingRoot}. */
    JobInputs(Path stagingRoot, Limits limits) throws IOException {
        this.limits = limits;
        this.folder = Files.createTempDirectory(Files.createDirectories(stagingRoot), "job-");
    }

    /**
     * Checks a file's name and the limits, and gives the place of the file in the staging folder, its folders created.
     * The caller writes the file there.
     *
     * @param field the field that gave the file (a form part's name), for messages
     * @param name  the file's relative path as given
     * @param size  the file's length in bytes
     * @return the path to write the file to; nothing is there yet
     * @throws InvalidInputException     if the name is not allowed ({@link #NAMES})
     * @throws InputsTooLargeException if the file is one more than {@link Limits#maxFiles} or brings the bytes over
     *                                 {@link Limits#maxBytes}
     * @throws IOException             if its folders cannot be created
     */
    public Path place(String field, String name, long size) throws InputsTooLargeException, IOException {
        checkName(field, name);
        if (files + 1 > limits.maxFiles()) {
            throw new InputsTooLargeException(limits.tooManyFiles());
        }
        if (bytes + size > limits.maxBytes()) {
            throw new InputsTooLargeException(limits.tooManyBytes(bytes + size));
        }
        Path file;
        try {
            file = folder.resolve(name);
        } catch (InvalidPathException e) {
            throw new InvalidInputException(field, name, "a name this server's file system can hold (" + e.getReason()
                    + "); " + NAMES);
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidInputException(field, name, NAMES + " (this path is given twice, or is the folder of "
                    + "another file)");
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (FileAlreadyExistsException e) {
            throw new InvalidInputException(field, name, NAMES + " (a folder on this path is a file given before)");
        }
        files++;
        bytes += size;
        return file;
    }

    /**
     * @param field the field that gave the name, for messages
     * @param name  a file's relative path as given
     * @throws InvalidInputException if it is not {@link #NAMES}
     */
    static void checkName(String field, String name) {
        if (name == null || name.isEmpty() || name.length() > Limits.MOST_CHARS || name.startsWith("/")
                || name.contains("\\") || name.contains("..") || DRIVE.matcher(name).matches()
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, name, NAMES);
        }
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.getBytes(StandardCharsets.UTF_8).length
                    > Limits.MOST_NAME_BYTES) {
                throw new InvalidInputException(field, name, NAMES);
            }
        }
    }

    /** @return how many files were placed */
    public int count() {
        return files;
    }

    /** @return the staging folder, the base folder the job is checked against */
    public Path folder() {
        return folder;
    }

    /** Renames the staging folder to {@code target} (atomically: the job's inputs appear whole or not at all). */
    void moveTo(Path target) throws IOException {
        Files.move(folder, target, StandardCopyOption.ATOMIC_MOVE);
        moved = true;
    }

    /**
     * @param inputs a job's inputs folder
     * @return its files, relative to it with {@code /} between names, sorted; none if there is no such folder
     */
    public static List<String> names(Path inputs) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(inputs, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (Stream<Path> all = Files.walk(inputs)) {
            all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .forEach(p -> out.add(inputs.relativize(p).toString().replace('\\', '/')));
        }
        Collections.sort(out);
        return out;
    }

    /** Removes the staging folder and what it holds, unless it was moved to a job. */
    @Override
    public void close() throws IOException {
        if (!moved) {
            JobQueue.deleteTree(folder);
        }
    }
}
