package org.calsim.ml.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.ml.doe.Factor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFilesTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsNumbersMissingOutputsAndErrors() throws Exception {
        SweepDataset data = new SweepDataset("s", "a sweep", "job.yaml", "sobol", 2, 1,
                List.of(new Factor("calendering.line_load_kN_per_m", "kN/m", 100, 2000, true)),
                List.of(new OutputColumn("coating.porosity", "1", true),
                        new OutputColumn("empirical.porosity/thickness_um", "um", false)),
                List.of(new DatasetRow("p0000", "succeeded", new double[] {0.1 + 0.2}, new double[] {0.3, 61.5}, ""),
                        new DatasetRow("p0001", "failed", new double[] {1234.5}, new double[] {Double.NaN, Double.NaN},
                                "stage x failed: \"eps_min\" = 0.5, expected < 0.48")));
        DatasetFiles.write(dir, data);
        SweepDataset back = DatasetFiles.read(dir);
        assertEquals(data.inputs(), back.inputs());
        assertEquals(data.outputs(), back.outputs());
        assertEquals(2, back.rows().size());
        assertArrayEquals(new double[] {0.1 + 0.2}, back.rows().get(0).inputs());
        assertArrayEquals(new double[] {0.3, 61.5}, back.rows().get(0).outputs());
        assertTrue(Double.isNaN(back.rows().get(1).outputs()[0]));
        assertEquals(data.rows().get(1).error(), back.rows().get(1).error());
        assertEquals(1, back.successful().table().rows());
    }

    @Test
    void aMissingDatasetIsNamed() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DatasetFiles.read(dir));
        assertTrue(e.getMessage().contains("DATASET") && e.getMessage().contains("dataset.json"), e.getMessage());
    }
}
