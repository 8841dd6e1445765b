package org.calsim.materials;

/** Conversions of published units to SI. */
final class Units {
    /** 1 mAh/g = 3.6 C / 1e-3 kg = 3600 C/kg. */
    static final double MAH_PER_G = 3600.0;
    /** 1 g/cm³ = 1000 kg/m³. */
    static final double G_PER_CM3 = 1000.0;
    /** 1 GPa in Pa. */
    static final double GPA = 1e9;

    private Units() {
    }
}
