package org.calsim.api.job;

import org.osgi.annotation.versioning.ProviderType;

/** A submitted job. */
@ProviderType
public interface JobRun {

    /** @return the job's name */
    String name();

    /** @return current state */
    JobState state();

    /** @return latest progress */
    JobProgress progress();

    /** Asks the job to stop at the next step boundary; earlier stages' results are kept. */
    void cancel();

    /** @return the outcome, waiting for the job to end */
    JobOutcome await() throws InterruptedException;
}
