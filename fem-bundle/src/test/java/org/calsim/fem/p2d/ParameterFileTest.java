package org.calsim.fem.p2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.calsim.api.electrochem.CellParameters;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.testing.TestStageContext;
import org.calsim.materials.Chen2020;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameter sets from BPX JSON files. */
class ParameterFileTest {
    /** The Chen 2020 set written as a BPX file, shipped with the examples. */
    static final Path CHEN_BPX = Path.of("..", "examples", "parameters", "chen2020-bpx.json");

    @TempDir
    Path dir;

    /** The BPX file of the LG M50 describes the same cell as the Chen2020 material: the same 1C discharge. */
    @Test
    void bpxFileOfChen2020GivesTheSameCell() throws Exception {
        CellParameters fromFile = ParameterFile.read(CHEN_BPX, "parameter_file");
        CellParameters service = new Chen2020().cell();
        assertEquals(service.positive().activeVolumeFraction(), fromFile.positive().activeVolumeFraction(), 1e-12);
        assertEquals(service.positive().tortuosity(), fromFile.positive().tortuosity(), 1e-12);
        assertEquals(service.negative().reactionRate(), fromFile.negative().reactionRate(), 1e-20);
        for (double x : new double[] {0.05, 0.3, 0.6, 0.9}) {
            assertEquals(service.negative().openCircuitPotential().applyAsDouble(x),
                    fromFile.negative().openCircuitPotential().applyAsDouble(x), 1e-12);
            assertEquals(service.positive().openCircuitPotential().applyAsDouble(x),
                    fromFile.positive().openCircuitPotential().applyAsDouble(x), 1e-12);
        }
        for (double c : new double[] {200, 1000, 2500}) {
            assertEquals(service.electrolyte().conductivity().applyAsDouble(c),
                    fromFile.electrolyte().conductivity().applyAsDouble(c), 1e-12);
        }
        double oneC = service.nominalCapacity() / 3600 / service.electrodeArea();
        double a = DfnVerificationTest.discharge(service, 20, 12, 1, oneC);
        double b = DfnVerificationTest.discharge(fromFile, 20, 12, 1, oneC);
        assertEquals(a, b, 1e-9 * a);
    }

    /** The stage reads the file itself, before anything runs, and uses it in place of parameter_set. */
    @Test
    void stageRunsAParameterFile() throws Exception {
        TestStageContext c = new TestStageContext().run(new P2dStage(), Map.of("parameter_file",
                CHEN_BPX.toAbsolutePath().toString(), "c_rates", List.of(1.0)));
        assertEquals(4.81, c.sink().get("capacity_1C_mAh_per_cm2"), 0.05);
    }

