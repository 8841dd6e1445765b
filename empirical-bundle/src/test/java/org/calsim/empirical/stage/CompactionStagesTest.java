package org.calsim.empirical.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.calsim.api.data.Table;
import org.calsim.api.electrode.CoatingKeys;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.StageCancelledException;
import org.calsim.api.testing.RecordingSink;
import org.calsim.api.testing.TestStageContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** empirical.porosity and empirical.density end to end through the test runtime. */
class CompactionStagesTest {

    private static final double REL = 1e-12;

    @TempDir
    Path dir;

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * REL);
    }

    @Test
    void porosityWithGivenDamping() throws Exception {
        // eq 5: eps = 0.2 + (0.45 - 0.2) exp(-500/800) = 0.2 + 0.25 * 0.535261429 = 0.33381535735
        TestStageContext context = Fixtures.context().run(new PorosityStage(),
                Map.of("eps_min", 0.2, "gamma_kN_per_m", 800.0));
        double eps = 0.2 + 0.25 * Math.exp(-500.0 / 800.0);
        close(eps, context.given(CoatingKeys.POROSITY));
        // thickness: 0.208333 kg/m^2 / (4000 * (1 - eps)) -> ~78.2 um
        close(0.2 / 0.96 / (4000 * (1 - eps)), context.given(CoatingKeys.THICKNESS));
        close(4000 * (1 - eps), context.given(CoatingKeys.DENSITY));
        RecordingSink sink = context.sink();
        close(eps, sink.get("porosity"));
        close(0.2 / 0.96 / (4000 * (1 - eps)) / 1e-6, sink.get("thickness_um"));
        close(4 * (1 - eps), sink.get("density_g_per_cm3"));
        close(800, sink.get("gamma_kN_per_m"));
        Table table = sink.tables.get("porosity-vs-line-load");
        assertEquals(101, table.rows());
        close(1500, table.column("line_load").values()[100]); // 3 x 500 kN/m
        assertEquals(0.45, table.column("porosity").values()[0], 0.0);
        assertEquals(1, sink.plots.size());
        assertEquals(1.0, context.progressReports().get(context.progressReports().size() - 1));
    }

    @Test
    void porosityWithDampingFromEquation6() throws Exception {
        // mu0 = 60, xi = 0.2 kN/m per mg/cm^2 (per C); T_R = 50 C; M_C = 20 mg/cm^2
        // gamma = (60 - 0.2*50) * 20 = 1000 kN/m; compaction factor p = 0.5 -> eps_min = 0.225
        // eps = 0.45 * (0.5 + 0.5 exp(-500/1000))
        TestStageContext context = Fixtures.context().run(new PorosityStage(), Map.of("model", "compaction-factor",
                "p", 0.5, "mu0_kN_per_m_per_mg_per_cm2", 60.0, "xi_kN_per_m_per_mg_per_cm2_per_C", 0.2));
        close(0.45 * (0.5 + 0.5 * Math.exp(-0.5)), context.given(CoatingKeys.POROSITY));
        close(1000, context.sink().get("gamma_kN_per_m"));
    }

    @Test
    void nonPositiveDampingNamesTheFields() {
        // 60 - 1.2 * 50 = 0
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Fixtures.context().run(
                new PorosityStage(), Map.of("eps_min", 0.2, "mu0_kN_per_m_per_mg_per_cm2", 60.0,
                        "xi_kN_per_m_per_mg_per_cm2_per_C", 1.2)));
        assertTrue(e.getMessage().contains("mu0") && e.getMessage().contains("xi")
                && e.getMessage().contains("T_R"), e.getMessage());
    }

    @Test
    void crossFieldChecks() {
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> Fixtures.context().run(new PorosityStage(), Map.of("gamma_kN_per_m", 800.0)));
        assertTrue(missing.getMessage().contains("stages[0].with.eps_min"), missing.getMessage());
        InvalidInputException both = assertThrows(InvalidInputException.class,
                () -> Fixtures.context().run(new PorosityStage(), Map.of("eps_min", 0.2, "gamma_kN_per_m", 800.0,
                        "mu0_kN_per_m_per_mg_per_cm2", 60.0)));
        assertTrue(both.getMessage().contains("mu0_kN_per_m_per_mg_per_cm2"), both.getMessage());
        InvalidInputException range = assertThrows(InvalidInputException.class,
                () -> Fixtures.context().run(new PorosityStage(), Map.of("eps_min", 1.2, "gamma_kN_per_m", 800.0)));
        assertTrue(range.getMessage().contains("eps_min") && range.getMessage().contains("1.2"), range.getMessage());
    }

    @Test
    void cancellationStopsTheStage() {
        assertThrows(StageCancelledException.class, () -> Fixtures.context().cancel().run(new PorosityStage(),
                Map.of("eps_min", 0.2, "gamma_kN_per_m", 800.0)));
    }

    @Test
    void porosityFittedToMeasuredData() throws Exception {
        // synthetic measurement of eps0 = 0.45, eps_min = 0.22, gamma = 800 kN/m with noise 0.003
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("# synthetic\nline_load_kN_per_m,porosity\n");
        for (int i = 0; i <= 20; i++) {
            double q = 150.0 * i;
            double eps = 0.22 + 0.23 * Math.exp(-q / 800) + 0.003 * random.nextGaussian();
            csv.append(q).append(',').append(eps).append('\n');
        }
        Path file = Files.writeString(dir.resolve("porosity.csv"), csv.toString());
        TestStageContext context = Fixtures.context().run(new PorosityStage(), Map.of("fit_csv", file));
        RecordingSink sink = context.sink();
        assertTrue(Math.abs(sink.get("gamma_kN_per_m") - 800) < 3 * sink.get("gamma_kN_per_m_stderr"));
        assertTrue(Math.abs(sink.get("eps_min") - 0.22) < 3 * sink.get("eps_min_stderr"));
        assertTrue(Math.abs(sink.get("eps0") - 0.45) < 3 * sink.get("eps0_stderr"));
        assertTrue(sink.get("fit_r_squared") > 0.98);
        assertEquals(21, sink.get("fit_points"));
        // the stage applies the fitted law at 500 kN/m
        double eps = sink.get("eps_min") + (sink.get("eps0") - sink.get("eps_min"))
                * Math.exp(-500 / sink.get("gamma_kN_per_m"));
        assertEquals(eps, context.given(CoatingKeys.POROSITY), 1e-12);
        assertEquals(3, sink.plots.get(0).series().size()); // law, operating point, measured
    }

    @Test
    void fitAndParametersTogetherAreRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("p.csv"), "line_load_kN_per_m,porosity\n0,0.4\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Fixtures.context()
                .run(new PorosityStage(), Map.of("fit_csv", file, "eps_min", 0.2)));
        assertTrue(e.getMessage().contains("eps_min") && e.getMessage().contains("fit_csv"), e.getMessage());
    }

    @Test
    void densityStage() throws Exception {
        // eq 4 inverted: rho = 2200 + 1000 * (500/2000)^(1/2) = 2700 kg/m^3; eps = 1 - 2700/4000 = 0.325
        TestStageContext context = Fixtures.context().run(new DensityStage(), Map.of("A_kN_per_m", 2000.0, "B", 2.0));
        close(2700, context.given(CoatingKeys.DENSITY));
        close(0.325, context.given(CoatingKeys.POROSITY));
        close(0.2 / 0.96 / 2700, context.given(CoatingKeys.THICKNESS));
        RecordingSink sink = context.sink();
        close(2.7, sink.get("density_g_per_cm3"));
        close(2.2, sink.get("rho0_g_per_cm3"));
        // Pi = 1 - 2200/2700 = 0.185 (inside Meyer's 0..0.25)
        close(1 - 2200.0 / 2700.0, sink.get("compaction_degree"));
        assertTrue(!sink.notes.containsKey("warning"));
        assertEquals(101, sink.tables.get("density-vs-line-load").rows());
    }

    @Test
    void densityFittedToMeasuredData() throws Exception {
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("line_load_kN_per_m,density_g_per_cm3\n");
        for (int i = 0; i <= 15; i++) {
            double q = 100.0 * i;
            double rho = 2.2 + Math.sqrt(q / 2000) + 0.01 * random.nextGaussian();
            csv.append(q).append(',').append(rho).append('\n');
        }
        Path file = Files.writeString(dir.resolve("density.csv"), csv.toString());
        RecordingSink sink = Fixtures.context().run(new DensityStage(), Map.of("fit_csv", file)).sink();
        assertTrue(Math.abs(sink.get("A_kN_per_m") - 2000) < 3 * sink.get("A_kN_per_m_stderr"));
        assertTrue(Math.abs(sink.get("B") - 2) < 3 * sink.get("B_stderr"));
        assertTrue(sink.get("fit_r_squared") > 0.98);
    }
}
