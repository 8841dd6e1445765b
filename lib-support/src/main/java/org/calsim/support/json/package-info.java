/** One JSON and YAML configuration for every bundle: shared, immutable readers and writers (Jackson). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.calsim.support.json;
