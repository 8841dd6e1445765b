package org.calsim.runtime.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import org.calsim.api.job.FileAccess;
import org.calsim.api.stage.InvalidInputException;

/**
 * The folder a job's file parameters are resolved against, and the policy for what they may name: the one place
 * where a job-file path becomes a file a stage reads.
 *
 * <p>Under {@link FileAccess#JOB_FOLDER} (lab-server jobs, cluster points) a value must be a relative path to a regular
 * file inside the folder: absolute paths are refused, and so is any path whose real location (after {@code ..} and
 * symbolic links, {@link Path#toRealPath}) is not inside the folder's real location. Under
 * {@link FileAccess#LOCAL_USER} (a local {@code calsim run}, {@code check}, {@code sweep}, {@code optimise}) any
 * readable file the user names is accepted, relative paths still resolving against the folder.
 *
 * @param dir    the job's folder (the job file's folder; a lab-server job's own folder; a cluster point's inputs)
 * @param access what the job may name
 */
public record JobFolder(Path dir, FileAccess access) {

    /** What a confined job's file parameter may be, for messages. */
    static final String CONFINED = "a path relative to the job's folder naming a file inside it (absolute paths, "
            + "'..' and links leading out of the folder are refused for lab-server jobs and cluster points; only a job "
            + "run on the user's own machine (calsim run, check, sweep, optimise) may name files elsewhere)";

    public JobFolder {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(access, "access");
    }

    /** @return the folder {@code dir} under {@link FileAccess#JOB_FOLDER} */
    public static JobFolder confined(Path dir) {
        return new JobFolder(dir, FileAccess.JOB_FOLDER);
    }

    /**
     * @param field the field's path in the job file, for messages, e.g. {@code stages[2].with.fit_csv}
     * @param value the path as the job file writes it
     * @return the file: its real path under {@link FileAccess#JOB_FOLDER}, else the normalised path
     * @throws InvalidInputException naming the field, the value and what is allowed, if the path is not allowed or
     *                               names no regular file
     */
    public Path resolve(String field, String value) {
        boolean confined = access == FileAccess.JOB_FOLDER;
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, value, confined ? CONFINED
                    : "a path to a file, relative to the job file");
        }
        Path named;
        try {
            named = Path.of(value);
        } catch (InvalidPathException e) {
            throw new InvalidInputException(field, value, "a valid file path (" + e.getReason() + ")");
        }
        if (confined && (named.isAbsolute() || named.getRoot() != null)) {
            throw new InvalidInputException(field, value, CONFINED);
        }
        Path root = dir.toAbsolutePath().normalize();
        Path file = root.resolve(named).normalize();
        if (confined && !file.startsWith(root)) {
            throw new InvalidInputException(field, value, CONFINED);
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(field, value, confined ? "an existing file in the job's folder"
                    : "an existing file (looked for " + file + ")");
        }
        if (!confined) {
            return file;
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                throw new InvalidInputException(field, value, CONFINED);
            }
            return real;
        } catch (IOException e) {
            throw new InvalidInputException(field, value, "an existing file in the job's folder");
        }
    }
}
