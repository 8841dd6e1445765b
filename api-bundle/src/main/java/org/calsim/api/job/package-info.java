/**
 * Running jobs and looking up what is registered: the services the runtime offers to the CLI, the Gogo
 * shell, the lab server and tests.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.calsim.api.job;
