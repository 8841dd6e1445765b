package org.calsim.api.electrochem;

import org.calsim.api.stage.Key;

/**
 * Delivered capacity against current density: the rate capability of an electrode.
 *
 * @param currentDensity          applied current per electrode area, ascending [A/m²]
 * @param capacity                delivered areal capacity at each current density [C/m²]
 * @param nominalCapacity         areal capacity at vanishing current Q_0 [C/m²]
 * @param criticalCurrentDensity  current density I* above which capacity drops steeply [A/m²]
 * @param method                  model that produced it, e.g. {@code "penetration depth (eq 14)"}
 */
public record RateCapability(double[] currentDensity, double[] capacity, double nominalCapacity,
                             double criticalCurrentDensity, String method) {

    /** State key of the rate capability. */
    public static final Key<RateCapability> KEY = Key.of("electrochem.rate_capability", RateCapability.class, "-",
            "delivered capacity against current density");

    public RateCapability {
        if (currentDensity.length != capacity.length) {
            throw new IllegalArgumentException("currentDensity has " + currentDensity.length + " values, capacity "
                    + capacity.length);
        }
    }
}
