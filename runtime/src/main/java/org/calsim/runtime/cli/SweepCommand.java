package org.calsim.runtime.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calsim sweep SWEEP [--out DIR] [--retry-failed]}. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a design of experiments over job fields (Sobol, Latin hypercube or Saltelli) and write "
            + "one dataset (dataset.csv + dataset.json); each point keeps its results folder under points/.",
            "Running the same sweep again skips the points that finished."})
final class SweepCommand implements Callable<Integer> {
    private final StudyCall study;

    @Parameters(index = "0", paramLabel = "SWEEP", description = "sweep file (YAML)")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "sweep folder (default: results/<sweep name>)")
    Path outDir;

    @Option(names = "--retry-failed", description = "run points again that failed in an earlier run")
    boolean retryFailed;

    SweepCommand(StudyCall study) {
        this.study = study;
    }

    @Override
    public Integer call() throws InterruptedException {
        return study.run("sweep", (service, results, progress) -> service.sweep(file, outDir, retryFailed, results,
                progress));
    }
}
