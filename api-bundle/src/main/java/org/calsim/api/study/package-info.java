/**
 * Studies over many jobs: sweeps (design of experiments), training surrogates on what they produce, and
 * optimisation. The runtime provides a {@link org.calsim.api.study.SweepExecutor} that runs the points of a sweep
 * on the local machine; a distributed engine can replace it by registering one with a higher ranking. The ML
 * bundle provides the {@link org.calsim.api.study.StudyService} the command line and the lab server call.
 *
 * <p>1.1: {@link org.calsim.api.study.ScalarView}, a service by which a plugin's state key of its own type is written
 * as scalars (summaries, sweep datasets, surrogates), and {@link org.calsim.api.study.StateScalars#entries}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.calsim.api.study;
