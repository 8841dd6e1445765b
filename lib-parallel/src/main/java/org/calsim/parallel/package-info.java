/**
 * Deterministic shared-memory parallelism for the model bundles: a fixed team of worker threads that run one
 * task together, each worker with its own index, so the division of work — and therefore every floating-point
 * sum — is fixed by the caller and the results do not depend on the number of threads.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.calsim.parallel;
