package org.calsim.runtime.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.calsim.api.job.FileAccess;
import org.calsim.api.job.JobRequest;
import org.calsim.api.stage.InvalidInputException;

/**
 * Turns a job file on disk into a {@link JobRequest}. The command line runs the user's own job files on their own
 * machine, so its jobs may name files outside the job's folder ({@link FileAccess#LOCAL_USER}).
 */
final class JobFiles {

    private JobFiles() {
    }

    /**
     * @throws InvalidInputException if the file cannot be read
     */
    static JobRequest request(Path file, Path out, List<String> overrides) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("JOB", file.toString(), "the path of an existing job file (YAML or JSON)");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("JOB", file.toString(), "a readable UTF-8 text file (" + e.getMessage() + ")");
        }
        Path base = file.toAbsolutePath().getParent();
        return new JobRequest(text, base, out, overrides == null ? List.of() : overrides, FileAccess.LOCAL_USER);
    }
}
