package org.calsim.empirical.ratecapability;

import java.util.Objects;
import org.calsim.empirical.Checks;
import org.calsim.support.units.PhysicalConstants;

/**
 * Tambio's penetration-depth model of rate capability, eqs 9–14 of the review: S. J. Tambio et al.,
 * "The concept of effective porosity in the discharge rate performance of high-density positive
 * electrodes for automotive application", J. Electrochem. Soc. 167 (2020) 160509.
 *
 * <ul>
 * <li>penetration depth L_d = (ε/T) D_0 c_0 F / ((1 − t₊) I) (eq 9);</li>
 * <li>critical current density I*, where L_d = L: I* = (ε/T) D_0 c_0 F / ((1 − t₊) L);</li>
 * <li>delivered capacity Q(I) = Q_0 for I &le; I*, Q_0 L_d/L = Q_0 I* / I above (eqs 13–14).</li>
 * </ul>
 *
 * <p>Units SI: I in A/m², Q in C/m², c_0 in mol/m³, D_0 in m²/s, L and L_d in m.
 */
public final class PenetrationDepthModel {
    private final Electrolyte electrolyte;
    private final double porosity;
    private final double tortuosityFactor;
    private final double thickness;
    private final double nominalCapacity;

    /**
     * @param electrolyte      bulk electrolyte (D_0, c_0, t₊)
     * @param porosity         ε [1], 0 &lt; ε &lt; 1
     * @param tortuosityFactor T [1], &gt; 0
     * @param thickness        electrode (coating) thickness L [m], &gt; 0
     * @param nominalCapacity  areal capacity at vanishing current Q_0 [C/m²], &gt; 0
     */
    public PenetrationDepthModel(Electrolyte electrolyte, double porosity, double tortuosityFactor,
                                 double thickness, double nominalCapacity) {
        this.electrolyte = Objects.requireNonNull(electrolyte, "electrolyte");
        this.porosity = Checks.porosity("porosity", porosity);
        this.tortuosityFactor = Checks.positive("tortuosity factor T", tortuosityFactor);
        this.thickness = Checks.positive("electrode thickness L [m]", thickness);
        this.nominalCapacity = Checks.positive("nominal areal capacity Q_0 [C/m^2]", nominalCapacity);
    }

    /** @return the product (ε/T) D_0 c_0 F / (1 − t₊) [A/m]: L_d I, constant in I */
    private double depthTimesCurrent() {
        return porosity / tortuosityFactor * electrolyte.saltDiffusivity() * electrolyte.saltConcentration() * PhysicalConstants.FARADAY
                / (1 - electrolyte.transferenceNumber());
    }

    /**
     * Eq 9.
     *
     * @param currentDensity I [A/m²], &gt; 0
     * @return penetration depth L_d [m]
     */
    public double penetrationDepth(double currentDensity) {
        Checks.positive("current density I [A/m^2]", currentDensity);
        return depthTimesCurrent() / currentDensity;
    }

    /** @return critical current density I*, where L_d = L [A/m²] */
    public double criticalCurrentDensity() {
        return depthTimesCurrent() / thickness;
    }

    /**
     * Eqs 13–14.
     *
     * @param currentDensity I [A/m²], &gt; 0
     * @return Q = Q_0 for I &le; I*, else Q_0 L_d/L [C/m²]
     */
    public double capacity(double currentDensity) {
        return capacity(nominalCapacity, criticalCurrentDensity(), currentDensity);
    }

    /**
     * Eqs 13–14 in terms of the two parameters a rate test measures.
     *
     * @param nominalCapacity        Q_0 [C/m²]
     * @param criticalCurrentDensity I* [A/m²], &gt; 0
     * @param currentDensity         I [A/m²], &gt; 0
     * @return Q = Q_0 for I &le; I*, Q_0 I* / I above [C/m²]
     */
    public static double capacity(double nominalCapacity, double criticalCurrentDensity, double currentDensity) {
        Checks.positive("current density I [A/m^2]", currentDensity);
        Checks.positive("critical current density I* [A/m^2]", criticalCurrentDensity);
        if (currentDensity <= criticalCurrentDensity) {
            return nominalCapacity;
        }
        return nominalCapacity * criticalCurrentDensity / currentDensity;
    }

    /**
     * The tortuosity factor a measured critical current density implies (eq 9 with L_d = L solved for T).
     *
     * @param electrolyte            bulk electrolyte (D_0, c_0, t₊)
     * @param porosity               ε [1]
     * @param thickness              L [m]
     * @param criticalCurrentDensity I* [A/m²], &gt; 0
     * @return T = ε D_0 c_0 F / ((1 − t₊) I* L) [1]
     */
    public static double impliedTortuosityFactor(Electrolyte electrolyte, double porosity, double thickness,
                                                 double criticalCurrentDensity) {
        Checks.porosity("porosity", porosity);
        Checks.positive("electrode thickness L [m]", thickness);
        Checks.positive("critical current density I* [A/m^2]", criticalCurrentDensity);
        return porosity * electrolyte.saltDiffusivity() * electrolyte.saltConcentration() * PhysicalConstants.FARADAY
                / ((1 - electrolyte.transferenceNumber()) * criticalCurrentDensity * thickness);
    }

    /** @return ε [1] */
    public double porosity() {
        return porosity;
    }

    /** @return T [1] */
    public double tortuosityFactor() {
        return tortuosityFactor;
    }

    /** @return L [m] */
    public double thickness() {
        return thickness;
    }

    /** @return Q_0 [C/m²] */
    public double nominalCapacity() {
        return nominalCapacity;
    }

    /** @return the electrolyte */
    public Electrolyte electrolyte() {
        return electrolyte;
    }
}
