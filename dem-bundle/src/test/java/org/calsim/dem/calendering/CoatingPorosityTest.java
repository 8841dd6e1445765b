package org.calsim.dem.calendering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.structure.ParticlePacking;
import org.calsim.api.testing.RecordingSink;
import org.calsim.api.testing.TestStageContext;
import org.calsim.dem.contact.BondedLaw;
import org.calsim.dem.contact.HertzMindlinLaw;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * dem.generate reaches the recipe's initial porosity (issue 16 §3): the quickstart's recipe (96:2:2 NMC622, 20 mg/cm²,
 * d50 10 µm) with ε₀ from 0.40 to 0.55, on a 5 × 5 d50 box (about 170 particles, so each run takes a second or
 * two), with the CBD as bonds, as spheres and not resolved; recipes denser than random close packing are refused.
 */
class CoatingPorosityTest {
    /** The quickstart's recipe with another initial porosity. */
    static ElectrodeRecipe quickstartRecipe(double porosity) {
        double rhoS = 1 / (0.96 / 4700 + 0.02 / 1850 + 0.02 / 1780);
        return new ElectrodeRecipe("NMC622", "LiPF6-EC-EMC", 0.96, 0.02, 0.02, 0.2, rhoS, porosity, 10e-6,
                180 * 3600.0);
    }

    static TestStageContext generate(double porosity, String cbd, ContactLaw law) throws Exception {
        Map<String, Object> with = new HashMap<>(Map.of("box_x_d50", 5, "box_y_d50", 5, "density_scaling", 1e8,
                "cbd", cbd, "vtk", false, "threads", 1));
        if ("particles".equals(cbd)) { // fewer, larger CBD spheres, a firmer deposition force: quicker settling
            with.putAll(Map.of("cbd_diameter_um", 5, "deposition_overlap_fraction", 0.02, "porosity_tolerance", 0.015));
        }
        return CalenderingFixture.context(law).with(ElectrodeRecipe.KEY, quickstartRecipe(porosity))
                .run(new ElectrodeGenerator(), with);
    }

    /**
     * The porosity 1 − V_solid/(Lx Ly h), h = max(z + r), is the recipe's to ±0.02 (the stage aims at its
     * porosity_tolerance, 0.005); no particle overlaps another or the collector by more than the settled contacts do,
     * and the stage names the mechanism.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.40, 0.45, 0.48, 0.50, 0.55})
    void bondsCoatingReachesTheRecipePorosity(double porosity) throws Exception {
        TestStageContext c = generate(porosity, "bonds", new BondedLaw());
        RecordingSink s = c.sink();
        assertEquals(porosity, s.get("porosity"), 0.02, "porosity of the dried coating");
        assertEquals(porosity, s.get("recipe_initial_porosity"), 0);
        assertTrue(s.notes.get("porosity_mechanism").contains("drying"), s.notes.toString());
        assertNoOverlap(c.given(ParticlePacking.KEY));
    }

    /**
     * With {@code thickness_measure: profilometer} the coating dries until the porosity under its mean surface is the
     * recipe's (to ±0.02, as above); the thickness reported is that mean surface, below the highest particle top, and
     * measured by the top the same coating is looser by the roughness of its top (here by more than 0.02: a
     * micrometer-dried coating of the same recipe would have a body that much denser).
     */
    @Test
    void aProfilometerCoatingHasTheRecipePorosityUnderItsMeanSurface() throws Exception {
        double porosity = 0.45;
        Map<String, Object> with = Map.of("box_x_d50", 5, "box_y_d50", 5, "density_scaling", 1e8, "cbd", "bonds",
                "vtk", false, "threads", 1, "thickness_measure", "profilometer");
        TestStageContext c = CalenderingFixture.context(new BondedLaw()).with(ElectrodeRecipe.KEY,
                quickstartRecipe(porosity)).run(new ElectrodeGenerator(), with);
        RecordingSink s = c.sink();
        assertEquals(porosity, s.get("porosity"), 0.02);
        ParticlePacking p = c.given(ParticlePacking.KEY);
        double top = 0;
        for (int i = 0; i < p.size(); i++) {
            top = Math.max(top, p.z()[i] + p.radius()[i]);
        }
        double h = s.get("thickness_um") * 1e-6;
        assertTrue(h < top, "the mean surface " + h + " m lies below the highest top " + top + " m");
        double byTop = 1 - (1 - s.get("porosity")) * h / top;
        assertTrue(byTop > s.get("porosity") + 0.02, "by the highest top: " + byTop);
        assertTrue(s.notes.get("porosity_mechanism").contains("profilometer"), s.notes.toString());
    }

