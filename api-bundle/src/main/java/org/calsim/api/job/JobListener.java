package org.calsim.api.job;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives a job's progress. Called on the job's thread, so a slow listener slows the job; a listener
 * that throws is removed and the job goes on.
 */
@ConsumerType
@FunctionalInterface
public interface JobListener {

    /** @param progress the latest progress */
    void onProgress(JobProgress progress);
}
