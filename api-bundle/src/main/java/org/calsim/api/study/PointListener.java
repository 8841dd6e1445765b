package org.calsim.api.study;

import org.calsim.api.job.JobOutcome;
import org.calsim.api.job.JobProgress;
import org.osgi.annotation.versioning.ConsumerType;

/** Hears what happens to the points of a sweep. Called from the executor's threads. */
@ConsumerType
public interface PointListener {

    /** The point's job reports progress. */
    void progress(String id, JobProgress progress);

    /**
     * The point ended: succeeded, failed (its job file or chain was rejected, or a stage failed) or cancelled.
     *
     * @param outcome how it ended; its results folder holds {@code summary.json}
     */
    void finished(String id, JobOutcome outcome);
}
