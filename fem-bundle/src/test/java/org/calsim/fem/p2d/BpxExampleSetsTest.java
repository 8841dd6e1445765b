package org.calsim.fem.p2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.calsim.api.electrochem.CellParameters;
import org.junit.jupiter.api.Test;

/**
 * The official example parameter sets of the BPX standard (FaradayInstitution/BPX, {@code examples/}, MIT licence;
 * shipped in {@code examples/parameters/bpx/}) load and discharge at 1C to the capacity PyBaMM computes for the same
 * file. PyBaMM's numbers are recorded by {@code verify/pybamm/compare.py} in {@code verify/pybamm/pybamm-results.txt}
 * (PyBaMM's DFN on a mesh of 60/30/60 volumes across the cell and 60 shells, and on one twice as fine: they agree to
 * 1e-5; both start at the sets' stoichiometry limits, as calsim does).
 */
class BpxExampleSetsTest {
    static final Path BPX = Path.of("..", "examples", "parameters", "bpx");

    /** PyBaMM's 1C capacity of the NMC111 pouch cell, finer mesh [A.h] (verify/pybamm/pybamm-results.txt). */
    static final double PYBAMM_NMC_1C = 12.96787;
    /** PyBaMM's 1C capacity of the LFP 18650 cell, finer mesh [A.h] (verify/pybamm/pybamm-results.txt). */
    static final double PYBAMM_LFP_1C = 1.98823;
    /**
     * PyBaMM's 1C capacity of calsim's Chen2020 BPX file read by PyBaMM's BPX reader, finer mesh [A.h]: the same as
     * PyBaMM's own Chen2020 set gives (verify/pybamm/pybamm-results.txt), so the file's reaction rate constants
     * mean, under the BPX definition, Chen et al.'s exchange currents.
     */
    static final double PYBAMM_CHEN_1C = 4.93781;

    /**
     * Relative tolerance: twice the discretisation error of fem.p2d's defaults (60 volumes per electrode, 24 shells
     * thinning towards the surface, BDF2) at 1C, the largest of the three sets. The older defaults (20 volumes,
     * 12 equal shells, backward Euler) refined 1×, 2× and 4× gave (A.h) NMC 12.96623, 12.96749, 12.96781; LFP
     * 1.98720, 1.98798, 1.98817; Chen2020 4.93642, 4.93744, 4.93770: second order, extrapolated 12.96792, 1.98823
     * and 4.93779, within 0.003 % of PyBaMM's. The defaults give 12.96749, 1.98798 and 4.93745
     * (verify/pybamm/pybamm-results.txt): 0.003 %, 0.013 % and 0.007 % below the extrapolated values.
     */
    static final double TOLERANCE = 2.5e-4;

    static CellParameters read(String file) {
        return ParameterFile.read(BPX.resolve(file), "parameter_file");
    }

    /** @return the 1C discharge capacity of the cell at fem.p2d's defaults [A.h] */
    static double oneC(CellParameters cell) throws SimulationException {
        double oneC = cell.nominalCapacity() / 3600 / cell.electrodeArea();
        return PyBammComparisonTest.run(cell, oneC, new double[] {1}, PyBammComparisonTest.defaults()).get(0)
                .capacity() * cell.electrodeArea() / 3600;
    }

    @Test
    void nmcPouchCellDischargesToPyBammsCapacity() throws Exception {
        CellParameters cell = read("nmc_pouch_cell_BPX.json");
        assertTrue(cell.name().contains("NMC111|graphite 12.5 Ah pouch cell"), cell.name());
        assertEquals(12.5 * 3600, cell.nominalCapacity(), 1e-9);
        assertEquals(34 * 0.016808, cell.electrodeArea(), 1e-12);
        assertFalse(cell.halfCell());
        assertEquals(PYBAMM_NMC_1C, oneC(cell), TOLERANCE * PYBAMM_NMC_1C);
    }

    @Test
    void lfp18650CellDischargesToPyBammsCapacity() throws Exception {
        CellParameters cell = read("lfp_18650_cell_BPX.json");
        assertTrue(cell.name().contains("LFP|graphite 2 Ah cylindrical 18650 cell"), cell.name());
        assertEquals(2 * 3600, cell.nominalCapacity(), 1e-9);
        assertEquals(2.0, cell.lowerCutoff(), 0);
        assertEquals(PYBAMM_LFP_1C, oneC(cell), TOLERANCE * PYBAMM_LFP_1C);
    }

    @Test
    void chen2020FileDischargesToPyBammsCapacity() throws Exception {
        CellParameters cell = ParameterFile.read(ParameterFileTest.CHEN_BPX, "parameter_file");
        assertEquals(PYBAMM_CHEN_1C, oneC(cell), TOLERANCE * PYBAMM_CHEN_1C);
    }
}
