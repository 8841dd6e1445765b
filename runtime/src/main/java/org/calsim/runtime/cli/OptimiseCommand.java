package org.calsim.runtime.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calsim optimise OPT [--out DIR]}. */
@Command(name = "optimise", aliases = "optimize", mixinStandardHelpOptions = true,
        description = {"Bayesian optimisation of job fields against a trained surrogate or the physics chain: "
            + "expected improvement for one objective, ParEGO for several (the Pareto set); plots of the Pareto "
            + "front, the convergence and the partial dependence."})
final class OptimiseCommand implements Callable<Integer> {
    private final StudyCall study;

    @Parameters(index = "0", paramLabel = "OPT", description = "optimisation file (YAML)")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "optimisation folder (default: results/<name>)")
    Path outDir;

    OptimiseCommand(StudyCall study) {
        this.study = study;
    }

    @Override
    public Integer call() throws InterruptedException {
        return study.run("optimise", (service, results, progress) -> service.optimise(file, outDir, results, progress));
    }
}
