package org.calsim.empirical.stage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.calsim.api.electrochem.RateCapability;
import org.calsim.api.electrode.CoatingKeys;
import org.calsim.api.material.MaterialProperty;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.transport.EffectiveProperties;
import org.calsim.api.testing.RecordingSink;
import org.calsim.api.testing.TestMaterial;
import org.calsim.api.testing.TestStageContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** empirical.roll-gap, empirical.tortuosity and empirical.rate-capability end to end. */
class TransportStagesTest {

    private static final double REL = 1e-12;
    private static final double F = 96485.33212;

    @TempDir
    Path dir;

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * REL);
    }

    @Test
    void rollGapWithoutPrescribedGap() throws Exception {
        // delta_0 = 0.208333/2200 = 94.697 um; delta_1 = 80 um = gap (no spring-back); r_R = 0.2 m
        double delta0 = 0.2 / 0.96 / 2200;
        TestStageContext context = Fixtures.context().with(CoatingKeys.THICKNESS, 80e-6);
        context.run(new RollGapStage(), Map.of());
        double length = Math.sqrt(0.2 * (delta0 - 80e-6)); // relaxation zone is 0
        close(1 - 80e-6 / delta0, context.given(CoatingKeys.COMPACTION_DEGREE));
        close(5e5 / length, context.given(CoatingKeys.NIP_PRESSURE));
        RecordingSink sink = context.sink();
        close(500, sink.get("line_load_kN_per_m"));
        close(50, sink.get("roll_force_kN")); // 500 kN/m * 0.1 m
        close(0.1 * length / 1e-6, sink.get("nip_contact_area_mm2"));
        close(length / 1e-3, sink.get("contact_length_mm"));
        close(5e5 / length / 1e6, sink.get("nip_pressure_MPa"));
        close(length / 0.5 / 1e-3, sink.get("residence_time_ms"));
        assertEquals(0.0, sink.get("spring_back"));
        assertTrue(sink.notes.get("roll_gap").contains("no spring-back"));
    }

    /**
     * A simulated roll pass in the state (single roll R = 500 µm on a rigid collector, d₀ = 40 µm, gap 36 µm,
     * d₁ = 37 µm, 200 N/m over a measured 150 µm): eqs 1–3 for it with r_R = 2R = 1 mm give the contact length
     * √(1e-3 · 4e-6) + √(1e-3 · 1e-6) = 63.246 + 31.623 = 94.868 µm, the mean pressure 200 / 94.868e-6 = 2.108 MPa
     * against 200 / 150e-6 = 1.333 MPa measured, and for the measured pressure the line load 1.333 MPa · 94.868 µm =
     * 126.5 N/m; the job's own nip is computed as before.
     */
    @Test
    void rollGapComparesASimulatedRollPassWithEqs1To3() throws Exception {
        TestStageContext context = Fixtures.context().with(CoatingKeys.THICKNESS, 80e-6).with(
                org.calsim.api.electrode.RollPass.KEY,
                new org.calsim.api.electrode.RollPass(500e-6, 40e-6, 36e-6, 37e-6, 200, 150e-6, 5e-4));
        context.run(new RollGapStage(), Map.of());
        RecordingSink sink = context.sink();
        double length = Math.sqrt(1e-3 * 4e-6) + Math.sqrt(1e-3 * 1e-6);
        close(length / 1e-6, sink.get("roll_pass_contact_length_eq2_um"));
        close(150, sink.get("roll_pass_contact_length_measured_um"));
        close(200 / length / 1e6, sink.get("roll_pass_nip_pressure_eq3_MPa"));
        close(200 / 150e-6 / 1e6, sink.get("roll_pass_nip_pressure_measured_MPa"));
        close(0.2, sink.get("roll_pass_line_load_measured_kN_per_m"));
        close(200 / 150e-6 * length / 1e3, sink.get("roll_pass_line_load_eqs_2_3_kN_per_m"));
        assertTrue(sink.notes.get("roll_pass").contains("r_R = 2R"), sink.notes.get("roll_pass"));
        close(500, sink.get("line_load_kN_per_m")); // the job's nip as before
    }

    @Test
    void rollGapRejectsThickerOutput() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Fixtures.context()
                .with(CoatingKeys.THICKNESS, 120e-6).run(new RollGapStage(), Map.of()));
        assertTrue(e.getMessage().contains("roll gap") || e.getMessage().contains("thickness"), e.getMessage());
    }

    @Test
    void bruggemanTortuosity() throws Exception {
        // eps = 0.25: T = 0.25^-0.5 = 2; tau_g = sqrt 2; MacMullin T/eps = 8
        TestStageContext context = new TestStageContext().with(CoatingKeys.POROSITY, 0.25);
        context.run(new TortuosityClosureStage(), Map.of());
        EffectiveProperties p = context.given(EffectiveProperties.KEY);
        close(2.0, p.throughPlaneTortuosity());
        assertEquals(0.25, p.porosity());
        assertTrue(Double.isNaN(p.inPlaneTortuosity()) && Double.isNaN(p.electronicConductivity()));
        assertTrue(p.method().contains("bruggeman alpha=1.5"), p.method());
        close(Math.sqrt(2), context.sink().get("geometric_tortuosity"));
        close(8, context.sink().get("macmullin_number"));
        assertEquals(101, context.sink().tables.get("tortuosity-vs-porosity").rows());
    }

    @Test
    void powerLawTortuosityAndChecks() throws Exception {
        TestStageContext context = new TestStageContext().with(CoatingKeys.POROSITY, 0.36);
        context.run(new TortuosityClosureStage(), Map.of("model", "power-law", "a", 1.02, "b", -0.53));
        close(1.02 * Math.pow(0.36, -0.53), context.given(EffectiveProperties.KEY).throughPlaneTortuosity());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new TestStageContext()
                .with(CoatingKeys.POROSITY, 0.36).run(new TortuosityClosureStage(), Map.of("model", "power-law", "a", 1.0)));
        assertTrue(e.getMessage().contains("stages[0].with.b"), e.getMessage());
    }

    @Test
    void tortuosityFittedAndComparedWithBruggeman() throws Exception {
        Random random = new Random(3);
        StringBuilder csv = new StringBuilder("porosity,tortuosity_factor\n");
        for (int i = 0; i < 20; i++) {
            double eps = 0.2 + 0.02 * i;
            csv.append(eps).append(',').append(1.02 * Math.pow(eps, -0.53) + 0.02 * random.nextGaussian()).append('\n');
        }
        Path file = Files.writeString(dir.resolve("tau.csv"), csv.toString());
        TestStageContext context = new TestStageContext().with(CoatingKeys.POROSITY, 0.3);
        context.run(new TortuosityClosureStage(), Map.of("model", "power-law", "fit_csv", file));
        RecordingSink sink = context.sink();
        assertTrue(Math.abs(sink.get("a") - 1.02) < 3 * sink.get("a_stderr"));
        assertTrue(Math.abs(sink.get("b") + 0.53) < 3 * sink.get("b_stderr"));
        assertTrue(sink.get("fit_r_squared") > 0.98);
        assertTrue(sink.get("bruggeman_r_squared") < sink.get("fit_r_squared"));
        close(sink.get("a") * Math.pow(0.3, sink.get("b")),
                context.given(EffectiveProperties.KEY).throughPlaneTortuosity());
        assertTrue(context.given(EffectiveProperties.KEY).method().contains("tau.csv"));
    }

    private static TestStageContext rateContext() {
        // eps = 0.3, L = 60 um, T = 3 (given as effective properties)
        return Fixtures.withElectrolyte(Fixtures.context())
                .with(CoatingKeys.POROSITY, 0.3)
                .with(CoatingKeys.THICKNESS, 60e-6)
                .with(EffectiveProperties.KEY, new EffectiveProperties(0.3, 3, Double.NaN, Double.NaN, "test"));
    }

    @Test
    void rateCapability() throws Exception {
        // I* = (0.3/3) * 3e-10 * 1000 * F / (0.6 * 60e-6) = 80.4044 A/m^2 = 8.04044 mA/cm^2
        // Q0 = 120000 C/m^2 = 3.333 mAh/cm^2; 1C = 33.333 A/m^2 -> critical C-rate = 2.4121
        double iStar = 0.1 * 3e-10 * 1000 * F / (0.6 * 60e-6);
        TestStageContext context = rateContext()
                .run(new RateCapabilityStage(), Map.of("c_rates", List.of(1.0, 0.5, 5.0)));
        RateCapability rc = context.given(RateCapability.KEY);
        close(iStar, rc.criticalCurrentDensity());
        close(120_000, rc.nominalCapacity());
        // sorted C-rates 0.5, 1, 5 -> I = 16.667, 33.333, 166.667 A/m^2
        assertArrayEquals(new double[] {120_000 * 0.5 / 3600, 120_000 / 3600.0, 120_000 * 5 / 3600.0},
                rc.currentDensity(), 1e-12);
        assertEquals(120_000, rc.capacity()[1], 0.0);
        close(120_000 * iStar / (120_000 * 5 / 3600.0), rc.capacity()[2]);
        RecordingSink sink = context.sink();
        close(iStar / 10, sink.get("critical_current_density_mA_per_cm2"));
        close(iStar / (120_000 / 3600.0), sink.get("critical_c_rate"));
        close(120_000 / 36_000.0, sink.get("nominal_capacity_mAh_per_cm2"));
        close(120_000 / 36_000.0, sink.get("capacity_0p5C_mAh_per_cm2"));
        close(120_000 * iStar / (120_000 * 5 / 3600.0) / 36_000, sink.get("capacity_5C_mAh_per_cm2"));
        // per coating volume: 3.333 mAh/cm^2 over 60 um = 0.006 cm -> 555.6 mAh/cm^3
        close(120_000 / 36_000.0 / 60e-4, sink.get("volumetric_capacity_0p5C_mAh_per_cm3"));
        // L_d at 1C = 0.1 * 3e-10 * 1000 * F / 0.6 / 33.333 = 144.7 um
        close(0.1 * 3e-10 * 1000 * F / 0.6 / (120_000 / 3600.0) / 1e-6, sink.get("penetration_depth_um"));
        close(1.0 * 0.3 / 3, sink.get("kappa_eff_S_per_m"));
        assertEquals(4, sink.tables.get("capacity-vs-current-density").columns().size());
    }

    /**
     * Issue 18, one porosity: with a coating of total porosity 0.36 whose image pores (ε_p = 0.3) have T = 3, the
     * electrolyte conducts D_eff/D_0 = 0.3/3, not 0.36/3 (the total porosity over a T computed against the pores,
     * 20 % too much transport); the tortuosity factor against the total porosity is 3.6.
     */
    @Test
    void rateCapabilityKeepsTheTransportTheImageComputed() throws Exception {
        TestStageContext context = Fixtures.withElectrolyte(Fixtures.context())
                .with(CoatingKeys.POROSITY, 0.36)
                .with(CoatingKeys.THICKNESS, 60e-6)
                .with(EffectiveProperties.KEY, new EffectiveProperties(0.3, 0.36, 0.5, 3, Double.NaN, Double.NaN,
                        "image"))
                .run(new RateCapabilityStage(), Map.of("c_rates", List.of(1.0)));
        RecordingSink sink = context.sink();
        close(0.1 * 3e-10 * 1000 * F / (0.6 * 60e-6), context.given(RateCapability.KEY).criticalCurrentDensity());
        close(1.0 * 0.3 / 3, sink.get("kappa_eff_S_per_m"));
        close(3.6, sink.get("electrolyte_tortuosity_factor"));
        close(3.0, sink.get("tortuosity_factor"));
    }

    @Test
    void defaultCRates() throws Exception {
        RecordingSink sink = rateContext().run(new RateCapabilityStage(), Map.of()).sink();
        for (String c : List.of("0p1", "0p2", "0p5", "1", "2", "3", "5", "10")) {
            sink.get("capacity_" + c + "C_mAh_per_cm2");
        }
    }

    @Test
    void rateCapabilityFitImpliesTortuosity() throws Exception {
        // measured with I* = 8 mA/cm^2, Q0 = 3.3 mAh/cm^2, additive noise 0.03 mAh/cm^2 (the fit assumes
        // equal variances); implied T = eps D0 c0 F / ((1-t+) I* L)
        // (seed 9 drew noise whose mean over the 11 points below I* is 2.4 sigma/sqrt(n) off, which legitimately
        // puts Q0 3 standard errors out; the statistics of the fit are checked over 200 draws in FitRecoveryTest)
        Random random = new Random(10);
        StringBuilder csv = new StringBuilder("current_density_mA_per_cm2,capacity_mAh_per_cm2\n");
        for (int i = 0; i < 20; i++) {
            double current = 0.5 * Math.pow(80 / 0.5, i / 19.0);
            double q = 3.3 * Math.min(1, 8 / current) + 0.03 * random.nextGaussian();
            csv.append(current).append(',').append(q).append('\n');
        }
        Path file = Files.writeString(dir.resolve("rate.csv"), csv.toString());
        RecordingSink sink = rateContext().run(new RateCapabilityStage(), Map.of("fit_csv", file)).sink();
        double iStar = sink.get("fitted_critical_current_density_mA_per_cm2");
        assertTrue(Math.abs(iStar - 8) < 3 * sink.get("fitted_critical_current_density_mA_per_cm2_stderr"));
        assertTrue(Math.abs(sink.get("fitted_nominal_capacity_mAh_per_cm2") - 3.3)
                < 3 * sink.get("fitted_nominal_capacity_mAh_per_cm2_stderr"));
        close(0.3 * 3e-10 * 1000 * F / (0.6 * iStar * 10 * 60e-6), sink.get("implied_tortuosity_factor"));
        assertTrue(sink.get("fit_r_squared") > 0.98);
    }

    @Test
    void missingElectrolytePropertyIsNamed() {
        TestStageContext context = Fixtures.context()
                .material(TestMaterial.of("LP57", Map.of(MaterialProperty.SALT_DIFFUSIVITY, 3e-10,
                        MaterialProperty.TRANSFERENCE_NUMBER, 0.4, MaterialProperty.IONIC_CONDUCTIVITY, 1.0)))
                .with(CoatingKeys.POROSITY, 0.3)
                .with(CoatingKeys.THICKNESS, 60e-6)
                .with(EffectiveProperties.KEY, new EffectiveProperties(0.3, 3, Double.NaN, Double.NaN, "test"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> context.run(new RateCapabilityStage(), Map.of()));
        assertTrue(e.getMessage().contains("LP57") && e.getMessage().contains("salt_concentration"), e.getMessage());
    }
}
