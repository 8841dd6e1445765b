package org.calsim.api.structure;

import java.util.List;
import java.util.Objects;
import org.calsim.api.stage.Key;

/**
 * Spheres in a box, structure-of-arrays: particle {@code i} is at ({@code x[i]}, {@code y[i]},
 * {@code z[i]}) with radius {@code radius[i]} and material {@code materials.get(type[i])}. The box is
 * periodic in x and y; z = 0 is the current collector. All lengths in m.
 *
 * <p>The arrays are shared, not copied: a receiving stage must not modify them.
 *
 * @param x         centre x [m]
 * @param y         centre y [m]
 * @param z         centre z [m]
 * @param radius    radius [m]
 * @param type      index into {@code materials}
 * @param materials material names by type index
 * @param boxX      periodic length in x [m]
 * @param boxY      periodic length in y [m]
 * @param boxZ      height of the domain in z [m]
 */
public record ParticlePacking(double[] x, double[] y, double[] z, double[] radius, int[] type, List<String> materials,
                              double boxX, double boxY, double boxZ) {

    /** State key of the current packing. */
    public static final Key<ParticlePacking> KEY = Key.of("structure.packing", ParticlePacking.class, "-",
            "particle packing (structure of arrays)");

    public ParticlePacking {
        Objects.requireNonNull(materials, "materials");
        int n = x.length;
        if (y.length != n || z.length != n || radius.length != n || type.length != n) {
            throw new IllegalArgumentException("particle arrays differ in length: x " + n + ", y " + y.length
                    + ", z " + z.length + ", radius " + radius.length + ", type " + type.length);
        }
        materials = List.copyOf(materials);
    }

    /** @return number of particles */
    public int size() {
        return x.length;
    }

    /** @return total sphere volume Σ 4/3 π r³ [m³] */
    public double solidVolume() {
        double v = 0;
        for (double r : radius) {
            v += r * r * r;
        }
        return 4.0 / 3.0 * Math.PI * v;
    }
}
