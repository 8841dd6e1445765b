package org.calsim.empirical.fit;

import java.nio.file.Path;
import java.util.List;
import org.calsim.support.units.Units;

/**
 * Reads the measured tables the empirical stages fit, converting the units named in the CSV headers to
 * SI. Each file has a header row with (at least) the two columns named below.
 *
 * <ul>
 * <li>{@code line_load_kN_per_m,porosity}: kN/m → N/m (×1000), porosity in (0, 1);</li>
 * <li>{@code line_load_kN_per_m,density_g_per_cm3}: g/cm³ → kg/m³ (×1000);</li>
 * <li>{@code porosity,tortuosity_factor}: both dimensionless;</li>
 * <li>{@code current_density_mA_per_cm2,capacity_mAh_per_cm2}: mA/cm² → A/m² (×10),
 * mAh/cm² → C/m² (×36 000).</li>
 * </ul>
 */
public final class MeasurementFiles {

    /** Line-load column, kN/m. */
    public static final String LINE_LOAD = "line_load_kN_per_m";
    /** Porosity column, 1. */
    public static final String POROSITY = "porosity";
    /** Coating density column, g/cm³. */
    public static final String DENSITY = "density_g_per_cm3";
    /** Tortuosity-factor column, 1. */
    public static final String TORTUOSITY_FACTOR = "tortuosity_factor";
    /** Current-density column, mA/cm². */
    public static final String CURRENT_DENSITY = "current_density_mA_per_cm2";
    /** Areal-capacity column, mAh/cm². */
    public static final String CAPACITY = "capacity_mAh_per_cm2";

    /** N/m per kN/m. */
    public static final double N_PER_M_PER_KN_PER_M = Units.KN_PER_M;
    /** kg/m³ per g/cm³. */
    public static final double KG_PER_M3_PER_G_PER_CM3 = Units.G_PER_CM3;
    /** A/m² per mA/cm². */
    public static final double A_PER_M2_PER_MA_PER_CM2 = Units.MA_PER_CM2;
    /** C/m² per mAh/cm². */
    public static final double C_PER_M2_PER_MAH_PER_CM2 = Units.MAH_PER_CM2;

    private MeasurementFiles() {
    }

    /** @return (line load [N/m], porosity [1]) from a {@code line_load_kN_per_m,porosity} file */
    public static Measurements porosityVsLineLoad(Path file) {
        return read(file, LINE_LOAD, CellRange.NON_NEGATIVE, N_PER_M_PER_KN_PER_M, "line load [N/m]",
                POROSITY, CellRange.POROSITY, 1.0, "porosity [1]");
    }

    /** @return (line load [N/m], density [kg/m³]) from a {@code line_load_kN_per_m,density_g_per_cm3} file */
    public static Measurements densityVsLineLoad(Path file) {
        return read(file, LINE_LOAD, CellRange.NON_NEGATIVE, N_PER_M_PER_KN_PER_M, "line load [N/m]",
                DENSITY, CellRange.POSITIVE, KG_PER_M3_PER_G_PER_CM3, "density [kg/m^3]");
    }

    /** @return (porosity [1], tortuosity factor [1]) from a {@code porosity,tortuosity_factor} file */
    public static Measurements tortuosityVsPorosity(Path file) {
        return read(file, POROSITY, CellRange.POROSITY, 1.0, "porosity [1]",
                TORTUOSITY_FACTOR, CellRange.POSITIVE, 1.0, "tortuosity factor [1]");
    }

    /**
     * @return (current density [A/m²], capacity [C/m²]) from a
     *         {@code current_density_mA_per_cm2,capacity_mAh_per_cm2} file
     */
    public static Measurements capacityVsCurrentDensity(Path file) {
        return read(file, CURRENT_DENSITY, CellRange.POSITIVE, A_PER_M2_PER_MA_PER_CM2, "current density [A/m^2]",
                CAPACITY, CellRange.NON_NEGATIVE, C_PER_M2_PER_MAH_PER_CM2, "capacity [C/m^2]");
    }

    /**
     * Reads two columns of a CSV table and converts them to SI.
     *
     * @return the pairs in SI
     */
    static Measurements fromTable(CsvTable table, String xColumn, CellRange xRange, double xToSI, String xName,
                                  String yColumn, CellRange yRange, double yToSI, String yName) {
        table.requireColumns(List.of(xColumn, yColumn));
        double[] x = table.numbers(xColumn, xRange);
        double[] y = table.numbers(yColumn, yRange);
        for (int i = 0; i < x.length; i++) {
            x[i] = x[i] * xToSI;
            y[i] = y[i] * yToSI;
        }
        return new Measurements(table.source(), xName, yName, x, y);
    }

    private static Measurements read(Path file, String xColumn, CellRange xRange, double xToSI, String xName,
                                     String yColumn, CellRange yRange, double yToSI, String yName) {
        return fromTable(CsvTable.read(file), xColumn, xRange, xToSI, xName, yColumn, yRange, yToSI, yName);
    }
}
