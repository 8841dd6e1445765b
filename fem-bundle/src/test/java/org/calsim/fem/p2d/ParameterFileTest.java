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
}
