package org.calsim.api.job;

import org.calsim.api.stage.InvalidInputException;
import org.osgi.annotation.versioning.ProviderType;

/** Checks and runs jobs inside the container. Provided by the runtime. */
@ProviderType
public interface JobService {

    /**
     * Checks the job file and its stage chain, then starts the job on its own thread.
     *
     * @param request  the job
     * @param listener progress listener, or {@code null}
     * @return the running job
     * @throws InvalidInputException if the job file or the chain is wrong; nothing has run
     */
    JobRun submit(JobRequest request, JobListener listener);

    /**
     * Checks the job file and its stage chain without running anything.
     *
     * @throws InvalidInputException naming the field, the value and what is allowed
     */
    void check(JobRequest request);
}
