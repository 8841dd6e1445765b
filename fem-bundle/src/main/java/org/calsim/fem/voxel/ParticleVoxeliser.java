package org.calsim.fem.voxel;

import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.Solver;
import org.osgi.service.component.annotations.Component;

/** {@code fem.voxelise}: particles → voxels with the CBD taken from the DEM's CBD particles ({@link Voxeliser}). */
@Component(service = Solver.class, property = ServiceProperties.NAME + "=" + ParticleVoxeliser.NAME)
public final class ParticleVoxeliser extends Voxeliser {
    /** Stage name. */
    public static final String NAME = "fem.voxelise";

    public ParticleVoxeliser() {
        super(false);
    }

    @Override
    public String description() {
        return "particles to voxels (pore / AM / CBD), the CBD from the DEM's CBD particles";
    }
}
