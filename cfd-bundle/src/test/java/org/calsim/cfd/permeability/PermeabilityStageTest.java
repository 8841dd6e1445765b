package org.calsim.cfd.permeability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.calsim.api.stage.StageCancelledException;
import org.calsim.api.structure.VoxelImage;
import org.calsim.api.testing.TestStageContext;
import org.calsim.api.transport.FlowProperties;
import org.junit.jupiter.api.Test;

class PermeabilityStageTest {
    /** A square pore duct of side a along z in a cell of side l of active material; voxels of 1 µm. */
    static VoxelImage duct(int a, int l, int nz) {
        byte[] labels = new byte[l * l * nz];
        int lo = (l - a) / 2;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < l; y++) {
                for (int x = 0; x < l; x++) {
                    boolean pore = x >= lo && x < lo + a && y >= lo && y < lo + a;
                    labels[x + l * (y + l * z)] = (byte) (pore ? 0 : 1);
                }
            }
        }
        return new VoxelImage(l, l, nz, 1e-6, labels, List.of("pore", "AM", "CBD"));
    }

    /**
     * Through the plane a straight duct has the square-duct permeability 0.0351443 a² times its area fraction
     * (within 1.5 % at a = 10) and a hydraulic tortuosity of 1; across it nothing flows.
     */
    @Test
    void ductThroughThePlaneAndBlockedAcross() throws Exception {
        int a = 10;
        int l = 14;
        TestStageContext c = new TestStageContext().with(VoxelImage.KEY, duct(a, l, 4))
                .run(new PermeabilityStage(), Map.of("threads", 2));
        FlowProperties f = c.given(FlowProperties.KEY);
        double expected = 0.0351443 * a * a * (a * a) / (double) (l * l) * 1e-12;
        assertEquals(expected, f.throughPlanePermeability(), 0.015 * expected);
        assertEquals(1.0, f.throughPlaneHydraulicTortuosity(), 1e-9);
        assertEquals(0, f.inPlanePermeability(), 0);
        assertTrue(c.sink().notes.containsKey("permeability_in_plane"), c.sink().notes.toString());
        assertEquals(a * a / (double) (l * l), f.porosity(), 1e-12);
        assertTrue(c.sink().files.containsKey("velocity-through-plane.vti"));
        assertTrue(c.sink().files.containsKey("speed-through-plane-xz.png"));
    }

    @Test
    void narrowThroatsGetAResolutionNote() throws Exception {
        TestStageContext c = new TestStageContext().with(VoxelImage.KEY, duct(2, 6, 4))
                .run(new PermeabilityStage(), Map.of("directions", "through-plane"));
        assertTrue(c.sink().notes.get("resolution").contains("under-resolved"), c.sink().notes.toString());
    }

    @Test
    void cancellationStopsTheFlow() {
        assertThrows(StageCancelledException.class, () -> new TestStageContext().with(VoxelImage.KEY,
                duct(10, 14, 4)).cancelAfterChecks(3).run(new PermeabilityStage(), Map.of("check_interval", 1)));
    }
}
