package org.calsim.api.contact;

/**
 * Material and strength of a bond in the bonded-particle model (Potyondy and Cundall, Int. J. Rock Mech.
 * Min. Sci. 41 (2004) 1329; eqs 17–20 of the review): a cylinder of radius R_b = λ min(r_i, r_j) joining the
 * two centres. It is brittle as in Potyondy and Cundall (it breaks where its stresses first reach a strength)
 * unless it has a plastic failure strain: it then yields at its strengths, elastic–perfectly plastic, and breaks
 * once its accumulated plastic strain exceeds that strain (a ductile binder bridge; see the bond part).
 *
 * @param youngsModulus    bond Young's modulus E_b [Pa], &gt; 0 (eq 19)
 * @param poissonRatio     bond Poisson's ratio ν_b [1], in (−1, 0.5]; shear modulus E_b/(2(1+ν_b)) (eq 20)
 * @param radiusMultiplier λ = R_b / min(r_i, r_j) [1], &gt; 0
 * @param tensileStrength  largest normal stress σ_c the bond carries [Pa] (eq 17), &gt; 0
 * @param shearStrength    largest shear stress τ_c the bond carries [Pa] (eq 18), &gt; 0
 * @param dampingRatio     fraction of critical damping of the bond's normal and shear springs [1], ≥ 0
 * @param failureStrain    accumulated plastic strain at which a yielding bond breaks [1], ≥ 0; 0 for a brittle bond
 */
public record BondSpec(double youngsModulus, double poissonRatio, double radiusMultiplier, double tensileStrength,
                       double shearStrength, double dampingRatio, double failureStrain) {

    /** A brittle bond (failure strain 0), Potyondy and Cundall's. */
    public BondSpec(double youngsModulus, double poissonRatio, double radiusMultiplier, double tensileStrength,
                    double shearStrength, double dampingRatio) {
        this(youngsModulus, poissonRatio, radiusMultiplier, tensileStrength, shearStrength, dampingRatio, 0);
    }

    public BondSpec {
        check("youngsModulus", youngsModulus, youngsModulus > 0 && youngsModulus < Double.POSITIVE_INFINITY, "> 0 Pa");
        check("poissonRatio", poissonRatio, poissonRatio > -1 && poissonRatio <= 0.5, "> -1 and <= 0.5");
        check("radiusMultiplier", radiusMultiplier, radiusMultiplier > 0 && radiusMultiplier < Double.POSITIVE_INFINITY,
                "> 0");
        check("tensileStrength", tensileStrength, tensileStrength > 0, "> 0 Pa");
        check("shearStrength", shearStrength, shearStrength > 0, "> 0 Pa");
        check("dampingRatio", dampingRatio, dampingRatio >= 0 && dampingRatio < Double.POSITIVE_INFINITY, ">= 0");
        check("failureStrain", failureStrain, failureStrain >= 0 && failureStrain < Double.POSITIVE_INFINITY,
                ">= 0 (0: brittle)");
    }

    private static void check(String field, double value, boolean ok, String allowed) {
        if (!ok) {
            throw new IllegalArgumentException("bond " + field + " " + value + " is not allowed; expected " + allowed);
        }
    }

    /** @return whether the bond yields at its strengths instead of breaking there */
    public boolean ductile() {
        return failureStrain > 0;
    }

    /** @return the bond's shear modulus G_b = E_b / (2(1 + ν_b)) [Pa] (eq 20) */
    public double shearModulus() {
        return youngsModulus / (2 * (1 + poissonRatio));
    }
}
