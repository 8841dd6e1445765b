package org.calsim.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.inject.Inject;
import org.calsim.api.job.JobOutcome;
import org.calsim.api.job.JobRequest;
import org.calsim.api.job.JobRun;
import org.calsim.api.job.JobService;
import org.calsim.api.job.JobState;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Cancelling a job in the container: the running stage stops at a step boundary, the stages before
 * it keep their results, and nothing of the cancelled stage is written.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CancellationIT {

    @Inject
    private JobService jobs;

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
}
