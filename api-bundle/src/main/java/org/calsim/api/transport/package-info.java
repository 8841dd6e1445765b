/**
 * Effective transport properties of a porous electrode: porosity, tortuosity factor, effective ionic
 * and electronic conductivity, from a computation on the microstructure or from a closure such as
 * Bruggeman's.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.calsim.api.transport;
