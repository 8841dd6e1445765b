/** Fits several bundles need: the power law y = a x^b as a straight line on logarithmic axes. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.calsim.support.fit;
