package org.calsim.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.inject.Inject;
import org.calsim.api.job.JobOutcome;
import org.calsim.api.job.JobRequest;
import org.calsim.api.job.JobRun;
import org.calsim.api.job.JobService;
import org.calsim.api.job.JobState;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.Solver;
import org.calsim.api.stage.StageContext;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Cancelling a job in the container: the running stage stops at a step boundary, the stages before
 * it keep their results, and nothing of the cancelled stage is written. And a job whose stage dies with a Java
 * {@link Error} is recorded as failed with its cause, and the runner goes on running jobs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CancellationIT {

    @Inject
    private JobService jobs;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return options(new HotSwapIT().config());
    }

    @Test
    public void cancelKeepsEarlierStagesAndDropsTheCancelledOne() throws Exception {
        Path dir = Files.createTempDirectory("calsim-cancel");
        String job = String.join("\n",
                "name: cancel",
                "recipe: {active_material: NMC622, initial_porosity: 0.45, active_loading_mg_per_cm2: 20}",
                "calendering: {line_load_kN_per_m: 500, roll_temperature_C: 60}",
                "stages:",
                "  - use: empirical.porosity",
                "    with: {eps_min: 0.2, gamma_kN_per_m: 480}",
                "  - use: dem.contact-probe",
                "    with: {steps: 200000}");
        Path out = dir.resolve("out");
        CompletableFuture<JobRun> submitted = new CompletableFuture<>();
        JobRun run = jobs.submit(new JobRequest(job, dir, out, List.of()), p -> {
            if (p.stage().equals("dem.contact-probe") && p.fraction() >= 0.2 && p.fraction() < 1) {
                // the listener runs on the job's thread: wait for submit() to return, then cancel
                submitted.join().cancel();
            }
        });
        submitted.complete(run);
        JobOutcome outcome = run.await();

        assertEquals(JobState.CANCELLED, outcome.state());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("cancelled", summary.get("status").asText());
        assertEquals("succeeded", summary.get("stages").get(0).get("status").asText());
        assertEquals("cancelled", summary.get("stages").get(1).get("status").asText());
        assertTrue(Files.exists(out.resolve("empirical.porosity-porosity-vs-line-load.csv")));
        assertFalse(Files.exists(out.resolve("dem.contact-probe-force-overlap.csv")));
    }

    /** A stage that dies with the Java error its parameter names. */
    private static final class ErrorStage implements Solver {
        @Override
        public String description() {
            return "test: dies with a Java Error";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(Parameter.choice("error", List.of("stack-overflow", "out-of-memory", "no-class-def"),
                    "which Error").withDefault("stack-overflow"));
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
            switch (context.parameters().text("error")) {
                case "out-of-memory" -> throw new OutOfMemoryError("Java heap space (test)");
                case "no-class-def" -> throw new NoClassDefFoundError("org/calsim/gone/Undeployed (test)");
                default -> recurse(0);
            }
        }

        private static int recurse(int depth) {
            return recurse(depth + 1) + 1;
        }
    }

    @Test
    public void aJavaErrorFailsTheJobWithItsCauseAndTheRunnerGoesOn() throws Exception {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ServiceProperties.NAME, "test.error");
        ServiceRegistration<Solver> registration = context.registerService(Solver.class, new ErrorStage(), props);
        try {
            Path dir = Files.createTempDirectory("calsim-error");
            String head = String.join("\n",
                    "recipe: {active_material: NMC622, initial_porosity: 0.45, active_loading_mg_per_cm2: 20}",
                    "calendering: {line_load_kN_per_m: 500, roll_temperature_C: 60}",
                    "stages:",
                    "  - use: empirical.porosity",
                    "    with: {eps_min: 0.2, gamma_kN_per_m: 480}");
            String[][] cases = {{"stack-overflow", "StackOverflowError"}, {"out-of-memory", "OutOfMemoryError"},
                {"no-class-def", "NoClassDefFoundError"}};
            for (String[] c : cases) {
                Path out = dir.resolve(c[0]);
                JobOutcome outcome = jobs.submit(new JobRequest("name: " + c[0] + "\n" + head
                        + "\n  - use: test.error\n    with: {error: " + c[0] + "}", dir, out, List.of()), null).await();
                assertEquals(c[0], JobState.FAILED, outcome.state());
                assertTrue(outcome.error(), outcome.error().contains(c[1]) && outcome.error().contains("test.error"));
                JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
                assertEquals("failed", summary.get("status").asText());
                assertEquals("succeeded", summary.get("stages").get(0).get("status").asText());
                assertEquals("failed", summary.get("stages").get(1).get("status").asText());
                assertTrue(Files.readString(out.resolve("error.log")).contains(c[1]));
            }
            JobOutcome after = jobs.submit(new JobRequest("name: after\n" + head, dir, dir.resolve("after"), List.of()),
                    null).await();
            assertEquals(after.error(), JobState.SUCCEEDED, after.state());
        } finally {
            registration.unregister();
        }
    }
}
