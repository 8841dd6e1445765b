/**
 * Microstructures: particle packings (the DEM's view) and voxel images (the FEM and lattice Boltzmann
 * view). Large arrays are handed between stages, never copied, and never mutated by a receiving stage.
 *
 * <p>1.1: {@link org.calsim.api.structure.PackingSeries}, snapshots of a packing through a process.
 *
 * <p>1.2: {@link org.calsim.api.structure.VoxelSeries}, the voxel images of such snapshots.
 *
 * <p>1.3: one calculation on every image of a {@link org.calsim.api.structure.VoxelSeries}
 * ({@link org.calsim.api.structure.VoxelSeries#calculate}, {@link org.calsim.api.structure.ImageCalculation}), each
 * image's state named by its {@link org.calsim.api.structure.SeriesPoint}, for the series stages.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.calsim.api.structure;
