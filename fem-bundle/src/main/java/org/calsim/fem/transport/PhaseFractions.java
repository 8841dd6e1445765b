package org.calsim.fem.transport;

import org.calsim.api.stage.Parameter;
import org.calsim.api.structure.VoxelImage;
import org.calsim.api.transport.EffectiveProperties;

/**
 * The volume fractions of a labelled coating image (0 pore, 1 active material, 2 apparent CBD) in the terms
 * {@link EffectiveProperties} defines: pore porosity ε_p (label 0), total porosity ε = ε_p + ε_n φ_CBD with ε_n the
 * CBD nanoporosity, and active volume fraction ε_s (label 1).
 *
 * @param pore    ε_p [1]
 * @param total   ε [1]
 * @param active  ε_s [1]
 * @param cbd     apparent CBD volume fraction φ_CBD, nanopores included [1]
 */
record PhaseFractions(double pore, double total, double active, double cbd) {
    /** Parameter: porosity inside the CBD. */
    static final String NANOPOROSITY = "cbd_nanoporosity";

    /** @return the nanoporosity parameter, with the default dem.generate and fem.elasticity use */
    static Parameter nanoporosityParameter() {
        return Parameter.number(NANOPOROSITY, "1", 1, "porosity inside the CBD (electrolyte-filled; counted in the "
                + "total porosity the P2D electrode takes)").closed(0, 0.95).withDefault(0.5);
    }

    /**
     * @param image          a coating image labelled 0 pore, 1 AM, 2 CBD
     * @param nanoporosity   ε_n [1]
     * @return its volume fractions
     */
    static PhaseFractions of(VoxelImage image, double nanoporosity) {
        long[] count = new long[3];
        for (byte b : image.labels()) {
            if (b >= 0 && b < 3) {
                count[b]++;
            }
        }
        double n = image.labels().length;
        double pore = count[0] / n;
        double cbd = count[2] / n;
        return new PhaseFractions(pore, pore + nanoporosity * cbd, count[1] / n, cbd);
    }

    /** @return the effective properties with these fractions */
    EffectiveProperties with(double through, double inPlane, double electronic, String method) {
        return new EffectiveProperties(pore, total, active, through, inPlane, electronic, method);
    }
}
