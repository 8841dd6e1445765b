package org.calsim.dem.contact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.calsim.api.contact.BondSpec;
import org.calsim.api.contact.ComposedContactLaw;
import org.calsim.api.contact.ContactForce;
import org.calsim.api.contact.ContactGeometry;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.PairProperties;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.Solver;
import org.calsim.api.stage.StageContext;
import org.calsim.api.testing.TestStageContext;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every preset computes what its composition ({@link BuiltInParts#PRESETS}, acquired through
 * {@link ContactSelection#laws} as a stage does) computes, to the bit, over a loading–unloading cycle that reaches
 * every part's branches: a finite contact yield stress (Thornton–Ning yields and unloads about a plastic overlap),
 * adhesion (JKR), sliding beyond the Coulomb limit, rolling beyond the rolling limit, and a bond (the bonded preset).
 */
class PresetCompositionTest {
    private static final PairProperties PAIR = PairProperties.mix(140e9, 0.3, 2e9, 0.35, 0.6, 0.3, 0.05, 0.2,
            100e6);
    private static final BondSpec BOND = new BondSpec(1e9, 0.3, 0.3, 20e6, 20e6, 0.1);

    /** A stage that only acquires its contact law as DEM stages do. */
    private static final class Acquire implements Solver {
        ContactLaw law;

        @Override
        public String description() {
            return "acquires the contact law";
        }

        @Override
        public List<Parameter> parameters() {
            return ContactSelection.parameters("the law");
        }

        @Override
        public Set<Key<?>> needs(Parameters parameters) {
            return Set.of();
        }

        @Override
        public Set<Key<?>> gives(Parameters parameters) {
            return Set.of();
        }

        @Override
        public void run(StageContext context) {
            law = ContactSelection.laws(context).acquire(0);
        }
    }

    @TestFactory
    List<DynamicTest> everyPresetComputesAsItsComposition() {
        return BuiltInParts.PRESETS.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Acquire stage = new Acquire();
            BuiltInParts.register(new TestStageContext()).run(stage, Map.of("contact", e.getValue()));
            ContactLaw composed = stage.law;
            ContactLaw preset = BuiltInParts.preset(e.getKey());
            assertEquals(preset.historySize(), composed.historySize());
            assertInstanceOf(ComposedContactLaw.class, composed);
            assertCycleIdentical(preset, composed);
        })).toList();
    }

    private static void assertCycleIdentical(ContactLaw a, ContactLaw b) {
        ContactGeometry g = new ContactGeometry();
        g.setBodies(5e-6, 4e-6, 2.4e-12, 1.2e-12);
        g.nz = 1;
        g.dt = 2e-10;
        double[] ha = new double[a.historySize()];
        double[] hb = new double[b.historySize()];
        g.overlap = -1e-8; // a gap the bond bridges
        assertEquals(a.formBond(g, BOND, ha, 0), b.formBond(g, BOND, hb, 0));
        ContactForce fa = new ContactForce();
        ContactForce fb = new ContactForce();
        int steps = 4000;
        double peak = 0.02 * 2.2e-6;
        for (int k = 0; k <= steps; k++) {
            double phase = k <= steps / 2 ? (double) k / (steps / 2) : 2 - (double) k / (steps / 2);
            double previous = g.overlap;
            g.overlap = -1e-8 + phase * (peak + 1e-8);
            g.normalVelocity = (g.overlap - previous) / g.dt;
            g.vtx = 0.02 * Math.sin(k * 1e-3);
            g.vty = 0.01;
            g.wx = 3e3;
            g.wy = -1e4 * Math.cos(k * 2e-3);
            g.firstStep = k == 0;
            fa.clear();
            fb.clear();
            a.compute(g, PAIR, ha, 0, fa);
            b.compute(g, PAIR, hb, 0, fb);
            double[] x = {fa.normalElastic, fa.normalStiffness, fa.normalDamping, fa.tangentialDampingCoefficient,
                fa.cohesion, fa.pullOff, fa.bondNormal, fa.ftx, fa.fty, fa.ftz, fa.tangentialStiffness, fa.trx,
                fa.try_, fa.trz};
            double[] y = {fb.normalElastic, fb.normalStiffness, fb.normalDamping, fb.tangentialDampingCoefficient,
                fb.cohesion, fb.pullOff, fb.bondNormal, fb.ftx, fb.fty, fb.ftz, fb.tangentialStiffness, fb.trx,
                fb.try_, fb.trz};
            assertArrayEquals(x, y, "step " + k);
            assertEquals(a.engaged(ha, 0), b.engaged(hb, 0));
            assertEquals(a.bondBroken(ha, 0), b.bondBroken(hb, 0));
            assertArrayEquals(ha, hb, "history at step " + k);
            if (k == steps / 2) {
                assertTrue(Arrays.stream(ha).anyMatch(v -> v != 0), "history in use at the peak");
            }
        }
    }
}
