/**
 * Microstructures: particle packings (the DEM's view) and voxel images (the FEM and lattice Boltzmann
 * view). Large arrays are handed between stages, never copied, and never mutated by a receiving stage.
 *
 * <p>1.1: {@link org.calsim.api.structure.PackingSeries}, snapshots of a packing through a process.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.calsim.api.structure;
