package org.calsim.api.study;

import java.nio.file.Path;
import java.util.List;

/**
 * What a study produced.
 *
 * @param folder where its files are
 * @param lines  the headline results for a terminal, one per line (e.g. "points: 64 succeeded, 0 failed")
 * @param failed whether the study as a whole failed (e.g. every point of a sweep failed)
 */
public record StudyReport(Path folder, List<String> lines, boolean failed) {
    public StudyReport {
        lines = List.copyOf(lines);
    }
}
