package org.calsim.fem.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.calsim.api.structure.VoxelImage;
import org.junit.jupiter.api.Test;

/**
 * calsim's tortuosity factor beside TauFactor 1.2.1 (Cooper et al., SoftwareX 5 (2016) 203) on the same voxels:
 * the images of {@link TauFactorImages} (overlapping spheres, periodic in x and y), through the plane with periodic
 * sides (TauFactor's {@code PeriodicSolver}) and no-flux sides ({@code Solver}), and in the plane with no-flux
 * sides. The TauFactor values are recorded from {@code verify/taufactor/run-taufactor.sh}, whose table
 * ({@code verify/taufactor/taufactor-results.txt}) has both codes side by side.
 *
 * <p>Both codes discretise alike (7-point finite volumes, the potentials half a voxel beyond the first and last
 * layer), so they must agree to their convergence: TauFactor ran until the relative spread of its layer fluxes was
 * below its {@code conv_crit} of 1e-5 (its τ comes from their mean, so it is within that of the converged value),
 * calsim to a residual of 1e-10. Hence the tolerance 1e-5, relative; the recorded runs differ by at most 2e-7.
 */
class TauFactorComparisonTest {
    /** TauFactor's conv_crit in the recorded runs. */
    private static final double TAUFACTOR_CONV_CRIT = 1e-5;

    /** TauFactor's τ per image and case, from verify/taufactor/taufactor-results.txt. */
    private static final Map<String, double[]> TAUFACTOR = Map.of(
            "spheres-loose", new double[] {1.8624519, 1.9331203, 1.8883524},
            "spheres-dense", new double[] {2.2659011, 2.3479865, 4.7375002});

    @Test
    void calsimAgreesWithTauFactorForPeriodicAndNoFluxSides() throws Exception {
        for (TauFactorImages.Spec spec : TauFactorImages.IMAGES) {
            VoxelImage image = TauFactorImages.image(spec);
            for (TauFactorImages.Case c : TauFactorImages.Case.values()) {
                double expected = TAUFACTOR.get(spec.name())[c.ordinal()];
                assertEquals(expected, TauFactorImages.tortuosity(image, c), TAUFACTOR_CONV_CRIT * expected,
                        spec.name() + ", " + c.direction + ", " + c.sides + " sides");
            }
        }
    }
}
