/**
 * Stages of a calsim job: solvers and couplers, the typed simulation state they read and give,
 * their declared parameters, progress, cancellation and results.
 *
 * <p>A job is an ordered chain of stages. Each stage is a {@link org.calsim.api.stage.Solver}
 * (or {@link org.calsim.api.stage.Coupler}) service found by its {@code calsim.name} property.
 * Before anything runs, the runtime checks every stage's parameters against its
 * {@link org.calsim.api.stage.Parameter} declarations and that every {@link org.calsim.api.stage.Key}
 * a stage needs is given by the job or an earlier stage.
 *
 * <p>1.1: files written while a stage runs ({@link org.calsim.api.stage.ResultSink#file}) and a checkpoint
 * folder ({@link org.calsim.api.stage.StageContext#checkpointFolder}).
 *
 * <p>1.3: {@link org.calsim.api.stage.InvalidInputException#inFile}, the message for a parameter file that cannot be
 * read, which names the file, the line and the column and never quotes the file.
 *
 * <p>1.4: {@link org.calsim.api.stage.Solver#filesRead}, the files a stage reads besides those its file parameters
 * name (a series of TIFF slices named by its first), so that they travel with a job.
 *
 * <p>1.5: parameters that name a service ({@link org.calsim.api.stage.Parameter.Kind#SERVICE},
 * {@link org.calsim.api.stage.Parameter#service()}, checked against the registry before anything runs), fields of a
 * mapping in the job file by dotted names ({@code contact.normal}), and
 * {@link org.calsim.api.stage.ServiceProperties#DESCRIPTION}; so that a DEM stage can compose its contact law from
 * part services ({@code contact: {normal: hertz, tangential: mindlin}}).
 *
 * <p>1.6: {@link org.calsim.api.stage.Parameter#openClosed}, so that every parameter is declared by the factory of
 * its kind and the methods that narrow it; the twelve-argument positional constructor of
 * {@link org.calsim.api.stage.Parameter} is deprecated for removal in 2.0. {@link org.calsim.api.stage.StageProgress},
 * the share of a stage's progress an iterative solve fills, checking for cancellation at every report; and
 * {@link org.calsim.api.stage.StageFailedException#notConverged}, the one wording of a solve that reached its
 * iteration limit.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.6.0")
package org.calsim.api.stage;
