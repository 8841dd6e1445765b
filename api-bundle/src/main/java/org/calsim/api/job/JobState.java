package org.calsim.api.job;

/** Life cycle of a job. */
public enum JobState {
    /** checked, waiting to run */
    QUEUED,
    /** a stage is running */
    RUNNING,
    /** waiting for a service that went away (e.g. the contact law was uninstalled) */
    PAUSED,
    /** every stage finished */
    SUCCEEDED,
    /** a stage failed; results of earlier stages are kept */
    FAILED,
    /** cancelled; results of earlier stages are kept */
    CANCELLED;

    /** @return whether the job has ended */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
