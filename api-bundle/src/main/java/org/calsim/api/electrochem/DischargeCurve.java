package org.calsim.api.electrochem;

/**
 * Voltage against delivered capacity for one constant-current discharge.
 *
 * @param cRate          C-rate [1/h]
 * @param currentDensity applied current per electrode area [A/m²]
 * @param capacity       delivered areal capacity at each sample [C/m²]
 * @param voltage        cell voltage at each sample [V]
 */
public record DischargeCurve(double cRate, double currentDensity, double[] capacity, double[] voltage) {
    public DischargeCurve {
        if (capacity.length != voltage.length) {
            throw new IllegalArgumentException("capacity has " + capacity.length + " samples, voltage " + voltage.length);
        }
    }
}
