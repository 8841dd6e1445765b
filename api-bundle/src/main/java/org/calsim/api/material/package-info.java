/**
 * Named materials (NMC622, graphite, carbon–binder domain, electrolyte, steel roll) with mechanical,
 * transport and electrochemical properties, each in SI units with its literature source.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.calsim.api.material;
