package org.calsim.runtime.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.calsim.api.job.JobOutcome;
import org.calsim.api.job.JobRun;
import org.calsim.api.job.JobService;
import org.calsim.api.job.JobState;
import org.calsim.api.stage.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calsim run JOB [--out DIR] [--set path=value …]}. */
@Command(name = "run", description = "Check a job file and its stage chain, then run it and write the results.",
        mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
    private final JobService jobs;
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(index = "0", paramLabel = "JOB", description = "job file (YAML or JSON)")
    Path jobFile;

    @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: results/<job name>)")
    Path outDir;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "override a field, e.g. calendering.line_load_kN_per_m=120 or stages[1].with.alpha=1.6")
    List<String> overrides;

    RunCommand(JobService jobs, PrintStream out, PrintStream err) {
        this.jobs = jobs;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws InterruptedException {
        JobRun run;
        try {
            run = jobs.submit(JobFiles.request(jobFile, outDir, overrides),
                    new TerminalProgress(err, System.console() != null));
        } catch (InvalidInputException e) {
            err.println("calsim: the job was not run. " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        JobOutcome outcome = run.await();
        Path summary = outcome.outputDir().resolve("summary.json");
        if (outcome.state() == JobState.SUCCEEDED) {
            out.println("calsim: job " + run.name() + " succeeded; results in " + outcome.outputDir());
            if (Files.exists(summary)) {
                out.println("calsim: headline numbers in " + summary);
            }
            return ExitCodes.OK;
        }
        err.println("calsim: job " + run.name() + " " + outcome.state().name().toLowerCase() + ": " + outcome.error());
        err.println("calsim: what earlier stages produced is in " + outcome.outputDir());
        return outcome.state() == JobState.CANCELLED ? ExitCodes.CANCELLED : ExitCodes.FAILED;
    }
}