    @Test
    void missingAndWrongFieldsAreNamed() throws Exception {
        String text = Files.readString(CHEN_BPX);
        Path missing = dir.resolve("missing.json");
        Files.writeString(missing, text.replace("\"Particle radius [m]\": 5.22e-06,", ""));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ParameterFile.read(missing, "stages[0].with.parameter_file"));
        assertTrue(e.getMessage().contains("Positive electrode.Particle radius [m]"), e.getMessage());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, text.replace("-0.8090*x + 4.4875", "-0.8090*y + 4.4875"));
        e = assertThrows(InvalidInputException.class, () -> ParameterFile.read(bad, "parameter_file"));
        assertTrue(e.getMessage().contains("OCP [V]") && e.getMessage().contains("expression in x"), e.getMessage());
    }

    /** A table function is interpolated linearly, constant beyond its ends; a lithium foil makes a half cell. */
    @Test
    void tablesAndLithiumFoil() throws Exception {
        String text = Files.readString(CHEN_BPX);
        int start = text.indexOf("\"Negative electrode\"");
        int end = text.indexOf("\"Separator\"");
        String half = text.substring(0, start) + "\"Lithium foil\": {\"Exchange current density [A.m-2]\": 70},\n    "
                + text.substring(end);
        half = half.replace("\"Diffusivity [m2.s-1]\": 4e-15", "\"Diffusivity [m2.s-1]\": {\"x\": [0.2, 1.0], "
                + "\"y\": [2e-15, 6e-15]}");
        Path file = dir.resolve("half.json");
        Files.writeString(file, half);
        CellParameters cell = ParameterFile.read(file, "parameter_file");
        assertTrue(cell.halfCell());
        assertEquals(70, cell.foilExchangeCurrent(), 0);
        assertEquals(4e-15, cell.positive().solidDiffusivity().applyAsDouble(0.6), 1e-27);
        assertEquals(2e-15, cell.positive().solidDiffusivity().applyAsDouble(0.1), 0);
    }

    /** A parameter file that is not JSON: the error names the file, line and column and quotes none of it. */
    @Test
    void unreadableFileIsNamedWithoutItsText() throws Exception {
        String secret = "s3cret-lab-token-4f9a";
        Path notJson = dir.resolve("token");
        Files.writeString(notJson, "{\"Parameterisation\": {}}\n" + secret + "\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ParameterFile.read(notJson, "stages[0].with.parameter_file"));
        assertFalse(e.getMessage().contains(secret) || e.getMessage().contains("s3cret"), e.getMessage());
        assertFalse(e.getMessage().contains(dir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("stages[0].with.parameter_file") && e.getMessage().contains("token")
                && e.getMessage().contains("line 2, column"), e.getMessage());
        Files.writeString(notJson, secret + ":x:0:0\n");
        e = assertThrows(InvalidInputException.class, () -> ParameterFile.read(notJson, "parameter_file"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1, column"), e.getMessage());
        // valid JSON whose values are wrong: the field is named, its text is not quoted
        String text = Files.readString(CHEN_BPX);
        for (String[] wrong : new String[][] {{"\"Particle radius [m]\": 5.22e-06", "\"Particle radius [m]\": \""
                + secret + "\""}, {"-0.8090*x + 4.4875", "-0.8090*x + " + secret}}) {
            Files.writeString(notJson, text.replace(wrong[0], wrong[1]));
            e = assertThrows(InvalidInputException.class, () -> ParameterFile.read(notJson, "parameter_file"));
            assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
            assertTrue(e.getMessage().contains("Positive electrode."), e.getMessage());
        }
    }

    /** A small full-cell BPX file (0.x layout); {@code %s} placeholders: negative k, ambient temperature. */
    static final String SMALL = """
            {"Header": {"BPX": 0.4, "Title": "small", "Model": "DFN"},
             "Parameterisation": {
              "Cell": {"Ambient temperature [K]": %s, "Reference temperature [K]": 298.15,
                       "Electrode area [m2]": 0.01, "Nominal cell capacity [A.h]": 0.03,
                       "Lower voltage cut-off [V]": 3.0, "Upper voltage cut-off [V]": 4.2},
              "Electrolyte": {"Initial concentration [mol.m-3]": 1200, "Cation transference number": 0.3,
                              "Conductivity [S.m-1]": 1.0, "Diffusivity [m2.s-1]": 3e-10,
                              "Conductivity activation energy [J.mol-1]": 17100,
                              "Diffusivity activation energy [J.mol-1]": 16000},
              "Negative electrode": {"Particle radius [m]": 5e-6, "Thickness [m]": 6e-5,
                                     "Diffusivity [m2.s-1]": "2e-14 * (1 + x ** 2)",
                                     "OCP [V]": "0.1 + 0.2 * exp(-30 * x)",
                                     "Conductivity [S.m-1]": 100, "Surface area per unit volume [m-1]": 360000,
                                     "Porosity": 0.3, "Transport efficiency": 0.16,
                                     "Reaction rate constant [mol.m-2.s-1]": %s,
                                     "Minimum stoichiometry": 0.02, "Maximum stoichiometry": 0.85,
                                     "Maximum concentration [mol.m-3]": 30000,
                                     "Reaction rate constant activation energy [J.mol-1]": 35000,
                                     "Diffusivity activation energy [J.mol-1]": 30000},
              "Separator": {"Thickness [m]": 2e-5, "Porosity": 0.45, "Transport efficiency": 0.3},
              "Positive electrode": {"Particle radius [m]": 4e-6, "Thickness [m]": 5e-5,
                                     "Diffusivity [m2.s-1]": 1e-14, "OCP [V]": "4.3 - 0.8 * x",
                                     "Conductivity [S.m-1]": 10, "Surface area per unit volume [m-1]": 450000,
                                     "Porosity": 0.3, "Transport efficiency": 0.16,
                                     "Reaction rate constant [mol.m-2.s-1]": 3e-5,
                                     "Minimum stoichiometry": 0.3, "Maximum stoichiometry": 0.95,
                                     "Maximum concentration [mol.m-3]": 50000,
                                     "Reaction rate constant activation energy [J.mol-1]": 17800,
                                     "Diffusivity activation energy [J.mol-1]": 15000}}}
            """;

    static Path small(Path dir, String k, String ambient) throws Exception {
        Path file = dir.resolve("small.json");
        Files.writeString(file, SMALL.formatted(ambient, k));
        return file;
    }

    /**
     * BPX's reaction rate constant k [mol m⁻² s⁻¹] is that of j₀ = F k (c_e/c_e0)^½ (c_s/c_s,max)^½
     * (1 − c_s/c_s,max)^½ with c_e0 the initial salt concentration (PyBaMM's reading of BPX): in calsim's
     * j₀ = k' c_e^½ c_s^½ (c_s,max − c_s)^½ that is k' = F k / (c_s,max c_e0^½), and both forms give the same
     * j₀ at any state.
     */
    @Test
    void reactionRateConstantIsReadAsBpxDefinesIt() throws Exception {
        double k = 2e-5;
        CellParameters cell = ParameterFile.read(small(dir, "2e-5", "298.15"), "parameter_file");
        double cMax = 30000;
        double c0 = 1200;
        assertEquals(DfnEquations.F * k / (cMax * Math.sqrt(c0)), cell.negative().reactionRate(), 1e-15 * 1e-6);
        assertEquals(DfnEquations.F * 3e-5 / (50000 * Math.sqrt(c0)), cell.positive().reactionRate(), 1e-21);
        for (double[] at : new double[][] {{1200, 15000}, {800, 3000}, {2000, 27000}}) {
            double ce = at[0];
            double cs = at[1];
            double bpx = DfnEquations.F * k * Math.sqrt(ce / c0 * cs / cMax * (1 - cs / cMax));
            double calsim = cell.negative().reactionRate() * Math.sqrt(ce * cs * (cMax - cs));
            assertEquals(bpx, calsim, 1e-12 * bpx);
        }
        // Python's ** is the power in expressions, as BPX writes them
        assertEquals(2e-14 * (1 + 0.25), cell.negative().solidDiffusivity().applyAsDouble(0.5), 1e-28);
    }

    /** The BPX 1.x layout (temperatures and salt concentration in State) gives the same cell as the 0.x layout. */
    @Test
    void stateSectionOfBpxOneIsRead() throws Exception {
        CellParameters old = ParameterFile.read(small(dir, "2e-5", "308.15"), "parameter_file");
        String v1 = SMALL.formatted("308.15", "2e-5").replace("\"Ambient temperature [K]\": 308.15, ", "")
                .replace("\"Initial concentration [mol.m-3]\": 1200, ", "")
                .replace("\"Header\": {\"BPX\": 0.4", "\"State\": {\"Initial conditions\": "
                        + "{\"Initial electrolyte concentration [mol.m-3]\": 1200}, \"Thermal environment\": "
                        + "{\"Ambient temperature [K]\": 308.15}},\n \"Header\": {\"BPX\": \"1.1.0\"");
        Path file = dir.resolve("v1.json");
        Files.writeString(file, v1);
        CellParameters cell = ParameterFile.read(file, "parameter_file");
        assertEquals(308.15, cell.temperature(), 0);
        assertEquals(1200, cell.electrolyte().initialConcentration(), 0);
        assertEquals(old.negative().reactionRate(), cell.negative().reactionRate(), 0);
        assertEquals(old.electrolyte().conductivity().applyAsDouble(1000),
                cell.electrolyte().conductivity().applyAsDouble(1000), 0);
    }

    /** Negative, zero and missing values are named with the value and what is allowed, and quote nothing else. */
    @Test
    void badKineticsAndConcentrationsAreNamed() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ParameterFile.read(small(dir, "-2e-5", "298.15"), "parameter_file"));
        assertTrue(e.getMessage().contains("Negative electrode.Reaction rate constant [mol.m-2.s-1]")
                && e.getMessage().contains("-2.0E-5") && e.getMessage().contains(">= 0"), e.getMessage());
        Path file = dir.resolve("zero.json");
        String text = SMALL.formatted("298.15", "2e-5");
        Files.writeString(file, text.replace("\"Maximum concentration [mol.m-3]\": 50000",
                "\"Maximum concentration [mol.m-3]\": 0"));
        e = assertThrows(InvalidInputException.class, () -> ParameterFile.read(file, "parameter_file"));
        assertTrue(e.getMessage().contains("Positive electrode.Maximum concentration [mol.m-3]")
                && e.getMessage().contains("> 0"), e.getMessage());
        Files.writeString(file, text.replace("\"Initial concentration [mol.m-3]\": 1200, ", ""));
        e = assertThrows(InvalidInputException.class, () -> ParameterFile.read(file, "parameter_file"));
        assertTrue(e.getMessage().contains("Electrolyte.Initial concentration [mol.m-3]")
                && e.getMessage().contains("missing") && e.getMessage().contains("State.Initial conditions"),
                e.getMessage());
        Files.writeString(file, text.replace("\"Ambient temperature [K]\": 298.15, "
                + "\"Reference temperature [K]\": 298.15,", ""));
        e = assertThrows(InvalidInputException.class, () -> ParameterFile.read(file, "parameter_file"));
        assertTrue(e.getMessage().contains("Cell.Reference temperature [K]") && e.getMessage().contains("missing"),
                e.getMessage());
        Files.writeString(file, text.replace("\"Diffusivity activation energy [J.mol-1]\": 16000",
                "\"Diffusivity activation energy [J.mol-1]\": \"s3cret\""));
        e = assertThrows(InvalidInputException.class, () -> ParameterFile.read(file, "parameter_file"));
        assertTrue(e.getMessage().contains("Electrolyte.Diffusivity activation energy [J.mol-1]"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }
}
