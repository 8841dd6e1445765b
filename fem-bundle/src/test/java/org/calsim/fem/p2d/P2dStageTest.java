package org.calsim.fem.p2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.calsim.api.electrochem.RateCapability;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.material.MaterialProperty;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.StageCancelledException;
import org.calsim.api.stage.StageFailedException;
import org.calsim.api.testing.TestMaterial;
import org.calsim.api.testing.TestStageContext;
import org.calsim.api.structure.VoxelImage;
import org.calsim.api.transport.EffectiveProperties;
import org.calsim.api.transport.TransportSeries;
import org.calsim.fem.transport.TortuosityStage;
import org.calsim.materials.Chen2020;
import org.junit.jupiter.api.Test;

class P2dStageTest {
    /** An NMC811 coating: 94 % active, 20 mg/cm² of it, solid density 4 000 kg/m³. */
    static final ElectrodeRecipe RECIPE = new ElectrodeRecipe("NMC811", "LiPF6-EC-EMC", 0.94, 0.03, 0.03, 0.2,
            4000, 0.45, 10e-6, 200 * 3600);

    static TestStageContext context() {
        return new TestStageContext().material(new Chen2020())
                .material(TestMaterial.of("NMC811", MaterialProperty.DENSITY, 4950.0));
    }

    @Test
    void publishedCellGivesItsRateCapability() throws Exception {
        TestStageContext c = context().run(new P2dStage(), Map.of("c_rates", List.of(5.0, 0.5, 1.0)));
        RateCapability r = c.given(RateCapability.KEY);
        assertEquals(3, r.capacity().length);
        assertTrue(r.capacity()[0] > r.capacity()[1] && r.capacity()[1] > r.capacity()[2], "falls with the rate");
        // 1C of the LG M50: 4.94 Ah over 0.1027 m² = 4.81 mAh/cm²
        assertEquals(4.81, c.sink().get("capacity_1C_mAh_per_cm2"), 0.05);
        double critical = c.sink().get("critical_c_rate");
        assertTrue(critical > 1 && critical < 5, "critical C-rate " + critical);
        assertTrue(Math.abs(c.sink().get("lithium_drift_5C")) < CellSimulator.NEWTON_TOLERANCE,
                "drift " + c.sink().get("lithium_drift_5C"));
        assertEquals(3, c.sink().plots.size());
        assertEquals(3, c.sink().tables.get("rate-capability").rows());
    }

    /**
     * The coating's structure replaces the set's positive electrode: its porosity and tortuosity factor, and the
     * thickness its loading has at that porosity; a more tortuous coating delivers less at a high rate.
     */
    @Test
    void coatingStructureDrivesTheHalfCell() throws Exception {
        double[] capacity = new double[2];
        double[] tortuosity = {2.0, 6.0};
        for (int k = 0; k < 2; k++) {
            TestStageContext c = context().with(ElectrodeRecipe.KEY, RECIPE)
                    .with(EffectiveProperties.KEY, new EffectiveProperties(0.3, tortuosity[k], Double.NaN, Double.NaN,
                            "test"))
                    .run(new P2dStage(), Map.of("structure", "coating", "cell", "half", "c_rates", List.of(0.2, 3.0)));
            assertEquals(0.3, c.sink().get("porosity"), 1e-12);
            assertEquals(tortuosity[k], c.sink().get("tortuosity_factor"), 1e-12);
            assertEquals(RECIPE.thicknessAtPorosity(0.3) * 1e6, c.sink().get("positive_thickness_um"), 1e-9);
            capacity[k] = c.sink().get("capacity_3C_mAh_per_cm2");
        }
        assertTrue(capacity[1] < 0.9 * capacity[0], "T = 6 delivers less than T = 2 at 3C");
    }

