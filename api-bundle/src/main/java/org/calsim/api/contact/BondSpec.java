package org.calsim.api.contact;

/**
 * Material and strength of a bond in the bonded-particle model (Potyondy and Cundall, Int. J. Rock Mech.
 * Min. Sci. 41 (2004) 1329; eqs 17–20 of the review): a cylinder of radius R_b = λ min(r_i, r_j) joining the
 * two centres.
 *
 * @param youngsModulus    bond Young's modulus E_b [Pa], &gt; 0 (eq 19)
 * @param poissonRatio     bond Poisson's ratio ν_b [1], in (−1, 0.5]; shear modulus E_b/(2(1+ν_b)) (eq 20)
 * @param radiusMultiplier λ = R_b / min(r_i, r_j) [1], &gt; 0
 * @param tensileStrength  largest normal stress σ_c the bond carries [Pa] (eq 17), &gt; 0
 * @param shearStrength    largest shear stress τ_c the bond carries [Pa] (eq 18), &gt; 0
 * @param dampingRatio     fraction of critical damping of the bond's normal and shear springs [1], ≥ 0
 */
public record BondSpec(double youngsModulus, double poissonRatio, double radiusMultiplier, double tensileStrength,
                       double shearStrength, double dampingRatio) {

    public BondSpec {
        check("youngsModulus", youngsModulus, youngsModulus > 0 && youngsModulus < Double.POSITIVE_INFINITY, "> 0 Pa");
        check("poissonRatio", poissonRatio, poissonRatio > -1 && poissonRatio <= 0.5, "> -1 and <= 0.5");
        check("radiusMultiplier", radiusMultiplier, radiusMultiplier > 0 && radiusMultiplier < Double.POSITIVE_INFINITY,
                "> 0");
        check("tensileStrength", tensileStrength, tensileStrength > 0, "> 0 Pa");
        check("shearStrength", shearStrength, shearStrength > 0, "> 0 Pa");
        check("dampingRatio", dampingRatio, dampingRatio >= 0 && dampingRatio < Double.POSITIVE_INFINITY, ">= 0");
    }

    private static void check(String field, double value, boolean ok, String allowed) {
        if (!ok) {
            throw new IllegalArgumentException("bond " + field + " " + value + " is not allowed; expected " + allowed);
        }
    }

    /** @return the bond's shear modulus G_b = E_b / (2(1 + ν_b)) [Pa] (eq 20) */
    public double shearModulus() {
        return youngsModulus / (2 * (1 + poissonRatio));
    }
}
