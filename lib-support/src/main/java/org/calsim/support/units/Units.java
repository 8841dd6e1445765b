package org.calsim.support.units;

/**
 * Factors from the units job files, CSV headers, summaries and published material data use to SI, defined once for
 * every bundle. Multiply a value in the named unit by the factor to get SI; divide an SI value by it to write the
 * named unit.
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
    /** C/kg per mAh/g (3.6 C per 1e-3 kg). */
    public static final double MAH_PER_G = 3600.0;
    /** Pa per GPa. */
    public static final double GPA = 1e9;
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
