package org.calsim.dem.calendering;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Parameters;

/**
 * The spheres of a generated coating, before they are placed: active-material (AM) diameters drawn from the size
 * distribution until their volume reaches the recipe's active loading, M_C·Lx·Ly/ρ_AM; with {@code cbd: particles}
 * as many CBD spheres of {@code cbd_diameter_um} as make the apparent volume of the carbon and binder solid,
 * V_AM (1/ρ_s − w_AM/ρ_AM)/(w_AM/ρ_AM) / (1 − nanoporosity), the small-sphere CBD of Ngandjong et al. (Electrochim.
 * Acta 2021). A coating of more than {@value ElectrodeGenerator#MAX_PARTICLES} spheres is refused, before any list is
 * filled (from the mean particle volume) and again while drawing. Volumes in m³, densities in kg/m³.
 *
 * @param radius           sphere radii, AM first [m]
 * @param type             material type per sphere ({@link ElectrodeGenerator#AM}, {@link ElectrodeGenerator#CBD_TYPE})
 * @param amCount          AM spheres
 * @param cbdCount         CBD spheres
 * @param amVolume         volume of the AM spheres drawn
 * @param cbdSolidVolume   carbon and binder solid of the recipe for that AM
 * @param cbdSolidDensity  density of the carbon and binder solid (0 without any)
 * @param cbdDiameter      diameter of a CBD sphere [m]
 */
record CoatingComposition(double[] radius, int[] type, int amCount, int cbdCount, double amVolume,
                          double cbdSolidVolume, double cbdSolidDensity, double cbdDiameter) {

    /**
     * Draws the coating.
     *
     * @param amDensity    density of the active material
     * @param cbdParticles whether the CBD is resolved as spheres
     * @param lx           box length in x [m]
     * @param ly           box length in y [m]
     * @throws InvalidInputException when the coating would have more than the most particles
     */
    static CoatingComposition draw(Parameters par, ElectrodeRecipe recipe, double amDensity, boolean cbdParticles,
                                   SizeDistribution sizes, SplittableRandom random, double lx,
                                   double ly) {
        // active material by volume from the areal loading
        double amVolume = recipe.activeMassLoading() * lx * ly / amDensity;
        double cbdD = par.number(ElectrodeGenerator.CBD_DIAMETER);
        double nano = par.number(ElectrodeGenerator.CBD_NANOPOROSITY);
        double cbdPerAm = DemSetup.cbdSolidPerAmVolume(recipe, amDensity);
        // the count refused before any list is filled (expected from the mean particle volume), and again while
        // drawing, should the draws run above it
        double expectedAm = amVolume / sizes.meanVolume();
        double expectedCbd = cbdParticles ? cbdPerAm * amVolume / (1 - nano) / (Math.PI / 6 * cbdD * cbdD * cbdD) : 0;
        if (!(expectedAm + expectedCbd <= ElectrodeGenerator.MAX_PARTICLES)) {
            throw tooMany(par, expectedAm + expectedCbd);
        }
        List<Double> diameters = new ArrayList<>();
        double v = 0;
        while (v < amVolume) {
            if (diameters.size() >= ElectrodeGenerator.MAX_PARTICLES) {
                throw tooMany(par, diameters.size() + expectedCbd);
            }
            double d = sizes.draw(random);
            double dv = Math.PI / 6 * d * d * d;
            if (v + dv / 2 > amVolume && !diameters.isEmpty()) {
                break; // the next particle would overshoot more than it fills
            }
            diameters.add(d);
            v += dv;
        }
        int amCount = diameters.size();
        // carbon-binder domain
        double wAm = recipe.activeMassFraction();
        double cbdSolidVolume = cbdPerAm * v;
        double cbdSolidDensity = cbdSolidVolume > 0 ? (1 - wAm) / (1 / recipe.solidDensity() - wAm / amDensity) : 0;
        int cbdCount = 0;
        if (cbdParticles && cbdSolidVolume > 0) {
            cbdCount = (int) Math.round(cbdSolidVolume / (1 - nano) / (Math.PI / 6 * cbdD * cbdD * cbdD));
        }
        int total = amCount + cbdCount;
        if (total > ElectrodeGenerator.MAX_PARTICLES) {
            throw tooMany(par, total);
        }
        double[] radius = new double[total];
        int[] type = new int[total];
        for (int k = 0; k < amCount; k++) {
            radius[k] = diameters.get(k) / 2;
            type[k] = ElectrodeGenerator.AM;
        }
        for (int k = amCount; k < total; k++) {
            radius[k] = cbdD / 2;
            type[k] = ElectrodeGenerator.CBD_TYPE;
        }
        return new CoatingComposition(radius, type, amCount, cbdCount, v, cbdSolidVolume, cbdSolidDensity, cbdD);
    }

    private static InvalidInputException tooMany(Parameters par, double particles) {
        return new InvalidInputException(par.fieldPath(ElectrodeGenerator.BOX_X) + ", " + ElectrodeGenerator.BOX_Y
                + ", the size distribution and " + ElectrodeGenerator.CBD_DIAMETER, String.format("a coating of "
                + "about %.3g particles", particles), String.format("a box and particle sizes giving at most %,d "
                + "particles; reduce the box, enlarge the smallest particles or coarsen the CBD",
                ElectrodeGenerator.MAX_PARTICLES));
    }

    /** @return the total of the spheres' volumes, AM and CBD [m³] */
    double sphereVolume() {
        return amVolume + cbdCount * Math.PI / 6 * cbdDiameter * cbdDiameter * cbdDiameter;
    }

    /** @return the solid volume, AM and the carbon and binder solid [m³] */
    double solid() {
        return amVolume + cbdSolidVolume;
    }
}
