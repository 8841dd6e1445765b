package org.calsim.runtime.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.job.FileAccess;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterBinderTest {
    private static final List<Parameter> DECLARED = List.of(
            Parameter.number("line_load_kN_per_m", "kN/m", 1e3, "line load").nonNegative(),
            Parameter.number("eps_min", "1", 1, "minimum porosity").open(0, 1).optional(),
            Parameter.number("alpha", "1", 1, "Bruggeman exponent").positive().withDefault(1.5),
            Parameter.numbers("c_rates", "1/h", 1.0 / 3600, "C-rates").positive().withDefault(new double[] {0.1, 1}),
            Parameter.choice("model", List.of("exponential", "compaction-factor"), "law").withDefault("exponential"),
            Parameter.integer("steps", "steps").positive().withDefault(10),
            Parameter.file("fit_csv", "data").optional());

    @TempDir
    Path dir;

    private JobFolder job() {
        return JobFolder.confined(dir);
    }

    private static JsonNode yaml(String text) throws Exception {
        return new YAMLMapper().readTree(text);
    }

    @Test
    void convertsToSiAndAppliesDefaults() throws Exception {
        BoundParameters p = ParameterBinder.bind(DECLARED, yaml("line_load_kN_per_m: 120\nc_rates: [1, 2]"), "s",
                job());
        assertEquals(120e3, p.number("line_load_kN_per_m"), 0);
        assertEquals(1.5, p.number("alpha"), 0);
        assertArrayEquals(new double[] {1 / 3600.0, 2 / 3600.0}, p.numbers("c_rates"), 1e-18);
        assertEquals("exponential", p.text("model"));
        assertEquals(10, p.integer("steps"));
        assertFalse(p.isSet("eps_min"));
        assertEquals("s.eps_min", p.fieldPath("eps_min"));
    }

    @Test
    void namesFieldValueAndRangeWhenOutOfRange() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ParameterBinder.bind(DECLARED, yaml("line_load_kN_per_m: 10\neps_min: 1.0"), "stages[0].with",
                        job()));
        assertEquals("stages[0].with.eps_min", e.field());
        assertEquals("1.0", e.value());
        assertTrue(e.getMessage().contains("a number > 0 and < 1"), e.getMessage());
    }

    @Test
    void rejectsUnknownFieldListingTheAllowedOnes() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ParameterBinder.bind(DECLARED, yaml("line_lod_kN_per_m: 10"), "calendering", job()));
        assertEquals("calendering.line_lod_kN_per_m", e.field());
        assertTrue(e.getMessage().contains("line_load_kN_per_m"), e.getMessage());
    }

    @Test
    void requiresRequiredFields() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ParameterBinder.bind(DECLARED, yaml("alpha: 2"), "x", job()));
        assertEquals("x.line_load_kN_per_m", e.field());
        assertTrue(e.getMessage().contains("required"), e.getMessage());
    }

    @Test
    void rejectsWrongTypesAndChoices() throws Exception {
        assertEquals("x.line_load_kN_per_m", assertThrows(InvalidInputException.class,
                () -> ParameterBinder.bind(DECLARED, yaml("line_load_kN_per_m: high"), "x", job())).field());
        assertEquals("x.model", assertThrows(InvalidInputException.class,
                () -> ParameterBinder.bind(DECLARED, yaml("line_load_kN_per_m: 1\nmodel: cubic"), "x", job())).field());
        assertEquals("x.steps", assertThrows(InvalidInputException.class,
                () -> ParameterBinder.bind(DECLARED, yaml("line_load_kN_per_m: 1\nsteps: 2.5"), "x", job())).field());
        assertEquals("x.c_rates[1]", assertThrows(InvalidInputException.class,
                () -> ParameterBinder.bind(DECLARED, yaml("line_load_kN_per_m: 1\nc_rates: [1, -2]"), "x", job()))
                .field());
    }

    @Test
    void resolvesFilesAgainstTheJobFolder() throws Exception {
        Files.writeString(dir.resolve("data.csv"), "a,b\n");
        BoundParameters p = ParameterBinder.bind(DECLARED, yaml("line_load_kN_per_m: 1\nfit_csv: data.csv"), "x",
                job());
        assertEquals(dir.resolve("data.csv"), p.file("fit_csv"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ParameterBinder.bind(DECLARED, yaml("line_load_kN_per_m: 1\nfit_csv: missing.csv"), "x", job()));
        assertEquals("x.fit_csv", e.field());
    }

    @Test
    void confinedJobsRefuseAbsolutePathsDotDotAndLinksLeavingTheirFolder() throws Exception {
        Path job = Files.createDirectories(dir.resolve("job"));
        Path outside = Files.writeString(dir.resolve("secret.txt"), "the lab token\n");
        Files.writeString(job.resolve("data.csv"), "a,b\n");
        Files.createDirectories(job.resolve("sub"));
        Files.writeString(job.resolve("sub/more.csv"), "a,b\n");
        Files.createSymbolicLink(job.resolve("link.csv"), outside);
        Files.createSymbolicLink(job.resolve("inside-link.csv"), job.resolve("data.csv"));
        JobFolder confined = JobFolder.confined(job);
        for (String value : new String[] {outside.toString(), "/etc/passwd", "../secret.txt", "sub/../../secret.txt",
            "link.csv"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> ParameterBinder.bind(DECLARED,
                    yaml("line_load_kN_per_m: 1\nfit_csv: '" + value + "'"), "stages[2].with", confined), value);
            assertEquals("stages[2].with.fit_csv", e.field());
            assertEquals(value, e.value());
            assertTrue(e.allowed().contains("relative to the job's folder"), e.getMessage());
        }
        assertEquals(job.resolve("sub/more.csv").toRealPath(), ParameterBinder.bind(DECLARED,
                yaml("line_load_kN_per_m: 1\nfit_csv: sub/../sub/more.csv"), "x", confined).file("fit_csv"));
        assertEquals(job.resolve("data.csv").toRealPath(), ParameterBinder.bind(DECLARED,
                yaml("line_load_kN_per_m: 1\nfit_csv: inside-link.csv"), "x", confined).file("fit_csv"));
    }

    @Test
    void aLocalUserMayNameTheirOwnFilesAnywhere() throws Exception {
        Path job = Files.createDirectories(dir.resolve("job"));
        Path elsewhere = Files.writeString(dir.resolve("measured.csv"), "a,b\n");
        JobFolder local = new JobFolder(job, FileAccess.LOCAL_USER);
        assertEquals(elsewhere, ParameterBinder.bind(DECLARED,
                yaml("line_load_kN_per_m: 1\nfit_csv: '" + elsewhere + "'"), "x", local).file("fit_csv"));
        assertEquals(elsewhere, ParameterBinder.bind(DECLARED,
                yaml("line_load_kN_per_m: 1\nfit_csv: ../measured.csv"), "x", local).file("fit_csv"));
    }

    /** Checked after the conversion to SI too: 1e307 kN/m is finite in the job file, infinite in N/m. */
    @Test
    void aValueInfiniteInSiIsRefusedNamingTheField() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ParameterBinder.bind(DECLARED, yaml("line_load_kN_per_m: 1.0e307"), "calendering", job()));
        assertEquals("calendering.line_load_kN_per_m", e.field());
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
    }

    /**
     * A median particle diameter of 1e-300 um (a hostile value the server check sent) used to reach the DEM and fail
     * there as an internal error (an infinite time step); the recipe field has a physical range instead.
     */
    @Test
    void anAbsurdParticleSizeIsRefusedNamingTheRecipeField() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ParameterBinder.bind(
                ElectrodeInputs.RECIPE, yaml("active_material: NMC622\nactive_loading_mg_per_cm2: 10\n"
                        + "initial_porosity: 0.45\nparticle_d50_um: 1.0e-300"), "recipe", job()));
        assertEquals("recipe.particle_d50_um", e.field());
        assertTrue(e.getMessage().contains("0.01"), e.getMessage());
    }

    /** A composed contact law's declarations: fields of the mapping {@code contact} that name part services. */
    private static final List<Parameter> PARTS = List.of(
            Parameter.text("contact_law", "a whole law").optional(),
            Parameter.service("contact.normal", ContactPart.Normal.class, "normal part"),
            Parameter.service("contact.damping", ContactPart.Damping.class, "damping part").optional(),
            Parameter.number("friction", "1", 1, "mu").nonNegative().withDefault(0.3));

    private static final ParameterBinder.ServiceNames REGISTERED = type -> type == ContactPart.Normal.class
            ? List.of("hertz", "hooke") : type == ContactPart.Damping.class ? List.of("viscoelastic") : List.of();

    private BoundParameters parts(String yaml) throws Exception {
        return ParameterBinder.bind(PARTS, yaml(yaml), "stages[1].with", job(), REGISTERED);
    }

    private InvalidInputException refused(String yaml) {
        return assertThrows(InvalidInputException.class, () -> parts(yaml));
    }

    @Test
    void bindsTheFieldsOfAMappingByTheirDottedNames() throws Exception {
        BoundParameters p = parts("contact: {normal: hooke, damping: viscoelastic}");
        assertEquals("hooke", p.text("contact.normal"));
        assertEquals("viscoelastic", p.text("contact.damping"));
        assertEquals("stages[1].with.contact.normal", p.fieldPath("contact.normal"));
        assertFalse(parts("contact: {normal: hertz, damping: none}").isSet("contact.damping"), "none: not set");
        BoundParameters absent = parts("contact_law: bonded");
        assertFalse(absent.isSet("contact.normal"), "a mapping left out sets none of its fields, required or not");
        assertEquals(0.3, absent.number("friction"), 0);
    }

    @Test
    void refusesAnUnregisteredNameListingTheRolesNames() {
        InvalidInputException e = refused("contact: {normal: walton-braun}");
        assertEquals("stages[1].with.contact.normal", e.field());
        assertEquals("walton-braun", e.value());
        assertEquals("the calsim.name of a registered ContactPart.Normal service: hertz, hooke", e.allowed());
        InvalidInputException damping = refused("contact: {normal: hertz, damping: tsuji}");
        assertEquals("the calsim.name of a registered ContactPart.Damping service: viscoelastic, or none",
                damping.allowed());
        assertEquals("stages[1].with.contact.normal", refused("contact: {normal: [hertz]}").field());
    }

    @Test
    void refusesAMappingWithoutItsRequiredFieldOrWithNoneForIt() {
        InvalidInputException missing = refused("contact: {damping: viscoelastic}");
        assertEquals("stages[1].with.contact.normal", missing.field());
        assertEquals("null", missing.value());
        assertTrue(missing.allowed().startsWith("the calsim.name of a registered ContactPart.Normal service: hertz, "
                + "hooke (required"), missing.allowed());
        InvalidInputException none = refused("contact: {normal: none}");
        assertEquals("none", none.value());
        assertEquals("the calsim.name of a registered ContactPart.Normal service: hertz, hooke", none.allowed());
        assertEquals("stages[1].with.contact.normal", refused("contact: {}").field());
    }

    @Test
    void refusesUnknownFieldsOfAMappingAndAMappingThatIsNone() {
        InvalidInputException key = refused("contact: {normal: hertz, dampng: viscoelastic}");
        assertEquals("stages[1].with.contact.dampng", key.field());
        assertEquals("one of the fields normal, damping", key.allowed());
        InvalidInputException flat = refused("contact: hertz");
        assertEquals("stages[1].with.contact", flat.field());
        assertEquals("hertz", flat.value());
        assertEquals("a mapping of fields (normal, damping)", flat.allowed());
        InvalidInputException top = refused("contacts: {normal: hertz}");
        assertEquals("one of the fields contact_law, contact, friction", top.allowed());
    }

    @Test
    void describesAServiceParameterWithTheNamesRegisteredNow() {
        assertEquals("the calsim.name of a registered ContactPart.Damping service, or none",
                ParameterBinder.describe(PARTS.get(2)));
        assertEquals("the calsim.name of a registered ContactPart.Damping service: viscoelastic, or none",
                ParameterBinder.describe(PARTS.get(2), REGISTERED));
    }

    /** The recipe, the conditions and materials have no registry to check a service name against. */
    @Test
    void aServiceParameterOutsideAStageIsADeclarationError() {
        assertThrows(IllegalStateException.class, () -> ParameterBinder.bind(PARTS,
                yaml("contact: {normal: hertz}"), "recipe", job()));
    }
}
