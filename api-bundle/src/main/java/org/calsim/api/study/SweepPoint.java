package org.calsim.api.study;

import java.util.Objects;
import org.calsim.api.job.JobRequest;

/**
 * One point of a sweep: a job to run.
 *
 * @param id      stable identifier within the sweep (the same point keeps its id when the sweep is run again), e.g.
 *                {@code p0007}
 * @param request the job, with the point's field values as overrides and the point's own results folder
 */
public record SweepPoint(String id, JobRequest request) {
    public SweepPoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(request.outputDir(), "request.outputDir");
    }
}
