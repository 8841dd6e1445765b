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
import java.util.List;
import javax.inject.Inject;
import org.calsim.api.contact.ContactLaw;
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
import org.osgi.util.tracker.ServiceTracker;

/**
 * Hot swap in the assembled container: a job whose stage ({@code dem.contact-probe}) calls a contact
 * law every step runs while the example plugin bundle (Walton–Braun, ranking 100) is installed and
 * later uninstalled. The job must complete; the provenance must record hertz-mindlin, then
 * walton-braun, then hertz-mindlin again; and every recorded force must follow exactly the law that
 * provenance names for its step (the switch happens between steps, never inside one).
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
