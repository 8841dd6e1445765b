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
import org.calsim.api.transport.EffectiveProperties;
import org.calsim.api.transport.TransportSeries;
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
