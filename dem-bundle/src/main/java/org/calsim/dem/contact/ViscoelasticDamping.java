package org.calsim.dem.contact;

import java.util.Arrays;
import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.contact.PairProperties;
import org.calsim.api.stage.ServiceProperties;
import org.osgi.service.component.annotations.Component;

/**
 * Viscoelastic normal and tangential damping for Hertz–Mindlin contact, in the form LIGGGHTS uses for
 * its {@code hertz} model (Tsuji, Tanaka, Ishida, Powder Technol. 71 (1992) 239; coefficient mapping as
 * in Antypov and Elliott, EPL 94 (2011) 50004):
 *
 * <pre>
 *   β   = ln e / √(ln² e + π²)              (β ≤ 0)
 *   S_n = k_n,   S_t = 8 G* √(R* δ)
 *   η_n = −2 √(5/6) β √(S_n m*),   η_t = −2 √(5/6) β √(S_t m*)
 *   F_d = η_n v_n
 * </pre>
 *
 * with k_n the normal stiffness the normal part wrote ({@link ContactForce#normalStiffness}: 2E*√(R*δ) for Hertz,
 * the unloading stiffness of an elastic–plastic contact) and v_n = dδ/dt positive while approaching, so F_d is repulsive during approach and attractive during
 * separation: it always opposes the relative normal motion. Because η_n ∝ δ^{1/4}, the restitution this
 * gives is independent of the impact speed, but it equals e only approximately (the mapping is exact for a
 * linear spring; see the tests for the realised values).
 *
 * <p>The dashpot acts only while the normal part carries an elastic force (k_n &gt; 0): an elastic–plastic contact
 * unloaded below its plastic overlap δ_p has no spring, and a dashpot alone would pull apart surfaces that have
 * already separated. No history.
 */
@Component(service = ContactPart.Damping.class,
        property = {ServiceProperties.NAME + "=" + ViscoelasticDamping.NAME,
            ServiceProperties.DESCRIPTION + "=" + ViscoelasticDamping.DESCRIPTION})
public final class ViscoelasticDamping implements ContactPart.Damping {
    /** Service name of the part ({@code contact.damping: viscoelastic} in a job). */
    public static final String NAME = "viscoelastic";
    /** One line for {@code ./calsim list} and {@code describe}. */
    public static final String DESCRIPTION = "viscoelastic dashpot of LIGGGHTS' hertz model (Tsuji, Tanaka, Ishida "
            + "1992): eta = -2 sqrt(5/6) beta sqrt(k m*), beta = ln e / sqrt(ln^2 e + pi^2), e from with: restitution; "
            + "normal and tangential; no history";

    private static final double TWO_SQRT_5_6 = 2.0 * Math.sqrt(5.0 / 6.0);
    private static final int CACHED = 32;

    /** β by restitution, copy-on-write: a contact reads it without a logarithm and without allocating. */
    private static final class Betas {
        final double[] restitution;
        final double[] beta;

        Betas(double[] restitution, double[] beta) {
            this.restitution = restitution;
            this.beta = beta;
        }
    }

    private volatile Betas betas = new Betas(new double[0], new double[0]);

    /**
     * @return β for e, from the cache of the (few) restitution values a job uses; a new value is computed and
     *         added (up to {@value #CACHED} values; a lost race only means it is computed again)
     */
    private double cachedBeta(double restitution) {
        Betas b = betas;
        double[] keys = b.restitution;
        for (int k = 0; k < keys.length; k++) {
            if (keys[k] == restitution) {
                return b.beta[k];
            }
        }
        double value = beta(restitution);
        if (keys.length < CACHED) {
            double[] e = Arrays.copyOf(keys, keys.length + 1);
            double[] v = Arrays.copyOf(b.beta, keys.length + 1);
            e[keys.length] = restitution;
            v[keys.length] = value;
            betas = new Betas(e, v);
        }
        return value;
    }

    /** @return β = ln e / √(ln² e + π²) for 0 &lt; e ≤ 1 */
    public static double beta(double restitution) {
        double lnE = Math.log(restitution);
        return lnE / Math.sqrt(lnE * lnE + Math.PI * Math.PI);
    }

    /**
     * @return the factor −2 √(5/6) β of both dashpots for restitution e (η = factor · √(S m*)), as {@link #apply}
     *         forms it
     */
    public static double dashpotFactor(double restitution) {
        return -TWO_SQRT_5_6 * beta(restitution);
    }

    /**
     * @return {@link #dashpotFactor} for e from this part's cache of the restitution values it has seen (no logarithm
     *         per contact)
     */
    public double cachedDashpotFactor(double restitution) {
        return -TWO_SQRT_5_6 * cachedBeta(restitution);
    }

    @Override
    public void apply(ContactGeometry g, PairProperties p, double[] history, int offset, ContactForce out) {
        if (g.overlap <= 0 || !(out.normalStiffness > 0)) {
            out.normalDamping = 0;
            out.tangentialDampingCoefficient = 0;
            return;
        }
        double factor = cachedDashpotFactor(p.restitution());
        double sn = out.normalStiffness;
        double st = 8.0 * p.effectiveShearModulus() * g.contactRadius();
        out.normalDamping = factor * Math.sqrt(sn * g.effectiveMass) * g.normalVelocity;
        out.tangentialDampingCoefficient = factor * Math.sqrt(st * g.effectiveMass);
    }
}
