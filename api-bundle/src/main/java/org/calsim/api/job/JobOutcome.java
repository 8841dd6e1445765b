package org.calsim.api.job;

import java.nio.file.Path;

/**
 * How a job ended.
 *
 * @param state     {@link JobState#SUCCEEDED}, {@link JobState#FAILED} or {@link JobState#CANCELLED}
 * @param outputDir the results folder
 * @param error     one paragraph on what went wrong, or {@code null} on success
 */
public record JobOutcome(JobState state, Path outputDir, String error) {
}
