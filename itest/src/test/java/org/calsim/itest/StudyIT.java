package org.calsim.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ML walkthrough of the README on the exported container: sweep the empirical chain, sweep again (nothing
 * re-runs), train a Gaussian-process surrogate, optimise against it, and check that the surrogate standing in for the
 * chain's stages reproduces the chain at points of another design that it never saw.
 */
class StudyIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] OUTPUTS = {"coating.porosity", "coating.thickness", "coating.density",
        "transport.effective_properties.porosity", "transport.effective_properties.through_plane_tortuosity",
        "empirical.rate-capability/volumetric_capacity_0p5C_mAh_per_cm3",
        "empirical.rate-capability/volumetric_capacity_2C_mAh_per_cm3"};

    @TempDir
    Path dir;

    @Test
    void sweepTrainOptimiseAndSwapInTheSurrogate() throws Exception {
        Path examples = dir.resolve("examples/ml");
        Files.createDirectories(examples);
        try (Stream<Path> files = Files.list(Calsim.home().resolve("examples/ml"))) {
            for (Path f : files.toList()) {
                Files.copy(f, examples.resolve(f.getFileName()));
            }
        }
        Calsim.Result sweep = Calsim.run(dir, "sweep", "examples/ml/sweep.yaml");
        assertEquals(0, sweep.exit(), sweep.out() + sweep.err());
        Path folder = dir.resolve("results/calendering-sweep");
        JsonNode description = JSON.readTree(folder.resolve("dataset.json").toFile());
        assertEquals(64, description.at("/points/succeeded").asInt(), description.toString());
        assertEquals("kN/m", description.at("/inputs/0/unit").asText());
        List<String> rows = Files.readAllLines(folder.resolve("dataset.csv"));
        assertEquals(65, rows.size());
        assertTrue(rows.get(0).contains("coating.porosity") && rows.get(0).endsWith(",error"), rows.get(0));

        Calsim.Result again = Calsim.run(dir, "sweep", "examples/ml/sweep.yaml");
        assertEquals(0, again.exit(), again.out() + again.err());
        assertTrue(again.out().contains("64 finished before and skipped"), again.out());

        Calsim.Result train = Calsim.run(dir, "train", "results/calendering-sweep", "--model", "gpr", "--outputs",
                String.join(",", OUTPUTS));
        assertEquals(0, train.exit(), train.out() + train.err());
        JsonNode model = JSON.readTree(folder.resolve("gpr.model.json").toFile());
        for (JsonNode o : model.get("outputs")) {
            assertTrue(o.get("cv_r2").asDouble() > 0.98, o.toString());
        }
        assertTrue(Files.exists(folder.resolve("train-parity-coating.porosity.png")));

        Calsim.Result swapped = Calsim.run(dir, "run", "examples/ml/surrogate-chain.yaml");
        assertEquals(0, swapped.exit(), swapped.out() + swapped.err());

        Calsim.Result optimise = Calsim.run(dir, "optimise", "examples/ml/optimise.yaml");
        assertEquals(0, optimise.exit(), optimise.out() + optimise.err());
        Path opt = dir.resolve("results/calendering-optimum");
        JsonNode result = JSON.readTree(opt.resolve("optimisation.json").toFile());
        assertEquals(40, result.get("evaluated").asInt());
        assertEquals(40, result.get("evaluations").size());
        assertTrue(result.get("pareto_set").size() >= 5, result.toString());
        assertTrue(Files.exists(opt.resolve("optimise-pareto-front.png")));

        // the physics chain itself as the objective: one objective, expected improvement, each evaluation a job
        Files.writeString(examples.resolve("optimise-chain.yaml"), """
                name: chain-optimum
                job: empirical-chain.yaml
                inputs:
                  - {field: calendering.line_load_kN_per_m, range: [100, 2000], scale: log}
                objectives:
                  - {output: empirical.rate-capability/volumetric_capacity_1C_mAh_per_cm3, goal: maximise}
                evaluations: 10
                initial: 4
                """);
        Calsim.Result chainOpt = Calsim.run(dir, "optimise", "examples/ml/optimise-chain.yaml");
        assertEquals(0, chainOpt.exit(), chainOpt.out() + chainOpt.err());
        Path chainDir = dir.resolve("results/chain-optimum");
        JsonNode best = JSON.readTree(chainDir.resolve("optimisation.json").toFile()).get("best").get(0);
        double bestCapacity = best.at("/objectives/empirical.rate-capability~1volumetric_capacity_1C_mAh_per_cm3")
                .asDouble();
        try (Stream<Path> evaluations = Files.list(chainDir.resolve("evaluations"))) {
            List<Path> runs = evaluations.toList();
            assertEquals(10, runs.size());
            for (Path run : runs) {
                double c = JSON.readTree(run.resolve("summary.json").toFile())
                        .at("/stages/3/results/volumetric_capacity_1C_mAh_per_cm3/value").asDouble();
                assertTrue(c <= bestCapacity, run + ": " + c + " above the reported best " + bestCapacity);
            }
        }

        // held out: the same 16 Latin-hypercube points through the chain and through the surrogate-backed chain
        for (String job : new String[] {"empirical-chain", "surrogate-chain"}) {
            Files.writeString(examples.resolve("held-out-" + job + ".yaml"), """
                    name: held-out-%s
                    job: %s.yaml
                    design: lhs
                    points: 16
                    seed: 7
                    inputs:
                      - {field: calendering.line_load_kN_per_m, range: [150, 1800], scale: log}
                      - {field: calendering.roll_temperature_C, range: [30, 110]}
                    """.formatted(job, job));
            Calsim.Result r = Calsim.run(dir, "sweep", "examples/ml/held-out-" + job + ".yaml");
            assertEquals(0, r.exit(), r.out() + r.err());
        }
        List<String> chain = Files.readAllLines(dir.resolve("results/held-out-empirical-chain/dataset.csv"));
        List<String> surrogate = Files.readAllLines(dir.resolve("results/held-out-surrogate-chain/dataset.csv"));
        for (String output : new String[] {"coating.porosity", "transport.effective_properties.through_plane_tortuosity",
            "empirical.rate-capability/volumetric_capacity_2C_mAh_per_cm3"}) {
            double[] y = column(chain, output);
            double[] p = column(surrogate, output);
            double mean = java.util.Arrays.stream(y).average().orElseThrow();
            double res = 0;
            double tot = 0;
            for (int i = 0; i < y.length; i++) {
                res += (y[i] - p[i]) * (y[i] - p[i]);
                tot += (y[i] - mean) * (y[i] - mean);
            }
            assertEquals(16, y.length);
            assertTrue(1 - res / tot > 0.98, output + ": held-out R^2 " + (1 - res / tot));
        }

        // a model file dropped into deploy/ is a stage of its own: surrogate.<name>, used with one line
        Files.createDirectories(dir.resolve("deploy"));
        Files.copy(folder.resolve("gpr.model.json"), dir.resolve("deploy/calendering.model.json"));
        String job = Files.readString(examples.resolve("surrogate-chain.yaml"));
        int from = job.indexOf("  - use: ml.surrogate");
        int to = job.indexOf("  - use: empirical.rate-capability");
        Files.writeString(examples.resolve("deployed.yaml"), job.substring(0, from) + "  - use: surrogate.calendering\n"
                + job.substring(to));
        Calsim.Result deployed = Calsim.run(dir, "run", "examples/ml/deployed.yaml", "--out", "deployed");
        assertEquals(0, deployed.exit(), deployed.out() + deployed.err());
        JsonNode summary = JSON.readTree(dir.resolve("deployed/summary.json").toFile());
        assertEquals("surrogate.calendering", summary.at("/stages/0/stage").asText());
        assertEquals(JSON.readTree(dir.resolve("results/surrogate-chain/summary.json").toFile())
                .at("/state/coating.porosity/value").asDouble(Double.NaN), summary.at("/state/coating.porosity/value")
                .asDouble(), 0.0, "the same model gives the same porosity whether named in the job or deployed");
    }

    private static double[] column(List<String> csv, String name) {
        int k = List.of(csv.get(0).split(",")).indexOf(name);
        assertTrue(k >= 0, name + " not in " + csv.get(0));
        return csv.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[k])).toArray();
    }
}
