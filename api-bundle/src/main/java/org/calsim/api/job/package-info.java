/**
 * Running jobs and looking up what is registered: the services the runtime offers to the CLI, the Gogo
 * shell, the lab server and tests.
 *
 * <p>1.1: {@link org.calsim.api.job.FileAccess}, the policy for the files a job's file parameters may name, carried
 * by {@link org.calsim.api.job.JobRequest#files()}; {@link org.calsim.api.job.JobService#inputFiles}, the files a job
 * reads, for shipping it to a cluster member.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.calsim.api.job;
