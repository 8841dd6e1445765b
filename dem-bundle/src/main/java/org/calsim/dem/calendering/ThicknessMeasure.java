package org.calsim.dem.calendering;

import org.calsim.dem.analysis.SurfaceHeight;
import org.calsim.dem.engine.Particles;

/**
 * How the thickness h of a dried coating is measured, the h of its porosity 1 − V_solid/(Lx Ly h).
 *
 * <p>The two differ by the roughness of the top: on a strip a few particles thick the highest particle stands
 * about one radius above the mean surface, so a coating dried to the recipe's porosity by the micrometer has a body
 * that much denser (on the 10 mg/cm² roll-pass strip of 10 µm NMC: 0.45 by the micrometer, 0.37 under the mean
 * surface, which is random close packing of its spheres: a roll can then push the strip but not compact it).
 */
enum ThicknessMeasure {
    /** A micrometer's flat anvil, resting on the highest particle: max(z + r). */
    MICROMETER("micrometer"),
    /**
     * A profilometer: the mean surface height ({@link SurfaceHeight}) on a grid of {@value CalenderStage#SURFACE_GRID_D50}
     * d50, the thickness dem.calender gives a strip behind a roll.
     */
    PROFILOMETER("profilometer");

    private final String field;

    ThicknessMeasure(String field) {
        this.field = field;
    }

    /** @return the value of the job field that names this measure */
    String field() {
        return field;
    }

    /** @return the measure the job field names */
    static ThicknessMeasure named(String field) {
        for (ThicknessMeasure m : values()) {
            if (m.field.equals(field)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no thickness measure " + field);
    }

    /**
     * @param p   the coating's particles
     * @param lx  periodic length in x [m]
     * @param ly  periodic length in y [m]
     * @param d50 median active-material diameter [m]
     * @return the coating's thickness by this measure [m]
     */
    double of(Particles p, double lx, double ly, double d50) {
        return this == MICROMETER ? p.top() : SurfaceHeight.of(p, lx, ly, CalenderStage.SURFACE_GRID_D50 * d50).mean();
    }
}
