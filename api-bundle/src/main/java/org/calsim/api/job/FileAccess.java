package org.calsim.api.job;

/**
 * Which files the file parameters of a job ({@code fit_csv}, {@code parameter_file}, {@code model_file}, …) may
 * name. The runtime resolves every file parameter in one place against the job's folder
 * ({@link JobRequest#baseDir()}) under this policy; stages only ever see the resolved file.
 */
public enum FileAccess {
    /**
     * Only files inside the job's folder, named by a relative path. Absolute paths, paths whose {@code ..} lead
     * out of the folder and symbolic links whose target lies outside it (real paths are compared) are refused.
     * The policy of every job that someone other than the machine's own user can submit: lab-server jobs and the
     * points a cluster member runs for another machine's sweep (which resolve against the files shipped with the
     * point, never the publisher's folder). The default of {@link JobRequest}.
     */
    JOB_FOLDER,
    /**
     * Also absolute paths and paths outside the job's folder: a user running their own job file on their own
     * machine ({@code calsim run}, {@code calsim check}, the shell's {@code calsim:run}, and the points of a
     * {@code calsim sweep} or {@code calsim optimise} that run in the same container) may name any file they can
     * read themselves.
     */
    LOCAL_USER
}
