package org.calsim.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import javax.inject.Inject;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.contact.ContactPart;
import org.calsim.api.job.JobOutcome;
import org.calsim.api.job.JobRequest;
import org.calsim.api.job.JobService;
import org.calsim.api.job.JobState;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Hot swap in the assembled container: a job whose stage ({@code dem.contact-probe}) calls a contact
 * law every step runs while the example plugin bundle (Walton–Braun, ranking 100) is installed and
 * later uninstalled. The job must complete; the provenance must record hertz-mindlin, then
 * walton-braun, then hertz-mindlin again; and every recorded force must follow exactly the law that
 * provenance names for its step (the switch happens between steps, never inside one). The same for one part of a law
 * composed in the job from a part-only plugin and built-in parts.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapIT {
    private static final int STEPS = 2000;
    private static final double K1 = 5e4;
    private static final double K2 = 2e5;

    @Inject
    private BundleContext context;

    @Inject
    private JobService jobs;

    @Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>();
        File[] jars = new File(System.getProperty("calsim.bundles.dir")).listFiles((d, n) -> n.endsWith(".jar"));
        assertNotNull("no container bundles in " + System.getProperty("calsim.bundles.dir"), jars);
        Arrays.sort(jars);
        for (File jar : jars) {
            options.add(bundle(jar.toURI().toString()));
        }
        options.add(systemProperty("gosh.args").value("--nointeractive"));
        options.add(systemProperty("felix.fileinstall.dir").value("target/itest-deploy"));
        // as in the exported container: Felix HTTP opens no port (here it starts with every other bundle)
        options.add(systemProperty("org.apache.felix.http.enable").value("false"));
        options.add(systemProperty("calsim.plugin.jar").value(System.getProperty("calsim.plugin.jar")));
        options.add(systemProperty("calsim.part.jar").value(System.getProperty("calsim.part.jar")));
        options.add(junitBundles());
        return options(options.toArray(new Option[0]));
    }

    @Test
    public void contactLawIsSwappedAtAStepBoundaryAndFallsBack() throws Exception {
        Path dir = Files.createTempDirectory("calsim-hotswap");
        String job = String.join("\n",
                "name: hotswap",
                "recipe: {active_material: NMC622, initial_porosity: 0.45, active_loading_mg_per_cm2: 20}",
                "calendering: {line_load_kN_per_m: 50}",
                "stages:",
                "  - use: dem.contact-probe",
                "    with: {steps: " + STEPS + ", max_overlap_fraction: 0.01, restitution: 0.9}");
        Path out = dir.resolve("out");
        Path plugin = Path.of(System.getProperty("calsim.plugin.jar"));
        assertTrue("plugin jar missing: " + plugin, Files.isRegularFile(plugin));

        Bundle[] installed = new Bundle[1];
        double[] installedAt = {-1};
        double[] removedAt = {-1};
        JobOutcome outcome = jobs.submit(new JobRequest(job, dir, out, List.of()), p -> {
            try {
                if (installed[0] == null && p.fraction() >= 0.3 && p.fraction() < 0.6) {
                    installed[0] = context.installBundle(plugin.toUri().toString());
                    installed[0].start();
                    awaitLaw("walton-braun");
                    installedAt[0] = p.fraction();
                } else if (installed[0] != null && removedAt[0] < 0 && p.fraction() >= 0.6) {
                    installed[0].uninstall();
                    removedAt[0] = p.fraction();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).await();

        assertEquals(outcome.error(), JobState.SUCCEEDED, outcome.state());
        assertTrue("plugin was installed during the run", installedAt[0] > 0);
        assertTrue("plugin was uninstalled during the run", removedAt[0] > 0);

        JsonNode provenance = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        JsonNode swaps = provenance.get("service_swaps");
        assertEquals(swaps.toString(), 3, swaps.size());
        assertEquals("org.calsim.dem", swaps.get(0).get("bundle").asText());
        assertEquals(0, swaps.get(0).get("from_step").asLong());
        assertEquals("org.calsim.example.contact", swaps.get(1).get("bundle").asText());
        assertEquals(100, swaps.get(1).get("ranking").asInt());
        assertEquals("org.calsim.dem", swaps.get(2).get("bundle").asText());
        long swapIn = swaps.get(1).get("from_step").asLong();
        long swapOut = swaps.get(2).get("from_step").asLong();
        assertTrue("swap-in step " + swapIn, swapIn > 0.25 * STEPS && swapIn < 0.5 * STEPS);
        assertTrue("swap-out step " + swapOut, swapOut > 0.55 * STEPS && swapOut < 0.8 * STEPS);

        // every step's force follows the law provenance names for that step
        List<String> rows = Files.readAllLines(out.resolve("dem.contact-probe-force-overlap.csv"));
        List<String> header = Arrays.asList(rows.get(0).split(","));
        int stepCol = header.indexOf("step");
        int overlapCol = header.indexOf("overlap [um]");
        int forceCol = header.indexOf("normal_elastic [N]");
        double hertzCoefficient = Double.NaN;
        double peak = 0;
        int hertzRows = 0;
        int waltonRows = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            long step = Long.parseLong(c[stepCol].replace(".0", ""));
            double overlap = Double.parseDouble(c[overlapCol]) * 1e-6;
            double force = Double.parseDouble(c[forceCol]);
            if (overlap <= 0) {
                continue;
            }
            peak = Math.max(peak, overlap);
            if (step >= swapIn && step < swapOut) {
                waltonRows++;
                boolean loading = step < STEPS / 2;
                double expected = loading ? K1 * overlap : Math.max(0, K2 * (overlap - peak * (1 - K1 / K2)));
                assertEquals("Walton-Braun force at step " + step, expected, force, 1e-9 * K1 * peak);
            } else {
                hertzRows++;
                double c15 = force / Math.pow(overlap, 1.5);
                if (Double.isNaN(hertzCoefficient)) {
                    hertzCoefficient = c15;
                }
                assertEquals("Hertz force at step " + step, hertzCoefficient, c15, 1e-9 * hertzCoefficient);
            }
        }
        assertTrue(hertzRows > 0.4 * STEPS);
        assertTrue(waltonRows > 0.2 * STEPS);
        assertTrue("the plugin bundle is gone", context.getBundle(installed[0].getBundleId()) == null);
    }

    /**
     * The reproduction of issue 16: a dried coating (cbd: none, density scaling 1e8) calendered by a plate with no
     * contact_law named, into which the example plugin (Walton-Braun, ranking 100) is deployed while the plate loads
     * it (collector and plate contacts present), and removed again. The job must succeed; provenance names
     * hertz-mindlin, walton-braun, hertz-mindlin for dem.calender; and the plate force the stage recorded must follow
     * the law in force, summed over the particles that touch the plate in the VTK snapshot of the same step. The plugin
     * is configured with k1 = k2 (its configuration PID), so Walton-Braun is a frictionless, undamped linear spring,
     * F = k delta on loading and unloading alike, and the plate force inside the window must be k·Σdelta to 1e-5
     * (the binary snapshot holds the coordinates exactly); outside it the force is Hertz's 4/3 E* sqrt(r) delta^1.5
     * plus the viscoelastic dashpot eta_n d(delta)/dt (e = 0.5, eta_n = 2 sqrt(5/6) |beta| sqrt(2E* sqrt(r delta) m), the
     * approach speed from the snapshot's velocities and the plate's 0.1 mm/s), to 2 % of the force plus a fifth of the
     * dashpots: the snapshot holds the velocity after the step's second half kick, the force saw the half-step one,
     * which for a contact that has just turned round is a large part of its speed.
     */
    @Test
    public void aContactLawDeployedIntoARunningCalenderingTakesOverAndFallsBack() throws Exception {
        Path dir = Files.createTempDirectory("calsim-hotswap-calender");
        String job = calenderingJob("hotswap-calender", "none", "vtk_every_steps: 250");
        Path out = dir.resolve("out");
        Path plugin = Path.of(System.getProperty("calsim.plugin.jar"));
        Bundle[] installed = new Bundle[1];
        boolean[] removed = {false};
        ServiceReference<ConfigurationAdmin> cmRef = context.getServiceReference(ConfigurationAdmin.class);
        assertNotNull("Config Admin", cmRef);
        org.osgi.service.cm.Configuration linear = context.getService(cmRef)
                .getConfiguration("org.calsim.example.contact.walton", "?");
        Hashtable<String, Object> stiffness = new Hashtable<>();
        stiffness.put("loadingStiffness", K1);
        stiffness.put("unloadingStiffness", K1);
        linear.update(stiffness);
        JobOutcome outcome;
        try {
            outcome = submitCalendering(job, dir, out, plugin, installed, removed);
        } finally {
            linear.delete();
        }
        checkCalendering(outcome, out, installed, removed);
    }

    /**
     * The same with a bonded coating (cbd: bonds): the bonded law is made the highest ranked (ranking 50 through its
     * configuration PID, as the lab server's swap does), so the calendering starts with it and forms the bonds; the
     * plugin (ranking 100) takes over, which releases the bonds (Walton-Braun has no bond part), and its removal
     * returns the job to the bonded law. The job succeeds and reports the released bonds apart from broken ones.
     */
    @Test
    public void aBondedCoatingRunsOnThroughASwapToALawWithoutBonds() throws Exception {
        Path dir = Files.createTempDirectory("calsim-hotswap-bonded");
        String job = calenderingJob("hotswap-bonded", "bonds", "threads: 2");
        Path out = dir.resolve("out");
        Path plugin = Path.of(System.getProperty("calsim.plugin.jar"));
        Bundle[] installed = new Bundle[1];
        boolean[] removed = {false};
        ServiceReference<ConfigurationAdmin> cmRef = context.getServiceReference(ConfigurationAdmin.class);
        org.osgi.service.cm.Configuration ranking = context.getService(cmRef)
                .getConfiguration("org.calsim.dem.contact.BondedLaw", "?");
        Hashtable<String, Object> top = new Hashtable<>();
        top.put("service.ranking", 50);
        ranking.update(top);
        awaitRanking("bonded", 50);
        JobOutcome outcome;
        try {
            outcome = submitCalendering(job, dir, out, plugin, installed, removed);
        } finally {
            ranking.delete();
        }
        assertEquals(outcome.error(), JobState.SUCCEEDED, outcome.state());
        List<String> implementations = new ArrayList<>();
        new ObjectMapper().readTree(out.resolve("provenance.json").toFile()).get("service_swaps").forEach(sw -> {
            if ("dem.calender".equals(sw.get("stage").asText())) {
                implementations.add(sw.get("implementation").asText());
            }
        });
        assertEquals(List.of("org.calsim.dem.contact.BondedLaw", "org.calsim.example.contact.WaltonBraunLaw",
                "org.calsim.dem.contact.BondedLaw"), implementations);
        JsonNode results = null;
        for (JsonNode stage : new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("stages")) {
            if ("dem.calender".equals(stage.get("stage").asText())) {
                results = stage.get("results");
            }
        }
        assertNotNull(results);
        double formed = results.get("bonds_formed").get("value").asDouble();
        double released = results.get("bonds_released_by_swap").get("value").asDouble();
        assertTrue("bonds formed " + formed + ", released " + released, formed > 0 && released > 0);
        double broken = results.get("bond_breakage_fraction").get("value").asDouble();
        assertTrue("broken fraction " + broken + " excludes the released", broken <= 1 - released / formed + 1e-12);
    }

    /**
     * A part-only plugin (examples/custom-contact-part: the Walton–Braun normal part) composed in the job with a
     * built-in part, {@code contact: {normal: walton-braun, tangential: mindlin}}, on dem.contact-probe. While the
     * probe runs, a normal part of the same name ranked higher (a linear spring the test registers) takes over at a
     * step boundary and leaves again. Provenance records the normal part three times (plugin, test, plugin) and the
     * tangential part once, each as its role and name; the stage's parameters name the composition; every step's
     * elastic force follows the part provenance names for it (the probe starts a contact's history anew at a swap).
     */
    @Test
    public void aPartOnlyPluginIsComposedWithBuiltInPartsAndItsPartSwapsAlone() throws Exception {
        double k = 1e5;
        Path dir = Files.createTempDirectory("calsim-part-swap");
        String job = String.join("\n",
                "name: part-swap",
                "recipe: {active_material: NMC622, initial_porosity: 0.45, active_loading_mg_per_cm2: 20}",
                "calendering: {line_load_kN_per_m: 50}",
                "stages:",
                "  - use: dem.contact-probe",
                "    with: {steps: " + STEPS + ", max_overlap_fraction: 0.01, contact: {normal: walton-braun, "
                        + "tangential: mindlin}}");
        Path out = dir.resolve("out");
        Path part = Path.of(System.getProperty("calsim.part.jar"));
        assertTrue("part plugin jar missing: " + part, Files.isRegularFile(part));
        Bundle plugin = context.installBundle(part.toUri().toString());
        plugin.start();
        List<ServiceRegistration<ContactPart.Normal>> linear = new ArrayList<>();
        boolean[] removed = {false};
        JobOutcome outcome;
        try {
            awaitPart("walton-braun");
            outcome = jobs.submit(new JobRequest(job, dir, out, List.of()), p -> {
                if (linear.isEmpty() && p.fraction() >= 0.3 && p.fraction() < 0.6) {
                    Hashtable<String, Object> props = new Hashtable<>();
                    props.put("calsim.name", "walton-braun");
                    props.put("service.ranking", 200);
                    props.put("component.name", "itest.LinearNormal");
                    ContactPart.Normal spring = (g, pair, history, offset, f) -> {
                        f.normalElastic = g.overlap > 0 ? k * g.overlap : 0;
                        f.normalStiffness = g.overlap > 0 ? k : 0;
                    };
                    linear.add(context.registerService(ContactPart.Normal.class, spring, props));
                } else if (!linear.isEmpty() && !removed[0] && p.fraction() >= 0.6) {
                    linear.get(0).unregister();
                    removed[0] = true;
                }
            }).await();
        } finally {
            plugin.uninstall();
        }
        assertEquals(outcome.error(), JobState.SUCCEEDED, outcome.state());
        assertTrue("the linear part came and went", removed[0]);

        JsonNode provenance = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        List<JsonNode> normal = new ArrayList<>();
        List<JsonNode> tangential = new ArrayList<>();
        provenance.get("service_swaps").forEach(sw -> {
            if ("ContactPart.Normal walton-braun".equals(sw.get("service").asText())) {
                normal.add(sw);
            } else if ("ContactPart.Tangential mindlin".equals(sw.get("service").asText())) {
                tangential.add(sw);
            }
        });
        assertEquals(provenance.get("service_swaps").toString(), 4, normal.size() + tangential.size());
        assertEquals(3, normal.size());
        assertEquals("org.calsim.example.part", normal.get(0).get("bundle").asText());
        assertEquals("org.calsim.example.part.WaltonBraunNormal", normal.get(0).get("implementation").asText());
        assertEquals("itest.LinearNormal", normal.get(1).get("implementation").asText());
        assertEquals(200, normal.get(1).get("ranking").asInt());
        assertEquals("org.calsim.example.part", normal.get(2).get("bundle").asText());
        assertEquals("org.calsim.dem", tangential.get(0).get("bundle").asText());
        assertEquals(0, tangential.get(0).get("from_step").asLong());
        long swapIn = normal.get(1).get("from_step").asLong();
        long swapOut = normal.get(2).get("from_step").asLong();
        assertTrue("swap-in step " + swapIn, swapIn > 0.25 * STEPS && swapIn < 0.5 * STEPS);
        assertTrue("swap-out step " + swapOut, swapOut > 0.55 * STEPS && swapOut < 0.8 * STEPS);
        JsonNode parameters = provenance.get("stages").get("0:dem.contact-probe").get("parameters_SI");
        assertEquals("walton-braun", parameters.get("contact.normal").asText());
        assertEquals("mindlin", parameters.get("contact.tangential").asText());

        List<String> rows = Files.readAllLines(out.resolve("dem.contact-probe-force-overlap.csv"));
        List<String> header = Arrays.asList(rows.get(0).split(","));
        int stepCol = header.indexOf("step");
        int overlapCol = header.indexOf("overlap [um]");
        int forceCol = header.indexOf("normal_elastic [N]");
        double deltaMax = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            long step = Long.parseLong(c[stepCol].replace(".0", ""));
            double overlap = Double.parseDouble(c[overlapCol]) * 1e-6;
            double force = Double.parseDouble(c[forceCol]);
            if (step == swapOut) {
                deltaMax = 0; // the probe's history starts anew with the returning part
            }
            double expected;
            if (step >= swapIn && step < swapOut) {
                expected = k * overlap;
            } else if (overlap >= deltaMax) {
                deltaMax = overlap;
                expected = K1 * overlap;
            } else {
                expected = Math.max(0, K2 * (overlap - deltaMax * (1 - K1 / K2)));
            }
            assertEquals("elastic force at step " + step, expected, force, 1e-9 * K1 * 0.05e-6);
        }
    }

    private void awaitPart(String name) throws Exception {
        ServiceTracker<ContactPart.Normal, ContactPart.Normal> t = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + ContactPart.Normal.class.getName() + ")(calsim.name=" + name
                        + "))"), null);
        t.open();
        try {
            assertNotNull("part " + name + " was not registered", t.waitForService(10_000));
        } finally {
            t.close();
        }
    }

    private void awaitRanking(String name, int ranking) throws Exception {
        String filter = "(&(objectClass=" + ContactLaw.class.getName() + ")(calsim.name=" + name + ")(service.ranking="
                + ranking + "))";
        long until = System.currentTimeMillis() + 10_000;
        while (context.getServiceReferences(ContactLaw.class, filter).isEmpty()) {
            assertTrue("law " + name + " did not get ranking " + ranking, System.currentTimeMillis() < until);
            Thread.sleep(50);
        }
    }

    /**
     * A small dried NMC622 coating (5 x 5 d50, density scaling 1e8) with its CBD as {@code cbd}, calendered by a plate
     * to 30 MPa with no contact law named; {@code extra} is added to dem.calender's parameters.
     */
    private static String calenderingJob(String name, String cbd, String extra) {
        return String.join("\n",
                "name: " + name,
                "recipe: {active_material: NMC622, conductive_additive: carbon-black-C65, binder: PVDF, "
                        + "electrolyte: LiPF6-EC-EMC, active_fraction: 0.96, additive_fraction: 0.02, "
                        + "binder_fraction: 0.02, active_loading_mg_per_cm2: 10, initial_porosity: 0.45, "
                        + "particle_d50_um: 10}",
                "calendering: {line_load_kN_per_m: 500}",
                "stages:",
                "  - use: dem.generate",
                "    with: {cbd: " + cbd + ", density_scaling: 1.0e8, vtk: false, box_x_d50: 5, box_y_d50: 5}",
                "  - use: dem.calender",
                "    with: {mode: plate, target: pressure, target_pressure_MPa: 30, plate_speed_m_per_s: 0.0001, "
                        + "hold_steps: 500, relax_steps: 500, sample_every_steps: 250, " + extra + "}");
    }

    /** Runs the job; deploys the plugin at 10 % of dem.calender and removes it at 50 %, both at a progress report. */
    private JobOutcome submitCalendering(String job, Path dir, Path out, Path plugin, Bundle[] installed,
                                        boolean[] removed) throws Exception {
        return jobs.submit(new JobRequest(job, dir, out, List.of()), p -> {
            try {
                if (!"dem.calender".equals(p.stage())) {
                    return;
                }
                if (installed[0] == null && p.fraction() >= 0.1) {
                    installed[0] = context.installBundle(plugin.toUri().toString());
                    installed[0].start();
                    awaitLaw("walton-braun");
                } else if (installed[0] != null && !removed[0] && p.fraction() >= 0.5) {
                    installed[0].uninstall();
                    removed[0] = true;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).await();
    }

    private void checkCalendering(JobOutcome outcome, Path out, Bundle[] installed, boolean[] removed)
            throws Exception {
        assertEquals(outcome.error(), JobState.SUCCEEDED, outcome.state());
        assertTrue("the plugin came and went during dem.calender", installed[0] != null && removed[0]);

        JsonNode swaps = new ObjectMapper().readTree(out.resolve("provenance.json").toFile()).get("service_swaps");
        List<JsonNode> calender = new ArrayList<>();
        swaps.forEach(sw -> {
            if ("dem.calender".equals(sw.get("stage").asText())) {
                calender.add(sw);
            }
        });
        assertEquals(swaps.toString(), 3, calender.size());
        assertEquals("org.calsim.dem.contact.HertzMindlinLaw", calender.get(0).get("implementation").asText());
        assertEquals("org.calsim.example.contact.WaltonBraunLaw", calender.get(1).get("implementation").asText());
        assertEquals("org.calsim.dem.contact.HertzMindlinLaw", calender.get(2).get("implementation").asText());
        long swapIn = calender.get(1).get("from_step").asLong();
        long swapOut = calender.get(2).get("from_step").asLong();

        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("stages");
        double area = 0;
        for (JsonNode stage : summary) {
            if ("dem.generate".equals(stage.get("stage").asText())) {
                JsonNode v = stage.get("results");
                area = v.get("box_x_um").get("value").asDouble() * v.get("box_y_um").get("value").asDouble() * 1e-12;
            }
        }
        assertTrue("box area from the summary", area > 0);
        double eStarPlate = 1 / ((1 - 0.3 * 0.3) / 140e9 + (1 - 0.3 * 0.3) / 210e9); // NMC622 on the steel plate
        double lnE = Math.log(0.5); // the default restitution
        double beta = -lnE / Math.sqrt(lnE * lnE + Math.PI * Math.PI);
        double density = 4770 * 1e8; // NMC622, density scaling 1e8
        int walton = 0;
        int hertz = 0;
        List<String> rows = Files.readAllLines(out.resolve("dem.calender-compression.csv"));
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            long step = (long) Double.parseDouble(c[0]);
            double plate = Double.parseDouble(c[2]) * 1e-6;
            double force = Double.parseDouble(c[3]) * 1e6 * area;
            Path vtk = out.resolve("dem.calender").resolve(String.format("particles-step-%09d.vtp", step));
            if (Double.parseDouble(c[1]) != 0 || force <= 0 || !Files.isRegularFile(vtk)) {
                continue; // loading rows with a snapshot
            }
            double[][] zr = vtkHeightsRadiiAndSpeeds(Files.readAllBytes(vtk));
            double linear = 0;
            double hertzForce = 0;
            double dashpots = 0;
            for (int i = 0; i < zr[0].length; i++) {
                double delta = zr[0][i] + zr[1][i] - plate;
                if (delta > 0) {
                    linear += K1 * delta;
                    double r = zr[1][i];
                    double mass = density * 4.0 / 3.0 * Math.PI * r * r * r;
                    double eta = 2 * Math.sqrt(5.0 / 6.0) * beta * Math.sqrt(2 * eStarPlate * Math.sqrt(r * delta) * mass);
                    double dashpot = eta * (zr[2][i] + 1e-4); // approach: particle's v_z minus the plate's −1e-4 m/s
                    hertzForce += 4.0 / 3.0 * eStarPlate * Math.sqrt(r) * Math.pow(delta, 1.5) + dashpot;
                    dashpots += Math.abs(dashpot);
                }
            }
            if (step > swapIn && step < swapOut) {
                walton++;
                assertEquals("Walton-Braun plate force at step " + step, linear, force, 1e-5 * force);
            } else if (step < swapIn || step > swapOut + 250) {
                hertz++;
                // the table holds |F|/A; the snapshot's velocities are a half kick later than the ones the dashpots saw
                assertEquals("Hertz plate force at step " + step, Math.abs(hertzForce), force,
                        0.02 * force + 0.2 * dashpots);
            }
        }
        assertTrue("rows under Walton-Braun: " + walton, walton >= 2);
        assertTrue("rows under Hertz: " + hertz, hertz >= 5);
    }

    /** @return z [m], radius [m] and v_z [m/s] of every particle in a calsim VTK PolyData snapshot */
    private static double[][] vtkHeightsRadiiAndSpeeds(byte[] vtk) {
        double[] xyz = appendedFloat64(vtk, "Points");
        double[] r = appendedFloat64(vtk, "radius");
        double[] v = appendedFloat64(vtk, "velocity");
        double[][] zr = new double[3][r.length];
        for (int i = 0; i < r.length; i++) {
            zr[0][i] = xyz[3 * i + 2];
            zr[1][i] = r[i];
            zr[2][i] = v[3 * i + 2];
        }
        return zr;
    }

    /**
     * @return the values of a Float64 array of a VTK XML file whose arrays are appended raw, read by the format's
     *         rules: from the array's offset after the underscore that opens the appended data, a UInt64 byte count,
     *         then the values, little-endian
     */
    private static double[] appendedFloat64(byte[] file, String name) {
        String text = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<DataArray type=\"Float64\" Name=\"" + name
                + "\"[^>]*offset=\"(\\d+)\"").matcher(text);
        assertTrue("array " + name, m.find());
        int data = text.indexOf('_', text.indexOf("<AppendedData encoding=\"raw\">")) + 1;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(file).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.position(data + Integer.parseInt(m.group(1)));
        double[] values = new double[(int) (b.getLong() / Double.BYTES)];
        for (int i = 0; i < values.length; i++) {
            values[i] = b.getDouble();
        }
        return values;
    }

    private void awaitLaw(String name) throws Exception {
        ServiceTracker<ContactLaw, ContactLaw> t = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + ContactLaw.class.getName() + ")(calsim.name=" + name + "))"),
                null);
        t.open();
        try {
            assertNotNull("law " + name + " was not registered", t.waitForService(10_000));
        } finally {
            t.close();
        }
    }
}