    /**
     * With the CBD as nanoporous spheres (their shells collapse with the AM's on drying) the recipe is reached too
     * (a firmer deposition force here, for speed: the soft CBD spheres then settle with larger overlaps).
     */
    @Test
    void cbdParticlesCoatingReachesTheRecipePorosity() throws Exception {
        double porosity = 0.50;
        TestStageContext c = generate(porosity, "particles", new HertzMindlinLaw());
        ParticlePacking p = c.given(ParticlePacking.KEY);
        assertTrue(p.size() > c.sink().get("am_particles"), "CBD spheres present");
        assertEquals(porosity, c.sink().get("porosity"), 0.02);
    }

    /** Without the CBD resolved its solid still counts, and the recipe is reached. */
    @Test
    void unresolvedCbdCoatingReachesTheRecipePorosity() throws Exception {
        TestStageContext c = generate(0.50, "none", new HertzMindlinLaw());
        assertEquals(0.50, c.sink().get("porosity"), 0.02);
    }

    /**
     * dem.calender starts from the dried coating: its initial porosity is the generated one (one definition, CBD
     * solid from the bond plan), and plate compaction with bonds between the dried particles lowers it.
     */
    @Test
    void theCalenderStartsFromTheRecipePorosity() throws Exception {
        TestStageContext g = generate(0.50, "bonds", new BondedLaw());
        TestStageContext c = CalenderingFixture.context(new BondedLaw())
                .with(ElectrodeRecipe.KEY, quickstartRecipe(0.50))
                .with(ParticlePacking.KEY, g.given(ParticlePacking.KEY)).with(DemKeys.COATING, g.given(DemKeys.COATING))
                .run(new CalenderStage(), CalenderingStagesTest.plate(Map.of("threads", 1)));
        RecordingSink s = c.sink();
        assertEquals(g.sink().get("porosity"), s.get("initial_porosity"), 1e-9);
        assertTrue(s.get("bonds_formed") > 0, "CBD bonds between the dried particles");
        assertTrue(s.get("final_porosity") < 0.48, "calendering compacts the coating: " + s.summary);
    }

    /**
     * Between random close packing and what the spheres settle to (about 0.40 here), the stage delivers the densest
     * deposit and says that it missed the recipe, with both porosities.
     */
    @Test
    void aRecipeDenserThanTheDepositSaysItWasNotReached() throws Exception {
        RecordingSink s = generate(0.33, "bonds", new BondedLaw()).sink();
        assertTrue(s.get("porosity") > 0.36, "the settled deposit: " + s.get("porosity"));
        String note = s.notes.get("porosity_not_reached");
        assertTrue(note != null && note.contains("0.3300") && note.contains(String.format("%.4f", s.get("porosity"))),
                s.notes.toString());
    }

    /** Denser than random close packing of the spheres: refused before any settling, naming the field. */
    @Test
    void aRecipeDenserThanRandomClosePackingIsRefused() {
        InvalidInputException x = assertThrows(InvalidInputException.class,
                () -> generate(0.20, "bonds", new BondedLaw()));
        assertTrue(x.getMessage().contains("initial_porosity") && x.getMessage().contains("0.2"), x.getMessage());
    }

    /**
     * No two particles overlap by more than 5 % of the smaller radius, and none enters the collector by more than 5 %
     * of its radius: the contact overlaps of the settled deposit (the lowest particles carry the weight of the
     * coating; drying adds none).
     */
    static void assertNoOverlap(ParticlePacking p) {
        double[] x = p.x();
        double[] y = p.y();
        double[] z = p.z();
        double[] r = p.radius();
        for (int i = 0; i < p.size(); i++) {
            assertTrue(z[i] > 0.95 * r[i], "particle " + i + " above the collector");
            for (int j = i + 1; j < p.size(); j++) {
                double dx = x[i] - x[j];
                dx -= p.boxX() * Math.rint(dx / p.boxX());
                double dy = y[i] - y[j];
                dy -= p.boxY() * Math.rint(dy / p.boxY());
                double dz = z[i] - z[j];
                double overlap = r[i] + r[j] - Math.sqrt(dx * dx + dy * dy + dz * dz);
                assertTrue(overlap < 0.05 * Math.min(r[i], r[j]), "particles " + i + " and " + j + " overlap by "
                        + overlap);
            }
        }
    }
}