    /**
     * Issue 18, one porosity: a coating image (straight pore columns 25 %, apparent CBD 25 % with nanoporosity 0.5,
     * active material 50 %) becomes a P2D electrode whose electrolyte volume fraction is the total porosity
     * 0.25 + 0.5 × 0.25 = 0.375, whose active volume fraction is the image's 0.5, whose thickness holds the recipe's
     * active loading at that fraction, and whose ε/T is the D_eff/D_0 = 0.25 the pores conduct (T = 1 against
     * the pores, 1.5 against the total porosity). Before, the pore porosity 0.25 was taken as the electrolyte
     * fraction, the active fraction came from the recipe, and the thickness from the pore porosity (9 % thinner here).
     */
    @Test
    void aCoatingImageBuildsItsElectrodeFromItsPhaseFractions() throws Exception {
        int n = 8;
        byte[] labels = new byte[n * n * n];
        for (int v = 0; v < labels.length; v++) {
            int i = v % n;
            labels[v] = (byte) (i % 4 == 0 ? 0 : i % 4 == 1 ? 2 : 1);
        }
        VoxelImage image = new VoxelImage(n, n, n, 1e-6, labels, List.of("pore", "AM", "CBD"));
        EffectiveProperties structure = new TestStageContext().with(VoxelImage.KEY, image)
                .run(new TortuosityStage(), Map.of("cbd_nanoporosity", 0.5)).given(EffectiveProperties.KEY);
        assertEquals(0.25, structure.porosity(), 1e-12);
        assertEquals(0.375, structure.totalPorosity(), 1e-12);
        assertEquals(0.5, structure.activeVolumeFraction(), 1e-12);
        assertEquals(1.0, structure.throughPlaneTortuosity(), 1e-6, "straight pore columns");

        TestStageContext c = context().with(ElectrodeRecipe.KEY, RECIPE).with(EffectiveProperties.KEY, structure)
                .run(new P2dStage(), Map.of("structure", "coating", "cell", "half", "c_rates", List.of(0.2)));
        assertEquals(0.375, c.sink().get("porosity"), 1e-12, "electrolyte in pores and CBD nanopores");
        assertEquals(0.5, c.sink().get("active_volume_fraction"), 1e-12);
        double thickness = RECIPE.activeMassLoading() / (4950.0 * 0.5);
        assertEquals(thickness * 1e6, c.sink().get("positive_thickness_um"), 1e-9);
        assertEquals(1.5 * structure.throughPlaneTortuosity(), c.sink().get("tortuosity_factor"), 1e-12);
        assertEquals(structure.ionicTransportRatio(), 0.375 / c.sink().get("tortuosity_factor"), 1e-12);
    }

    /** A calendering series gives the first and the last state side by side. */
    @Test
    void seriesComparesTheEnds() throws Exception {
        TransportSeries series = new TransportSeries(new double[] {0, 0.1, 0.2}, List.of(
                new EffectiveProperties(0.45, 2.0, Double.NaN, Double.NaN, "a"),
                new EffectiveProperties(0.38, 2.6, Double.NaN, Double.NaN, "b"),
                new EffectiveProperties(0.30, 3.5, Double.NaN, Double.NaN, "c")));
        TestStageContext c = context().with(ElectrodeRecipe.KEY, RECIPE).with(TransportSeries.KEY, series)
                .run(new P2dStage(), Map.of("structure", "series", "cell", "half", "c_rates", List.of(0.2, 2.0)));
        assertEquals(0.45, c.sink().get("state1_porosity"), 1e-12);
        assertEquals(0.30, c.sink().get("state2_porosity"), 1e-12);
        assertTrue(c.sink().plots.stream().anyMatch(p -> p.name().equals("capacity-vs-c-rate")
                && p.series().size() == 2));
    }

    @Test
    void aSingleMaterialIsNotAParameterSet() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> context().run(new P2dStage(), Map.of("parameter_set", "NMC811")));
        assertTrue(e.getMessage().contains("parameter_set"), e.getMessage());
    }

    @Test
    void blockedPoresAreReportedNotComputed() {
        StageFailedException e = assertThrows(StageFailedException.class, () -> context()
                .with(ElectrodeRecipe.KEY, RECIPE)
                .with(EffectiveProperties.KEY, new EffectiveProperties(0.1, Double.POSITIVE_INFINITY, Double.NaN,
                        Double.NaN, "voxel conduction"))
                .run(new P2dStage(), Map.of("structure", "coating")));
        assertTrue(e.getMessage().contains("percolate"), e.getMessage());
    }

    @Test
    void cancellationStopsTheStage() {
        assertThrows(StageCancelledException.class,
                () -> context().cancelAfterChecks(50).run(new P2dStage(), Map.of("c_rates", List.of(1.0))));
    }
}
