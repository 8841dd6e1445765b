package org.calsim.api.contact;

/**
 * Material properties of a contacting pair, mixed once per pair of material types (not per contact).
 *
 * @param effectiveYoungsModulus E* = [(1−ν_i²)/E_i + (1−ν_j²)/E_j]⁻¹ [Pa] (Hertz)
 * @param effectiveShearModulus  G* = [2(2−ν_i)(1+ν_i)/E_i + 2(2−ν_j)(1+ν_j)/E_j]⁻¹ [Pa] (Mindlin)
 * @param restitution            coefficient of restitution e, 0 < e ≤ 1 [1]
 * @param friction               sliding (Coulomb) friction coefficient μ [1]
 * @param rollingFriction        rolling friction coefficient μ_r [1]
 * @param workOfAdhesion         work of adhesion Γ = 2γ for like surfaces [J/m²]; 0 for none
 * @param yieldStress            contact yield stress σ_y for elastic–plastic laws [Pa];
 *                               {@link Double#POSITIVE_INFINITY} for purely elastic contact
 */
public record PairProperties(double effectiveYoungsModulus, double effectiveShearModulus, double restitution,
                             double friction, double rollingFriction, double workOfAdhesion, double yieldStress) {

    /**
     * Mixes two materials' elastic constants by the Hertz and Mindlin rules; the other properties are
     * those of the contact (they belong to the pair, not to one body).
     *
     * @param ei  Young's modulus of i [Pa]
     * @param nui Poisson's ratio of i [1]
     * @param ej  Young's modulus of j [Pa]
     * @param nuj Poisson's ratio of j [1]
     */
    public static PairProperties mix(double ei, double nui, double ej, double nuj, double restitution,
                                     double friction, double rollingFriction, double workOfAdhesion,
                                     double yieldStress) {
        double eStar = 1.0 / ((1 - nui * nui) / ei + (1 - nuj * nuj) / ej);
        double gStar = 1.0 / (2 * (2 - nui) * (1 + nui) / ei + 2 * (2 - nuj) * (1 + nuj) / ej);
        return new PairProperties(eStar, gStar, restitution, friction, rollingFriction, workOfAdhesion, yieldStress);
    }
}
