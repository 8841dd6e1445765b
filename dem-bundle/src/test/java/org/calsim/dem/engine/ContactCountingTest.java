package org.calsim.dem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calsim.api.contact.BondSpec;
import org.calsim.api.contact.PairProperties;
import org.calsim.dem.analysis.ContactStatistics;
import org.calsim.dem.contact.BondedLaw;
import org.calsim.dem.contact.ElasticPlasticLaw;
import org.junit.jupiter.api.Test;

/**
 * What counts as a contact in the coordination number and fabric: touching pairs that carry a force. An
 * elastic–plastic contact unloaded below its plastic overlap still touches (the engine keeps it, with its dent) but
 * carries nothing; a bond across a gap carries force but the surfaces do not touch, and is counted apart.
 */
class ContactCountingTest {
    private static final double R = 1e-3;
    private static final PairProperties PLASTIC = PairProperties.mix(1e9, 0.3, 1e9, 0.3, 0.5, 0.3, 0, 0, 1e6);

    @Test
    void aTouchingContactWithoutForceIsNoContact() {
        Particles p = new Particles(2);
        p.add(0.005, 0.005, 0.002, R, 2500, 0);
        p.add(0.005, 0.005, 0.002 + 2 * R - 0.02 * R, R, 2500, 0); // δ = 2 % of R: far past yield
        try (DemEngine e = new DemEngine(p, new PeriodicBox(0.01, 0.01), 1, new PairProperties[] {PLASTIC},
                new ElasticPlasticLaw(), 1)) {
            e.setTimeStep(1e-9);
            e.setSkin(0.1 * R);
            e.initialise();
            assertEquals(1, ContactStatistics.of(e, 0.01).contacts(), "loaded: a contact");
            // separate by half the overlap in one step: the spring-back R*δ_max/R_p is well under that, so the
            // surfaces still touch with 0 < δ < δ_p, and the plastic contact carries no force
            p.setVelocity(1, 0, 0, 0.01 * R / 1e-9);
            e.advance();
            p.setVelocity(1, 0, 0, 0);
            double gap = p.z(1) - p.z(0);
            assertTrue(gap < 2 * R, "still touching");
            double[] force = {Double.NaN};
            e.forEachContact((i, j, dx, dy, dz, fx, fy, fz) -> force[0] = Math.abs(fx) + Math.abs(fy) + Math.abs(fz));
            assertEquals(0, force[0], 0, "no force below the plastic overlap");
            ContactStatistics s = ContactStatistics.of(e, 0.01);
            assertEquals(0, s.contacts());
            assertEquals(0, s.coordination(), 0);
            assertEquals(0, s.bondedApart());
        }
    }

    @Test
    void aBondAcrossAGapIsCountedApart() {
        PairProperties pp = PairProperties.mix(1e9, 0.3, 1e9, 0.3, 0.5, 0.3, 0, 0, Double.POSITIVE_INFINITY);
        Particles p = new Particles(2);
        p.add(0.005, 0.005, 0.002, R, 2500, 0);
        p.add(0.005, 0.005, 0.002 + 2 * R + 0.01 * R, R, 2500, 0); // a gap of 1 % of R
        try (DemEngine e = new DemEngine(p, new PeriodicBox(0.01, 0.01), 1, new PairProperties[] {pp},
                new BondedLaw(), 1)) {
            e.setTimeStep(1e-8);
            e.setSkin(0.1 * R);
            e.initialise();
            assertEquals(1, e.formBonds(new BondSpec(1e9, 0.3, 0.5, 1e9, 1e9, 0.1), 0.05 * R, (i, j) -> true));
            p.setVelocity(1, 0, 0, 1e-3); // stretch the bond: it pulls
            e.run(10);
            ContactStatistics s = ContactStatistics.of(e, 0.01);
            assertEquals(0, s.contacts(), "the surfaces do not touch");
            assertEquals(1, s.bondedApart());
            assertTrue(s.stress(2, 2) < 0, "the stretched bond carries tension into the stress");
        }
    }
}
