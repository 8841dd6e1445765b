/** Physical constants and unit factors, defined once for every bundle (1.1: {@link org.calsim.support.units.Units}). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.calsim.support.units;
