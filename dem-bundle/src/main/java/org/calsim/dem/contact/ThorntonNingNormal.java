package org.calsim.dem.contact;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.contact.PairProperties;
import org.calsim.api.stage.ServiceProperties;
import org.osgi.service.component.annotations.Component;

/**
 * Elastic–perfectly plastic normal contact of Thornton and Ning, Powder Technol. 99 (1998) 154: Hertz until
 * the contact pressure reaches a limiting value p_y, then a contact that carries the pressure p_y over the
 * part of its area that has yielded; unloading elastic (Hertzian) with a larger radius of curvature and a
 * permanent (plastic) overlap. p_y is {@link PairProperties#yieldStress()} [Pa], taken as the limiting
 * contact pressure itself (Thornton and Ning's p_y; it is larger than the uniaxial yield stress of the
 * material, by about 1.6 at first yield and up to the hardness ≈ 3σ_y at full plasticity, Johnson,
 * Contact Mechanics, 1985, ch. 6). With p_y = +∞ the part is {@link HertzNormal}, to the last bit.
 *
 * <p><b>Loading</b> (δ ≥ δ_max, the largest overlap so far). Hertz: F = 4/3 E*√R* δ^{3/2}, contact radius
 * a = √(R*δ), largest pressure p_0 = 2E*a/(πR*). p_0 reaches p_y at
 * <pre>
 *   a_y = π R* p_y / (2E*),   δ_y = a_y²/R* = π² R* p_y² / (4E*²),   F_y = 4/3 E*√R* δ_y^{3/2}
 * </pre>
 * and beyond it (Thornton and Ning eq. for the plastic stage, with a² = R*δ still)
 * <pre>
 *   F = F_y + π p_y R* (δ − δ_y)        (δ &gt; δ_y)
 * </pre>
 * The tangent stiffness is continuous at yield: 2E*√(R*δ_y) = 2E*a_y = π p_y R*.
 *
 * <p><b>Unloading and reloading</b> (δ &lt; δ_max, after yield). A Hertz law of an enlarged radius R_p about
 * a plastic overlap δ_p: F = 4/3 E*√R_p (δ − δ_p)^{3/2} for δ &gt; δ_p, 0 below. Derivation of R_p and δ_p:
 * the unloading curve starts from the loading state at δ_max, so at δ_max it must have (i) the same force
 * F_max = F(δ_max) and (ii) the same contact radius a_max = √(R*δ_max) (Thornton and Ning's condition; the
 * Hertz contact of radius R_p has a² = R_p(δ − δ_p)). (i) with (ii): F_max = 4/3 E*√R_p (a_max²/R_p)^{3/2}
 * = 4E*a_max³/(3R_p), hence
 * <pre>
 *   R_p = 4 E* a_max³ / (3 F_max),      δ_max − δ_p = a_max² / R_p = R* δ_max / R_p  (the spring-back)
 * </pre>
 * The unloading stiffness at δ_max is then 2E*√(R_p(δ_max − δ_p)) = 2E*a_max, the elastic stiffness of a
 * contact of that radius. Without yield F_max is the Hertz force, R_p = R* and δ_p = 0: the unloading
 * curve is the loading curve (this case takes the Hertz branch directly, so no rounding separates them).
 * Reloading below δ_max runs back up the unloading curve: it is elastic.
 *
 * <p>{@link ContactForce#normalStiffness} is the elastic (unloading) stiffness: 2E*√(R_p(δ − δ_p)) on the
 * unloading curve and 2E*a_max on the plastic loading line (whose one-sided loading tangent π p_y R* is
 * smaller). That is the stiffness an explicit step must resolve and the one a dashpot should see.
 *
 * <p>History: 1 slot, δ_max [m]. It is kept while the surfaces touch, also when the overlap drops below δ_p (the
 * contact then carries no force and no damping, but its dent is remembered for reloading).
 *
 * <p><b>Limitation: the dent is forgotten on separation.</b> When the surfaces separate (δ ≤ 0) the engine ends the
 * contact and zeroes its history, as LAMMPS and LIGGGHTS do (contact history lives only while the surfaces touch),
 * so a pair that separates completely and meets again starts elastic (Hertz) from a fresh δ_max. In calendering a
 * loaded contact is unloaded and reloaded mostly without separating, which the law does model; a released coating
 * whose contacts open and close again is softer on reloading than a real dented one. A swap to another law keeps
 * δ_max only when the new law has this normal part too.
 */
@Component(service = ContactPart.Normal.class,
        property = {ServiceProperties.NAME + "=" + ThorntonNingNormal.NAME,
            ServiceProperties.DESCRIPTION + "=" + ThorntonNingNormal.DESCRIPTION})
public final class ThorntonNingNormal implements ContactPart.Normal {
    /** Service name of the part ({@code contact.normal: thornton-ning} in a job). */
    public static final String NAME = "thornton-ning";
    /** One line for {@code ./calsim list} and {@code describe}. */
    public static final String DESCRIPTION = "elastic-perfectly plastic (Thornton and Ning 1998): Hertz until the "
            + "contact pressure reaches p_y, the smaller yield_stress of the two materials, then F_y + pi p_y R* "
            + "(delta - delta_y); elastic unloading about a plastic overlap; 1 history slot (largest overlap)";

    @Override
    public int historySize() {
        return 1;
    }

    @Override
    public void apply(ContactGeometry g, PairProperties p, double[] h, int o, ContactForce out) {
        double delta = g.overlap;
        double deltaMax = h[o];
        if (delta > deltaMax) {
            deltaMax = delta;
            h[o] = delta;
        }
        if (delta <= 0) {
            out.normalElastic = 0;
            out.normalStiffness = 0;
            return;
        }
        double eStar = p.effectiveYoungsModulus();
        double rStar = g.effectiveRadius;
        double py = p.yieldStress();
        double deltaY = Math.PI * Math.PI * rStar * py * py / (4 * eStar * eStar);
        if (deltaMax <= deltaY) {
            // never yielded: Hertz
            double root = Math.sqrt(rStar * delta);
            out.normalElastic = 4.0 / 3.0 * eStar * root * delta;
            out.normalStiffness = 2.0 * eStar * root;
            return;
        }
        double forceY = 4.0 / 3.0 * eStar * Math.sqrt(rStar * deltaY) * deltaY;
        double forceMax = forceY + Math.PI * py * rStar * (deltaMax - deltaY);
        double aMax = Math.sqrt(rStar * deltaMax);
        if (delta >= deltaMax) {
            // plastic loading line
            out.normalElastic = forceMax;
            out.normalStiffness = 2.0 * eStar * aMax;
            return;
        }
        // elastic unloading / reloading
        double rp = 4.0 * eStar * aMax * aMax * aMax / (3.0 * forceMax);
        double deltaP = deltaMax - aMax * aMax / rp;
        if (delta <= deltaP) {
            out.normalElastic = 0;
            out.normalStiffness = 0;
            return;
        }
        double s = delta - deltaP;
        double root = Math.sqrt(rp * s);
        out.normalElastic = 4.0 / 3.0 * eStar * root * s;
        out.normalStiffness = 2.0 * eStar * root;
    }
}
