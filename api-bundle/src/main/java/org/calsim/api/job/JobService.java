package org.calsim.api.job;

import java.util.List;
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

    /**
     * The files the job reads through its file parameters, and those its stages name besides
     * ({@link org.calsim.api.stage.Solver#filesRead}, e.g. the slices of a TIFF series after the first), for
     * shipping the job to another machine: checks the job
     * as {@link #check} does, and each file must lie inside the job's folder ({@link JobRequest#baseDir()}, real
     * paths compared), whatever {@link JobRequest#files()} allows. Since 1.1.
     *
     * @return each file's path relative to the job's folder, with {@code /} between names, in the order the job names
     *         them, each once
     * @throws InvalidInputException as {@link #check} does, or naming the file parameter whose file (or the stage
     *                               whose file read) lies outside the job's folder
     */
    List<String> inputFiles(JobRequest request);
}
