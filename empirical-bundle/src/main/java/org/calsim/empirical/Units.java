package org.calsim.empirical;

/**
 * Factors from the units job files, CSV headers and summaries use to SI. Multiply a value in the named
 * unit by the factor to get SI; divide an SI value by it to write the named unit.
 */
public final class Units {

    /** N/m per kN/m. */
    public static final double KN_PER_M = 1000.0;
    /** N per kN. */
    public static final double KN = 1000.0;
    /** m per µm. */
    public static final double MICROMETRE = 1e-6;
    /** m per mm. */
    public static final double MILLIMETRE = 1e-3;
    /** m² per mm². */
    public static final double SQUARE_MILLIMETRE = 1e-6;
    /** Pa per MPa. */
    public static final double MEGAPASCAL = 1e6;
    /** s per ms. */
    public static final double MILLISECOND = 1e-3;
    /** s per h. */
    public static final double HOUR = 3600.0;
    /** kg/m³ per g/cm³. */
    public static final double G_PER_CM3 = 1000.0;
    /** kg/m² per mg/cm². */
    public static final double MG_PER_CM2 = 0.01;
    /** (N/m)/(kg/m²) per (kN/m)/(mg/cm²). */
    public static final double KN_PER_M_PER_MG_PER_CM2 = KN_PER_M / MG_PER_CM2;
    /** A/m² per mA/cm². */
    public static final double MA_PER_CM2 = 10.0;
    /** C/m² per mAh/cm². */
    public static final double MAH_PER_CM2 = 36000.0;
    /** C/m³ per mAh/cm³. */
    public static final double MAH_PER_CM3 = 3.6e6;

    private Units() {
    }
}
