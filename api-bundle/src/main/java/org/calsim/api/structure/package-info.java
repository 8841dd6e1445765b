/**
 * Microstructures: particle packings (the DEM's view) and voxel images (the FEM and lattice Boltzmann
 * view). Large arrays are handed between stages, never copied, and never mutated by a receiving stage.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.calsim.api.structure;
