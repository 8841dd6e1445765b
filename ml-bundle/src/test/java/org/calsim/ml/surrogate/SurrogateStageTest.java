package org.calsim.ml.surrogate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.calsim.api.electrode.CalenderingConditions;
import org.calsim.api.electrode.CoatingKeys;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Key;
import org.calsim.api.study.ScalarView;
import org.calsim.api.study.StateScalars;
import org.calsim.api.testing.TestStageContext;
import org.calsim.api.transport.EffectiveProperties;
import org.calsim.ml.dataset.OutputColumn;
import org.calsim.ml.doe.Design;
import org.calsim.ml.doe.Factor;
import org.calsim.ml.gp.GprKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurrogateStageTest {
    private static final ElectrodeRecipe RECIPE = new ElectrodeRecipe("NMC622", "LiPF6-EC-EMC", 0.96, 0.02, 0.02,
            0.2, 3500, 0.48, 10e-6, 640_000);

    @TempDir
    Path dir;

    /**
     * A surrogate of porosity and tortuosity against line load (ε = 0.48 − 1e-4 q_L, T = ε^−0.5, learned from 12
     * points) gives the coating porosity and the effective properties as state entries, at the job's line load, and
     * its stage result as a summary number; the prediction is the regressor's.
     */
    @Test
    void givesTheStateEntriesItPredictsFromTheJobsFields() throws Exception {
        Surrogate s = surrogate(List.of(new Factor("calendering.line_load_kN_per_m", "kN/m", 100, 1000, false)));
        Path file = dir.resolve("m.model.json");
        s.write(file);
        TestStageContext c = new TestStageContext().with(ElectrodeRecipe.KEY, RECIPE)
                .with(CalenderingConditions.KEY, new CalenderingConditions(500e3, 0.15, Double.NaN, 60, 1.0 / 60, 0.1))
                .run(new SurrogateStage(), Map.of("model_file", file));
        double[] expected = s.predict(new double[] {500});
        assertEquals(expected[0], c.given(CoatingKeys.POROSITY), 0.0);
        EffectiveProperties e = c.given(EffectiveProperties.KEY);
        assertEquals(expected[1], e.porosity(), 0.0);
        assertEquals(expected[2], e.throughPlaneTortuosity(), 0.0);
        assertTrue(Double.isNaN(e.inPlaneTortuosity()));
        assertTrue(e.method().startsWith("surrogate gpr"), e.method());
        assertEquals(0.43, expected[0], 1e-3);
        assertEquals(Math.pow(0.43, -0.5), expected[2], 1e-3);
        assertEquals(expected[3], c.sink().get("empirical.rate-capability.critical_c_rate"), 0.0);
        assertFalse(c.sink().notes.containsKey("extrapolation"));
        assertEquals(Set.of(CoatingKeys.POROSITY, EffectiveProperties.KEY),
                new SurrogateStage().gives(org.calsim.api.testing.TestParameters.bind(
                        new SurrogateStage().parameters(), Map.of("model_file", file))));
    }

    @Test
    void inputsOutsideTheTrainingRangeAreReportedAsExtrapolation() throws Exception {
        Path file = dir.resolve("m.model.json");
        surrogate(List.of(new Factor("calendering.line_load_kN_per_m", "kN/m", 100, 1000, false))).write(file);
        TestStageContext c = new TestStageContext().with(ElectrodeRecipe.KEY, RECIPE)
                .with(CalenderingConditions.KEY, new CalenderingConditions(1500e3, 0.15, Double.NaN, 60, 1.0 / 60, 0.1))
                .run(new SurrogateStage(), Map.of("model_file", file));
        assertTrue(c.sink().notes.get("extrapolation").contains("calendering.line_load_kN_per_m = 1500.0 outside"),
                c.sink().notes.toString());
    }

    /** An input that is not a recipe or calendering field must come from other_inputs; the message lists it. */
    @Test
    void stageParameterInputsMustBeGiven() throws Exception {
        Path file = dir.resolve("m.model.json");
        surrogate(List.of(new Factor("stages[1].with.target_pressure_MPa", "MPa", 100, 1000, false))).write(file);
        TestStageContext c = new TestStageContext().with(ElectrodeRecipe.KEY, RECIPE)
                .with(CalenderingConditions.KEY, new CalenderingConditions(500e3, 0.15, Double.NaN, 60, 1.0 / 60, 0.1));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> c.run(new SurrogateStage(), Map.of("model_file", file)));
        assertTrue(e.getMessage().contains("other_inputs") && e.getMessage().contains("stages[1].with.target_pressure_MPa"),
                e.getMessage());
        c.run(new SurrogateStage(), Map.of("model_file", file, "other_inputs", List.of(500.0)));
        assertEquals(0.43, c.given(CoatingKeys.POROSITY), 1e-3);
    }

    private static Surrogate surrogate(List<Factor> inputs) {
        double[][] u = Design.SOBOL.points(1, 12, 0);
        double[][] x = new double[u.length][];
        double[][] y = new double[u.length][];
        for (int i = 0; i < u.length; i++) {
            x[i] = new double[] {inputs.get(0).at(u[i][0])};
            double eps = 0.48 - 1e-4 * x[i][0];
            y[i] = new double[] {eps, eps, Math.pow(eps, -0.5), 3 * eps};
        }
        Regressor r = new GprKind().fit(x, y, JsonNodeFactory.instance.objectNode(), 1);
        return new Surrogate("gpr", inputs, List.of(new OutputColumn("coating.porosity", "1", true),
                new OutputColumn("transport.effective_properties.porosity", "1", true),
                new OutputColumn("transport.effective_properties.through_plane_tortuosity", "1", true),
                new OutputColumn("empirical.rate-capability/critical_c_rate", "1/h", false)),
                new double[] {1, 1, 1, 1}, new double[] {0, 0, 0, 0}, "test", r);
    }

    /** A plugin's result type: cracks per area and their mean length (it is not a key of the API). */
    record Cracks(double perArea, double meanLength) {
        static final Key<Cracks> KEY = Key.of("plugin.cracks", Cracks.class, "-", "AM particle cracks");
    }

    /** The plugin's scalar view of its key, as it would register it as a service. */
    static final class CracksView implements ScalarView<Cracks> {
        @Override
        public Key<Cracks> key() {
            return Cracks.KEY;
        }

        @Override
        public List<StateScalars.Scalar> components() {
            return List.of(new StateScalars.Scalar("plugin.cracks.per_area", "1/m^2"),
                    new StateScalars.Scalar("plugin.cracks.mean_length", "m"));
        }

        @Override
        public int required() {
            return 1;
        }

        @Override
        public double[] flatten(Cracks value) {
            return new double[] {value.perArea(), value.meanLength()};
        }

        @Override
        public Cracks assemble(double[] values, String method) {
            return new Cracks(values[0], values[1]);
        }
    }

    /**
     * A surrogate that learned a plugin's result gives it as a state entry when the plugin registered a scalar view
     * of its key (issue 21: the API no longer decides alone which results can be learned); without the view it gives
     * only the API's entries.
     */
    @Test
    void aPluginsKeyWithAScalarViewIsGivenToo() throws Exception {
        double[][] x = new double[12][];
        double[][] y = new double[12][];
        double[][] u = Design.SOBOL.points(1, 12, 0);
        Factor load = new Factor("calendering.line_load_kN_per_m", "kN/m", 100, 1000, false);
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {load.at(u[i][0])};
            y[i] = new double[] {0.48 - 1e-4 * x[i][0], 2 + 1e-3 * x[i][0]};
        }
        Regressor r = new GprKind().fit(x, y, JsonNodeFactory.instance.objectNode(), 1);
        Path file = dir.resolve("cracks.model.json");
        Surrogate s = new Surrogate("gpr", List.of(load), List.of(new OutputColumn("coating.porosity", "1", true),
                new OutputColumn("plugin.cracks.per_area", "1/m^2", true)), new double[] {1, 1}, new double[] {0, 0},
                "test", r);
        s.write(file);
        ScalarViews views = new ScalarViews();
        views.bind(new CracksView());
        Map<String, Object> with = Map.of("model_file", file);
        assertEquals(Set.of(CoatingKeys.POROSITY, Cracks.KEY), new SurrogateStage(views).gives(
                org.calsim.api.testing.TestParameters.bind(new SurrogateStage().parameters(), with)));
        assertEquals(Set.of(CoatingKeys.POROSITY), new SurrogateStage().gives(
                org.calsim.api.testing.TestParameters.bind(new SurrogateStage().parameters(), with)));
        TestStageContext c = new TestStageContext().with(ElectrodeRecipe.KEY, RECIPE)
                .with(CalenderingConditions.KEY, new CalenderingConditions(500e3, 0.15, Double.NaN, 60, 1.0 / 60, 0.1))
                .run(new SurrogateStage(views), with);
        Cracks cracks = c.given(Cracks.KEY);
        assertEquals(s.predict(new double[] {500})[1], cracks.perArea(), 0.0);
        assertEquals(2.5, cracks.perArea(), 1e-3);
        assertTrue(Double.isNaN(cracks.meanLength()), "not predicted: not computed");
    }

    /** A model file that is not JSON: the error names the field, the file, line and column, and quotes none of it. */
    @Test
    void unreadableModelFileIsNamedWithoutItsText() throws Exception {
        Path file = dir.resolve("passwd");
        java.nio.file.Files.writeString(file, "root:x:0:0:s3cret-lab-token:/root:/bin/bash\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Surrogate.read(file, "stages[2].with.model_file"));
        assertFalse(e.getMessage().contains("s3cret") || e.getMessage().contains("root:"), e.getMessage());
        assertFalse(e.getMessage().contains(dir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("stages[2].with.model_file") && e.getMessage().contains("passwd")
                && e.getMessage().contains("line 1, column"), e.getMessage());
    }
}
