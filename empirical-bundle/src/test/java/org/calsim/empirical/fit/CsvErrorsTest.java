package org.calsim.empirical.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.calsim.api.stage.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvErrorsTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static void mentions(InvalidInputException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }

    @Test
    void readsAndConvertsUnits() throws IOException {
        Path file = write("rate.csv", "# rate test\n\ncurrent_density_mA_per_cm2, capacity_mAh_per_cm2\n"
                + "0.5, 3.0\n# comment\n8 ,2.5\n");
        Measurements m = MeasurementFiles.capacityVsCurrentDensity(file);
        // 0.5 mA/cm^2 = 5 A/m^2; 3 mAh/cm^2 = 108000 C/m^2
        assertArrayEquals(new double[] {5, 80}, m.x(), 1e-12);
        assertArrayEquals(new double[] {108_000, 90_000}, m.y(), 1e-9);
        assertEquals(2, m.size());
    }

    @Test
    void missingColumnListsFoundAndRequired() throws IOException {
        Path file = write("loads.csv", "line_load_N_per_mm,porosity\n100,0.4\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MeasurementFiles.porosityVsLineLoad(file));
        mentions(e, "loads.csv", "line 1", "line_load_kN_per_m", "porosity", "2 column(s)");
    }

    @Test
    void nonNumericCellNamesFileLineAndColumn() throws IOException {
        Path file = write("loads.csv", "line_load_kN_per_m,porosity\n0,0.45\n# note\n500,abc\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MeasurementFiles.porosityVsLineLoad(file));
        mentions(e, "loads.csv", "line 4", "column porosity", "not a number");
    }

    @Test
    void porosityAtOrAboveOneIsRejected() throws IOException {
        Path file = write("tau.csv", "porosity,tortuosity_factor\n0.3,2.1\n1.0,1.0\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MeasurementFiles.tortuosityVsPorosity(file));
        mentions(e, "tau.csv", "line 3", "column porosity", "outside the range", "< 1");
    }

    @Test
    void negativePorosityIsRejected() throws IOException {
        Path file = write("loads.csv", "line_load_kN_per_m,porosity\n0,-0.2\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MeasurementFiles.porosityVsLineLoad(file));
        mentions(e, "line 2", "column porosity", "> 0");
    }

    @Test
    void wrongCellCountIsRejected() throws IOException {
        Path file = write("loads.csv", "line_load_kN_per_m,porosity\n0,0.4,7\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MeasurementFiles.porosityVsLineLoad(file));
        mentions(e, "loads.csv", "line 2");
    }

    @Test
    void tooFewRowsForTheParameters() throws IOException {
        Path file = write("loads.csv", "line_load_kN_per_m,porosity\n0,0.45\n500,0.35\n1000,0.3\n");
        Measurements m = MeasurementFiles.porosityVsLineLoad(file);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PorosityLawFit.fit(m, false));
        mentions(e, "loads.csv", "3 data rows", "at least 4");
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("nowhere.csv");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MeasurementFiles.densityVsLineLoad(file));
        mentions(e, "nowhere.csv");
    }

    /** A file parameter pointed at a file that is not a table: no message quotes a byte of it, nor its folder. */
    @Test
    void noMessageQuotesTheFileOrItsFolder() throws IOException {
        String secret = "s3cret-lab-token-4f9a";
        String[] files = {
            secret + "\n",                                            // the header is the secret
            "root:x:0:0:" + secret + ":/root:/bin/bash\nbin:x:1:1\n",  // /etc/passwd-like
            "line_load_kN_per_m,porosity\n0," + secret + "\n",         // a cell
            "line_load_kN_per_m,porosity\n0,0.4," + secret + "\n",     // a row too long
            "line_load_kN_per_m,porosity\n0,-" + secret.length() + "\n" // a number out of range
        };
        for (String text : files) {
            Path file = write("measured.csv", text);
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> MeasurementFiles.porosityVsLineLoad(file), text);
            assertFalse(e.getMessage().contains(secret), e.getMessage());
            assertFalse(e.getMessage().contains("root:x"), e.getMessage());
            assertFalse(e.getMessage().contains(dir.toString()), e.getMessage());
            mentions(e, "measured.csv", "line ");
        }
        Path bytes = dir.resolve("binary.csv");
        Files.write(bytes, new byte[] {(byte) 0xff, (byte) 0xfe, 's', '3'});
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MeasurementFiles.porosityVsLineLoad(bytes));
        mentions(e, "binary.csv", "unreadable");
        assertFalse(e.getMessage().contains(dir.toString()), e.getMessage());
    }
}
