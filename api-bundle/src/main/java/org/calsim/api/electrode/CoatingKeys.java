package org.calsim.api.electrode;

import org.calsim.api.stage.Key;

/** Standard state keys for the calendered coating. Values SI. */
public final class CoatingKeys {
    /** Porosity of the calendered coating ε_C [1]. */
    public static final Key<Double> POROSITY = Key.of("coating.porosity", Double.class, "1",
            "porosity of the calendered coating");
    /** Thickness of the calendered coating after spring-back [m]. */
    public static final Key<Double> THICKNESS = Key.of("coating.thickness", Double.class, "m",
            "thickness of the calendered coating");
    /** Coating density after calendering ρ_C,i [kg/m³]. */
    public static final Key<Double> DENSITY = Key.of("coating.density", Double.class, "kg/m^3",
            "density of the calendered coating");
    /** Degree of compaction Π = 1 − δ/δ_0 [1] (eq 3). */
    public static final Key<Double> COMPACTION_DEGREE = Key.of("coating.compaction_degree", Double.class, "1",
            "degree of compaction (eq 3)");
    /** Mean pressure in the roll nip p = F_N / A_Γ [Pa]. */
    public static final Key<Double> NIP_PRESSURE = Key.of("calendering.nip_pressure", Double.class, "Pa",
            "mean pressure in the roll nip");

    private CoatingKeys() {
    }
}
