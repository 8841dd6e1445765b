package org.calsim.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance checks of the command line, on the exported container jar: list, a job with a wrong
 * field, the quickstart, and a plugin deployed into and removed from a running shell's deploy/ folder.
 */
class CommandLineIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void listShowsEveryEmpiricalStageAndTheContactLawsWithBundleVersions() throws Exception {
        Calsim.Result r = Calsim.run(dir, "list");
        assertEquals(0, r.exit(), r.err());
        for (String stage : new String[] {"empirical.porosity", "empirical.density", "empirical.roll-gap",
            "empirical.tortuosity", "empirical.rate-capability"}) {
            assertTrue(r.out().contains(stage), stage + " missing from:\n" + r.out());
        }
        assertTrue(r.out().matches("(?s).*contact-law\\s+hertz-mindlin\\s+org\\.calsim\\.dem \\d+\\.\\d+\\.\\d+.*"), r.out());
        assertTrue(r.out().matches("(?s).*contact-law\\s+linear-spring-dashpot\\s+org\\.calsim\\.dem \\d+\\.\\d+\\.\\d+.*"),
                r.out());
        assertTrue(r.out().matches("(?s).*material\\s+NMC622\\s+org\\.calsim\\.materials \\d+\\.\\d+\\.\\d+.*"), r.out());
        // the contact parts a job composes a law from, by role
        assertTrue(r.out().matches("(?s).*contact-normal\\s+thornton-ning\\s+org\\.calsim\\.dem \\d+\\.\\d+\\.\\d+.*"),
                r.out());
        assertTrue(r.out().matches("(?s).*contact-tangential\\s+mindlin\\s+org\\.calsim\\.dem \\d+\\.\\d+\\.\\d+.*"),
                r.out());
    }

    @Test
    void wrongFieldIsNamedAndNothingRuns() throws Exception {
        String quickstart = Files.readString(Calsim.home().resolve("examples/quickstart.yaml"));
        Files.writeString(dir.resolve("bad.yaml"), quickstart.replace("initial_porosity:", "initial_porositty:"));
        Calsim.Result r = Calsim.run(dir, "run", "bad.yaml");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("recipe.initial_porositty"), r.err());
        assertFalse(Files.exists(dir.resolve("results")), "nothing may be written for a job that did not run");

        Files.writeString(dir.resolve("bad2.yaml"), quickstart);
        Calsim.Result range = Calsim.run(dir, "run", "bad2.yaml", "--set", "recipe.initial_porosity=1.2");
        assertEquals(2, range.exit());
        assertTrue(range.err().contains("recipe.initial_porosity: the value 1.2 is not allowed; expected a number > 0 and < 1"),
                range.err());

        // a stage parameter that contradicts the recipe is found before anything runs, too
        Calsim.Result cross = Calsim.run(dir, "run", "bad2.yaml", "--set", "stages[7].with.eps_min=0.6");
        assertEquals(2, cross.exit(), cross.out() + cross.err());
        assertTrue(cross.err().contains("stages[7].with.eps_min: '0.6' is not allowed; expected a porosity <= the initial porosity eps0 = 0.48"), cross.err());

        // measured data with a missing column: the file and the columns are named, nothing runs, and nothing of
        // the file's text is quoted (a file parameter may point at a file that is no table: issue 17)
        Files.writeString(dir.resolve("tau.csv"), "porosity,s3cret-lab-token\n0.3,2.1\n0.4,1.8\n0.5,1.5\n");
        Calsim.Result csv = Calsim.run(dir, "run", "bad2.yaml", "--set", "stages[9].with={model: power-law, fit_csv: tau.csv}");
        assertEquals(2, csv.exit(), csv.out() + csv.err());
        assertTrue(csv.err().contains("tau.csv") && csv.err().contains("tortuosity_factor"), csv.err());
        assertFalse(csv.err().contains("s3cret"), csv.err());
        assertFalse(Files.exists(dir.resolve("results")), "nothing may be written for a job that did not run");

        // a chain that misses what a stage needs is refused, and the stages that would give it are named, a coupler
        // with the representations it couples
        Files.writeString(dir.resolve("chain.yaml"), String.join("\n", "name: chain",
                "recipe: {active_material: NMC622, initial_porosity: 0.45, active_loading_mg_per_cm2: 20}",
                "calendering: {line_load_kN_per_m: 500}", "stages:", "  - use: fem.microstructure", ""));
        Calsim.Result chain = Calsim.run(dir, "check", "chain.yaml");
        assertEquals(2, chain.exit(), chain.out() + chain.err());
        assertTrue(chain.err().contains("stages[0].use") && chain.err().contains("structure.voxels")
                && chain.err().contains("fem.voxelise (a coupler from particles to voxels)"), chain.err());
        // a series stage without its voxel series: the voxelisers are named with the flag that makes them give it
        Files.writeString(dir.resolve("series.yaml"), String.join("\n", "name: series",
                "recipe: {active_material: NMC622, initial_porosity: 0.45, active_loading_mg_per_cm2: 20}",
                "calendering: {line_load_kN_per_m: 500}", "stages:", "  - use: fem.tortuosity-series", ""));
        Calsim.Result series = Calsim.run(dir, "check", "series.yaml");
        assertEquals(2, series.exit(), series.out() + series.err());
        assertTrue(series.err().contains("structure.voxel_series")
                && series.err().contains("fem.voxelise-bridges with series: true (a coupler from particles to voxels)"),
                series.err());

        // check writes nothing, so it does not check an output folder: it passes in a folder full of other files
        Calsim.Result check = Calsim.run(dir, "check", Calsim.home().resolve("examples/quickstart.yaml").toString());
        assertEquals(0, check.exit(), check.out() + check.err());
        assertTrue(check.out().contains("is a valid job"), check.out());
        // the roll pass takes ten minutes to run; every field of it is checked here
        Calsim.Result roll = Calsim.run(dir, "check", Calsim.home().resolve("examples/roll-pass.yaml").toString());
        assertEquals(0, roll.exit(), roll.out() + roll.err());
        assertTrue(roll.out().contains("is a valid job"), roll.out());
    }

    /**
     * The LIGGGHTS example is a valid job; the same job with a dump whose box is not periodic in x is refused before
     * anything runs, naming the file field, the file and its line, and quoting nothing of the file's text.
     */
    @Test
    void anImportedPackingIsCheckedBeforeAnythingRuns() throws Exception {
        Path example = Calsim.home().resolve("examples/liggghts-packing.yaml");
        Calsim.Result check = Calsim.run(dir, "check", example.toString());
        assertEquals(0, check.exit(), check.out() + check.err());
        assertTrue(check.out().contains("is a valid job"), check.out());

        Files.writeString(dir.resolve("job.yaml"), Files.readString(example));
        Files.writeString(dir.resolve("liggghts-settled.dump"), String.join("\n", "ITEM: TIMESTEP", "0",
                "ITEM: NUMBER OF ATOMS", "1", "ITEM: BOX BOUNDS ff pp ff", "0 0.25", "0 0.25", "0 0.5",
                "ITEM: ATOMS id type x y z radius s3cret", "1 1 0.1 0.1 0.1 0.005 7", ""));
        Calsim.Result r = Calsim.run(dir, "run", "job.yaml");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("stages[0].with.file") && r.err().contains("liggghts-settled.dump")
                && r.err().contains("line 5") && r.err().contains("periodic in x and y"), r.err());
        assertFalse(r.err().contains("s3cret"), r.err());
        assertFalse(Files.exists(dir.resolve("results")), "nothing may be written for a job that did not run");
    }

    @Test
    void quickstartWritesSummaryProvenanceTablesAndPlots() throws Exception {
        Path out = dir.resolve("out");
        Calsim.Result r = Calsim.run(dir, "run", Calsim.home().resolve("examples/quickstart.yaml").toString(),
                "--out", out.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals("succeeded", summary.get("status").asText());
        double porosity = find(summary, "empirical.porosity").at("/results/porosity/value").asDouble();
        assertTrue(porosity > 0 && porosity < 0.5, "porosity " + porosity);
        JsonNode rate = find(summary, "empirical.rate-capability").get("results");
        assertTrue(rate.at("/critical_current_density_mA_per_cm2/value").asDouble() > 0, rate.toString());
        JsonNode calender = find(summary, "dem.calender").get("results");
        assertTrue(calender.at("/spring_back_percent/value").asDouble() > 0, calender.toString());
        assertTrue(calender.at("/final_porosity/value").asDouble() < calender.at("/initial_porosity/value").asDouble(),
                calender.toString());
        assertTrue(Files.exists(out.resolve("dem.calender/particles-final.vtp")), "VTK particles for ParaView");
        JsonNode tortuosity = find(summary, "fem.tortuosity").get("results");
        double through = tortuosity.at("/tortuosity_factor_through_plane/value").asDouble();
        double inPlane = tortuosity.at("/tortuosity_factor_in_plane/value").asDouble();
        assertTrue(through > 1 && inPlane > 1, tortuosity.toString());
        JsonNode flow = find(summary, "cfd.permeability").get("results");
        double k = flow.at("/permeability_through_plane_m2/value").asDouble();
        assertTrue(k > 1e-16 && k < 1e-11, "permeability " + k + " m2 for pores of a few micrometres");
        assertTrue(flow.at("/hydraulic_tortuosity_through_plane/value").asDouble() > 1, flow.toString());
        assertTrue(Files.exists(out.resolve("cfd.permeability/velocity-through-plane.vti")), "velocity VTK");
        JsonNode provenance = JSON.readTree(out.resolve("provenance.json").toFile());
        assertEquals("quickstart", provenance.get("job").asText());
        assertTrue(provenance.get("bundles").size() > 10);
        JsonNode coupling = null;
        for (JsonNode stage : provenance.get("stages")) {
            coupling = stage.get("stage").asText().equals("fem.voxelise-bridges") ? stage.get("coupling") : coupling;
        }
        assertEquals("{\"from\":\"particles\",\"to\":\"voxels\",\"scheme\":\"one-way\"}", String.valueOf(coupling));
        try (var files = Files.list(out)) {
            var names = files.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.endsWith(".csv")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.endsWith(".png")), names.toString());
        }
    }

    /**
     * The rate-capability example: calendering series → tortuosity of each state → P2D half cell for the
     * uncalendered and the calendered coating; the parameter set is a material service (Chen2020) that the
     * runtime hands to the stage whole, functions included.
     */
    @Test
    void rateCapabilityExampleComparesTwoCalenderingDegrees() throws Exception {
        Path out = dir.resolve("rate");
        Calsim.Result r = Calsim.run(dir, "run", Calsim.home().resolve("examples/rate-capability.yaml").toString(),
                "--out", out.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode p2d = find(JSON.readTree(out.resolve("summary.json").toFile()), "fem.p2d").get("results");
        double before = p2d.at("/state1_porosity/value").asDouble();
        double after = p2d.at("/state2_porosity/value").asDouble();
        assertTrue(after < before, "calendering lowers the porosity: " + p2d);
        assertTrue(p2d.at("/state2_capacity_0p2C_mAh_per_cm2/value").asDouble()
                > p2d.at("/state2_capacity_5C_mAh_per_cm2/value").asDouble(), p2d.toString());
        assertTrue(p2d.at("/state2_volumetric_capacity_lowest_rate_mAh_per_cm3/value").asDouble()
                > p2d.at("/state1_volumetric_capacity_lowest_rate_mAh_per_cm3/value").asDouble(), p2d.toString());
        for (String plot : new String[] {"discharge-curves", "capacity-vs-c-rate", "electrolyte-profiles"}) {
            assertTrue(Files.exists(out.resolve("fem.p2d-" + plot + ".png")), plot);
        }
    }

    /**
     * The image example: image.load reads the .npy beside the job and fem.tortuosity measures it; a label the job
     * does not map is refused before anything runs, naming the file's field and the label.
     */
    @Test
    void imageExampleLoadsTheNpyAndRefusesAnUnmappedLabel() throws Exception {
        Path out = dir.resolve("image");
        Path job = Calsim.home().resolve("examples/xct-image.yaml");
        Calsim.Result r = Calsim.run(dir, "run", job.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        JsonNode image = find(summary, "image.load").get("results");
        assertEquals(48, image.at("/voxels_x/value").asInt(), image.toString());
        assertEquals(80, image.at("/voxels_z/value").asInt(), image.toString());
        double tau = find(summary, "fem.tortuosity").get("results").at("/tortuosity_factor_through_plane/value")
                .asDouble();
        assertTrue(tau > 1 && tau < 20, "a finite tortuosity factor: " + tau);
        JsonNode flow = find(summary, "cfd.permeability").get("results");
        assertTrue(flow.at("/permeability_through_plane_m2/value").asDouble() > 0, flow.toString());
        // the imaged electrode in the cell: electrolyte in the pores and the CBD's nanopores (0.5 by default),
        // the image's active fraction, and the thickness that holds the recipe's 20 mg/cm2 of NMC622
        JsonNode cell = find(summary, "fem.p2d").get("results");
        double pores = image.at("/pore_fraction/value").asDouble();
        double cbd = image.at("/cbd_fraction/value").asDouble();
        double am = image.at("/am_fraction/value").asDouble();
        assertEquals(pores + 0.5 * cbd, cell.at("/porosity/value").asDouble(), 1e-9, cell.toString());
        assertEquals(am, cell.at("/active_volume_fraction/value").asDouble(), 1e-9, cell.toString());
        assertTrue(cell.at("/capacity_3C_mAh_per_cm2/value").asDouble()
                < cell.at("/capacity_0p2C_mAh_per_cm2/value").asDouble(), cell.toString());

        Calsim.Result bad = Calsim.run(dir, "run", job.toString(), "--out", dir.resolve("bad").toString(), "--set",
                "stages[0].with.cbd_labels=[3]");
        assertEquals(2, bad.exit(), bad.out() + bad.err());
        assertTrue(bad.err().contains("stages[0].with.file") && bad.err().contains("not mapped: 2 in"), bad.err());
    }

    /**
     * The greyscale example: a synthetic 16-bit scan of the image example's labels (pore 9000, CBD 21000, AM 42000,
     * blurred and noisy; examples/images/greyscale_from_labels.py) segmented by three-class Otsu. The thresholds fall
     * between the grey levels of the phases, and the pores, which the blur only narrows at their edges, come out within
     * 0.02 of the label image's 0.3409 (the partial volume of AM–pore edges, grey like CBD, is what misclassifies);
     * the histogram is plotted and the image stages run on the segmented image.
     */
    @Test
    void greyscaleExampleIsSegmentedByOtsu() throws Exception {
        Path out = dir.resolve("grey");
        Calsim.Result r = Calsim.run(dir, "run", Calsim.home().resolve("examples/xct-greyscale.yaml").toString(),
                "--out", out.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        JsonNode image = find(summary, "image.load").get("results");
        double t1 = image.at("/threshold_1_grey/value").asDouble();
        double t2 = image.at("/threshold_2_grey/value").asDouble();
        assertTrue(9000 < t1 && t1 < 21000 && 21000 < t2 && t2 < 42000, image.toString());
        assertEquals(0.3409, image.at("/pore_fraction/value").asDouble(), 0.02, image.toString());
        assertTrue(Files.exists(out.resolve("image.load-grey-histogram.png")));
        double tau = find(summary, "fem.tortuosity").get("results").at("/tortuosity_factor_through_plane/value")
                .asDouble();
        assertTrue(tau > 1 && tau < 20, "a finite tortuosity factor: " + tau);
    }

    /**
     * The permeability-series example: every state of the calendering series voxelised and flowed through by
     * lattice Boltzmann; the permeability falls as calendering closes the pores, with a Kozeny–Carman fit.
     */
    @Test
    void permeabilitySeriesFallsWithCompaction() throws Exception {
        Path out = dir.resolve("flow");
        Calsim.Result r = Calsim.run(dir, "run",
                Calsim.home().resolve("examples/permeability-series.yaml").toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode flow = find(JSON.readTree(out.resolve("summary.json").toFile()), "cfd.permeability-series")
                .get("results");
        assertTrue(flow.at("/permeability_last_state_m2/value").asDouble()
                < flow.at("/permeability_first_state_m2/value").asDouble(), flow.toString());
        assertTrue(flow.at("/kozeny_constant/value").asDouble() > 0, flow.toString());
        assertTrue(Files.exists(out.resolve("cfd.permeability-series-permeability-vs-porosity.png")));
    }

    /** A stage that fails at run time stops the job; what earlier stages produced is kept and marked. */
    @Test
    void failedStageKeepsEarlierResults() throws Exception {
        String quickstart = Files.readString(Calsim.home().resolve("examples/quickstart.yaml"));
        // an electrolyte without transport properties: valid to load, but the rate-capability stage needs D0
        Files.writeString(dir.resolve("job.yaml"), quickstart.replace("electrolyte: LiPF6-EC-EMC", "electrolyte: dry")
                + "\nmaterials:\n  dry: {description: electrolyte without transport data, density_kg_per_m3: 1200}\n");
        Path out = dir.resolve("out");
        Calsim.Result r = Calsim.run(dir, "run", "job.yaml", "--out", out.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("stage empirical.rate-capability failed"), r.err());
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals("failed", summary.get("status").asText());
        assertEquals("succeeded", find(summary, "empirical.porosity").get("status").asText());
        assertTrue(find(summary, "empirical.porosity").at("/results/porosity/value").asDouble() > 0);
        JsonNode failed = find(summary, "empirical.rate-capability");
        assertEquals("failed", failed.get("status").asText());
        assertTrue(failed.get("error").asText().contains("dry"), failed.toString());
        assertTrue(Files.exists(out.resolve("empirical.porosity-porosity-vs-line-load.csv")));
        assertFalse(Files.exists(out.resolve("empirical.rate-capability-capacity-vs-current-density.csv")),
                "a failed stage writes no table");
        assertEquals("failed", JSON.readTree(out.resolve("provenance.json").toFile()).get("status").asText());
    }

    /**
     * A running shell picks up a plugin dropped into deploy/, uses it in a contact probe and in a DEM calendering
     * job, and falls back when it is removed.
     */
    @Test
    void shellDeploysAndRemovesAPluginThroughTheDeployFolder() throws Exception {
        Files.writeString(dir.resolve("probe.yaml"), String.join("\n",
                "name: probe",
                "recipe: {active_material: NMC622, initial_porosity: 0.45, active_loading_mg_per_cm2: 20}",
                "calendering: {line_load_kN_per_m: 50}",
                "stages:",
                "  - use: dem.contact-probe",
                "    with: {steps: 200}"));
        // a DEM calendering job with the plugin's law in both DEM stages
        Files.writeString(dir.resolve("dem.yaml"), String.join("\n",
                "name: dem",
                "recipe: {active_material: NMC622, initial_porosity: 0.45, active_loading_mg_per_cm2: 5,"
                        + " particle_d50_um: 10}",
                "calendering: {line_load_kN_per_m: 50}",
                "stages:",
                "  - use: dem.generate",
                "    with: {box_x_d50: 5, box_y_d50: 5, cbd: none, density_scaling: 1.0e8, contact_law: walton-braun}",
                "  - use: dem.calender",
                "    with: {target: pressure, target_pressure_MPa: 20, plate_speed_m_per_s: 0.0002, hold_steps: 500,",
                "           relax_steps: 500, contact_law: walton-braun}"));
        Process shell = Calsim.start(dir, true, "shell");
        try {
            Path plugin = Path.of(System.getProperty("calsim.plugin.jar"));
            awaitOutput(dir, "calsim shell:", 1);
            Calsim.type(shell, "calsim:list");
            awaitOutput(dir, "hertz-mindlin", 1);
            Files.copy(plugin, dir.resolve("deploy").resolve(plugin.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            long deadline = System.currentTimeMillis() + 20_000;
            while (count(dir, "walton-braun") == 0 && System.currentTimeMillis() < deadline) {
                Calsim.type(shell, "calsim:list");
                Thread.sleep(1000);
            }
            assertTrue(count(dir, "walton-braun") > 0, "the deployed law was never listed");
            Calsim.type(shell, "calsim:run probe.yaml");
            awaitOutput(dir, "succeeded; results in", 1);
            assertEquals("org.calsim.example.contact", lawBundle(dir.resolve("results/probe/provenance.json")));
            Calsim.type(shell, "calsim:run dem.yaml");
            awaitOutput(dir, "succeeded; results in", 2);
            JsonNode swaps = JSON.readTree(dir.resolve("results/dem/provenance.json").toFile()).get("service_swaps");
            assertEquals(2, swaps.size(), "dem.generate and dem.calender each used the law: " + swaps);
            for (JsonNode swap : swaps) {
                assertEquals("org.calsim.example.contact", swap.get("bundle").asText(), swaps.toString());
            }
            assertTrue(Files.exists(dir.resolve("results/dem/dem.calender-compression.csv")));

            Files.delete(dir.resolve("deploy").resolve(plugin.getFileName()));
            Thread.sleep(3000);
            Calsim.type(shell, "calsim:run probe.yaml");
            awaitOutput(dir, "succeeded; results in", 3);
            assertEquals("org.calsim.dem", lawBundle(dir.resolve("results/probe/provenance.json")));
            Calsim.type(shell, "exit 0");
            assertTrue(shell.waitFor(30, TimeUnit.SECONDS));
        } finally {
            shell.destroyForcibly();
        }
    }

    private static String lawBundle(Path provenance) throws Exception {
        JsonNode swaps = JSON.readTree(provenance.toFile()).get("service_swaps");
        assertEquals(1, swaps.size(), swaps.toString());
        return swaps.get(0).get("bundle").asText();
    }

    private static JsonNode find(JsonNode summary, String stage) {
        for (JsonNode s : summary.get("stages")) {
            if (s.get("stage").asText().equals(stage)) {
                return s;
            }
        }
        throw new AssertionError("no stage " + stage + " in " + summary);
    }

    private static int count(Path dir, String text) throws Exception {
        String out = Files.readString(dir.resolve("stdout.txt"));
        int n = 0;
        for (int i = out.indexOf(text); i >= 0; i = out.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }

    private static void awaitOutput(Path dir, String text, int times) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (count(dir, text) < times) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("'" + text + "' not printed " + times + " time(s):\n"
                        + Files.readString(dir.resolve("stdout.txt")) + Files.readString(dir.resolve("stderr.txt")));
            }
            Thread.sleep(200);
        }
    }
}
