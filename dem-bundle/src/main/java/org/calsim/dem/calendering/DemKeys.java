package org.calsim.dem.calendering;

import org.calsim.api.contact.BondSpec;
import org.calsim.api.stage.Key;

/** State entries the DEM stages hand each other (inside this bundle). */
final class DemKeys {
    private DemKeys() {
    }

    /**
     * Carbon-binder bridges to form as bonds before calendering: between active-material particles whose
     * surfaces are closer than {@code gap} [m].
     */
    record BondPlan(BondSpec spec, double gap) {
    }

    /**
     * How the generated coating was made.
     *
     * @param densityScaling   factor on every density [1]
     * @param cbdSolidFraction solid fraction inside a CBD sphere, 1 − nanoporosity [1]
     * @param bonds            CBD bridges to form as bonds, or {@code null}
     * @param bodyForce        the acceleration on the coating in calendering, along −z [m/s²]: its weight,
     *                         −g/s for density scaling s
     */
    record Coating(double densityScaling, double cbdSolidFraction, BondPlan bonds, double bodyForce) {
    }

    /** The generator's description of the coating. */
    static final Key<Coating> COATING = Key.of("dem.coating", Coating.class, "-",
            "how the DEM coating was generated (density scaling, CBD nanoporosity, CBD bonds)");
}
