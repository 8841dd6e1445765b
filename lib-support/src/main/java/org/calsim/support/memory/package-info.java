/**
 * One memory policy for every stage that refuses, before it starts, work the JVM cannot hold: the heap a stage may
 * plan with is the maximum heap less a reserve for the garbage collector and the rest of the job.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.calsim.support.memory;
