package org.calsim.api.stage;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A stage that moves data between representations (particles to voxels, microstructure to the effective
 * properties of a cell model) or runs two models together (DEM with FEM or CFD). Swapping a coupling
 * strategy is choosing another coupler service.
 *
 * <p>The runtime runs a coupler as one stage of the chain, like any {@link Solver}: a two-way scheme's exchange
 * between its two models happens inside {@link #run}. It names the representations when it suggests the coupler for
 * a chain that misses what the coupler gives, and writes {@link #from}, {@link #to} and {@link #scheme} into the
 * job's provenance with the stage.
 */
@ConsumerType
public interface Coupler extends Solver {

    /** @return the representation read, e.g. {@code "particles"}, {@code "microstructure"} */
    String from();

    /** @return the representation written, e.g. {@code "voxels"}, {@code "effective-properties"} */
    String to();

    /** @return how the two sides exchange data */
    CouplingScheme scheme();
}
