package org.calsim.fem.voxel;

import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.Solver;
import org.osgi.service.component.annotations.Component;

/**
 * {@code fem.voxelise-bridges}: particles → voxels with the CBD grown around the active-material contacts and
 * surfaces to a volume fraction ({@link Voxeliser}), for packings whose CBD the DEM did not resolve.
 */
@Component(service = Solver.class, property = ServiceProperties.NAME + "=" + BridgeVoxeliser.NAME)
public final class BridgeVoxeliser extends Voxeliser {
    /** Stage name. */
    public static final String NAME = "fem.voxelise-bridges";

    public BridgeVoxeliser() {
        super(true);
    }

    @Override
    public String description() {
        return "particles to voxels (pore / AM / CBD), the CBD grown around the active-material contacts";
    }
}
