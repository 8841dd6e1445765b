package org.calsim.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.ops4j.pax.exam.CoreOptions.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.calsim.api.job.JobOutcome;
import org.calsim.api.job.JobRequest;
import org.calsim.api.job.JobService;
import org.calsim.api.job.JobState;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.Solver;
import org.calsim.api.stage.StageContext;
import org.calsim.api.study.ScalarView;
import org.calsim.api.study.StateScalars;
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
 * A plugin's stage gives a result of its own type; once the plugin registers a {@link ScalarView} for its key, the
 * job's {@code summary.json} lists its numbers under {@code state} with their units, as it does the API's (so a
 * sweep's dataset takes them and a surrogate can learn them). Without the view it does not.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginResultIT {

    @Inject
    private JobService jobs;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return options(new HotSwapIT().config());
    }

    /** A plugin's result: the fraction of particles cracked and the crack length. */
    public record Cracks(double fraction, double length) {
    }

    private static final Key<Cracks> CRACKS = Key.of("plugin.cracks", Cracks.class, "-", "particle cracks (test)");

    /** The plugin's stage: gives its result. */
    private static final class CrackStage implements Solver {
        @Override
        public String description() {
            return "test: gives particle cracks";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public Set<Key<?>> needs(Parameters parameters) {
            return Set.of();
        }

        @Override
        public Set<Key<?>> gives(Parameters parameters) {
            return Set.of(CRACKS);
        }

        @Override
        public void run(StageContext context) {
            context.give(CRACKS, new Cracks(0.125, 2.5e-6));
        }
    }

    /** The plugin's view of its key as scalars. */
    private static final class CracksView implements ScalarView<Cracks> {
        @Override
        public Key<Cracks> key() {
            return CRACKS;
        }

        @Override
        public List<StateScalars.Scalar> components() {
            return List.of(new StateScalars.Scalar("plugin.cracks.fraction", "1"),
                    new StateScalars.Scalar("plugin.cracks.length", "m"));
        }

        @Override
        public int required() {
            return 2;
        }

        @Override
        public double[] flatten(Cracks value) {
            return new double[] {value.fraction(), value.length()};
        }

        @Override
        public Cracks assemble(double[] values, String method) {
            return new Cracks(values[0], values[1]);
        }
    }

    @Test
    public void aPluginsResultWithAScalarViewIsInTheSummary() throws Exception {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ServiceProperties.NAME, "test.cracks");
        ServiceRegistration<Solver> stage = context.registerService(Solver.class, new CrackStage(), props);
        try {
            Path dir = Files.createTempDirectory("calsim-plugin-result");
            String job = String.join("\n", "name: cracks",
                    "recipe: {active_material: NMC622, initial_porosity: 0.45, active_loading_mg_per_cm2: 20}",
                    "calendering: {line_load_kN_per_m: 500}", "stages:", "  - use: test.cracks");
            JsonNode without = run(job, dir.resolve("without"));
            assertFalse(without.toString(), without.has("plugin.cracks.fraction"));

            ServiceRegistration<?> view = context.registerService(ScalarView.class.getName(), new CracksView(), null);
            try {
                JsonNode state = run(job, dir.resolve("with"));
                assertEquals(0.125, state.at("/plugin.cracks.fraction/value").asDouble(), 0);
                assertEquals("1", state.at("/plugin.cracks.fraction/unit").asText());
                assertEquals(2.5e-6, state.at("/plugin.cracks.length/value").asDouble(), 0);
                assertEquals("m", state.at("/plugin.cracks.length/unit").asText());
            } finally {
                view.unregister();
            }
        } finally {
            stage.unregister();
        }
    }

    /** @return the {@code state} of the job's summary */
    private JsonNode run(String job, Path out) throws Exception {
        JobOutcome outcome = jobs.submit(new JobRequest(job, out.getParent(), out, List.of()), p -> { }).await();
        assertEquals(outcome.error(), JobState.SUCCEEDED, outcome.state());
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("state");
    }
}
