package org.calsim.dem.contact;

import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.contact.PairProperties;
import org.calsim.api.stage.ServiceProperties;
import org.osgi.service.component.annotations.Component;

/**
 * Adhesion from the pair's work of adhesion Γ (= 2γ for like surfaces, {@link PairProperties#workOfAdhesion()}):
 * the adhesive term of the JKR theory evaluated at the Hertzian contact radius.
 *
 * <p>JKR theory (Johnson, Kendall, Roberts, Proc. R. Soc. Lond. A 324 (1971) 301; Johnson, Contact
 * Mechanics, 1985, §5.5) gives for a contact radius a the normal force
 * F = 4E*a³/(3R*) − √(8πΓE* a³). The first term is the Hertz force of a contact of radius a. Here a is
 * taken from the Hertz relation a = √(R* δ) instead of the JKR relation δ = a²/R* − √(2πΓa/E*), so that
 * {@link HertzNormal} keeps writing the first term and this part adds the second:
 *
 * <pre>
 *   F_c = −√(8π Γ E* a³),   a = √(R* δ)          [N], negative (attractive), zero for δ ≤ 0
 * </pre>
 *
 * (With Γ = 2γ the term is the 4√(πγE*) a^{3/2} often written in DEM papers.) Keeping the Hertz
 * overlap–radius relation means no implicit JKR equation is solved per contact. Consequences, by design:
 * the force is a function of δ only (no
 * hysteresis, no neck stretched to negative overlap), so a contact sticks only if damping removes the
 * impact energy; with Hertz the total elastic force is zero at the equilibrium overlap
 * δ_0 = ((3/4)√(8πΓ/E*))^{4/3} R*^{1/3}.
 *
 * <p><b>Pull-off force.</b> With Hertz, F(δ) = A δ^{3/2} − B δ^{3/4} (A = 4/3 E*√R*, B = √(8πΓE*) R*^{3/4}) has its
 * minimum −B²/(4A) = −(3/2) π Γ R* at δ^{3/4} = B/(2A): the JKR pull-off force exactly. The part writes it to
 * {@link ContactForce#pullOff} while in contact, so the friction limits use LAMMPS's |F_ne + 2 F_pulloff| and an
 * adhesive contact at its equilibrium overlap keeps its friction. Rejected alternative: the LIGGGHTS {@code sjkr} model
 * F = k_c 2πR*δ needs a cohesion energy density k_c [J/m³] that {@link PairProperties} does not carry.
 * No history.
 */
@Component(service = ContactPart.Cohesion.class,
        property = {ServiceProperties.NAME + "=" + SimplifiedJkrCohesion.NAME,
            ServiceProperties.DESCRIPTION + "=" + SimplifiedJkrCohesion.DESCRIPTION})
public final class SimplifiedJkrCohesion implements ContactPart.Cohesion {
    /** Service name of the part ({@code contact.cohesion: jkr} in a job). */
    public static final String NAME = "jkr";
    /** One line for {@code ./calsim list} and {@code describe}. */
    public static final String DESCRIPTION = "JKR adhesion at the Hertz contact radius a = sqrt(R* delta): F = -sqrt(8 "
            + "pi Gamma E* a^3), pull-off 3/2 pi Gamma R* (Johnson, Kendall, Roberts 1971); Gamma = 2 sqrt(gamma_i "
            + "gamma_j) from the materials' surface_energy; no history";

    @Override
    public void apply(ContactGeometry g, PairProperties p, double[] history, int offset, ContactForce out) {
        out.cohesion = force(p.workOfAdhesion(), p.effectiveYoungsModulus(), g.effectiveRadius, g.overlap);
        out.pullOff = out.cohesion < 0 ? pullOff(p.workOfAdhesion(), g.effectiveRadius) : 0;
    }

    /**
     * @param workOfAdhesion Γ [J/m²]
     * @param rStar          R* [m]
     * @return the JKR pull-off force (3/2) π Γ R* [N]
     */
    public static double pullOff(double workOfAdhesion, double rStar) {
        return 1.5 * Math.PI * workOfAdhesion * rStar;
    }

    /**
     * @param workOfAdhesion Γ [J/m²]
     * @param eStar          E* [Pa]
     * @param rStar          R* [m]
     * @param delta          overlap δ [m]
     * @return −√(8πΓE*(R*δ)^{3/2}) [N] for δ &gt; 0, else 0
     */
    public static double force(double workOfAdhesion, double eStar, double rStar, double delta) {
        if (delta <= 0 || workOfAdhesion <= 0) {
            return 0;
        }
        double a2 = rStar * delta;
        return -Math.sqrt(8 * Math.PI * workOfAdhesion * eStar * a2 * Math.sqrt(a2));
    }
}
