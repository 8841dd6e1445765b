/** Electrochemical performance: cell parameter sets for porous-electrode models, discharge curves and rate capability. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.calsim.api.electrochem;
