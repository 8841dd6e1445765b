/** Electrochemical performance: discharge curves and rate capability. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.calsim.api.electrochem;
