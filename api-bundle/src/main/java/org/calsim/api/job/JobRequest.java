package org.calsim.api.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A job to run.
 *
 * @param source    the job file's text (YAML or JSON)
 * @param baseDir   folder that relative file paths in the job are resolved against (the job file's folder)
 * @param outputDir where results go; {@code null} for {@code results/<job name>} under the working directory
 * @param overrides {@code path=value} settings applied to the job file before validation,
 *                  e.g. {@code calendering.line_load_kN_per_m=120} or {@code stages[1].with.alpha=1.6}
 * @param files     which files the job's file parameters may name (since 1.1)
 */
public record JobRequest(String source, Path baseDir, Path outputDir, List<String> overrides, FileAccess files) {
    public JobRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(baseDir, "baseDir");
        Objects.requireNonNull(files, "files");
        overrides = List.copyOf(overrides);
    }

    /** A job whose file parameters stay inside {@code baseDir} ({@link FileAccess#JOB_FOLDER}). */
    public JobRequest(String source, Path baseDir, Path outputDir, List<String> overrides) {
        this(source, baseDir, outputDir, overrides, FileAccess.JOB_FOLDER);
    }
}
