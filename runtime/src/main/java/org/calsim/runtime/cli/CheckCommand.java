package org.calsim.runtime.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.calsim.api.job.JobService;
import org.calsim.api.stage.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calsim check JOB [--set path=value …]}: the checks of {@code run}, without running. */
@Command(name = "check", description = "Check a job file and its stage chain without running anything.",
        mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {
    private final JobService jobs;
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(index = "0", paramLabel = "JOB", description = "job file (YAML or JSON)")
    Path jobFile;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a field before checking")
    List<String> overrides;

    CheckCommand(JobService jobs, PrintStream out, PrintStream err) {
        this.jobs = jobs;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try {
            jobs.check(JobFiles.request(jobFile, null, overrides)); // check writes nothing: no --out to check
        } catch (InvalidInputException e) {
            err.println("calsim: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        out.println("calsim: " + jobFile + " is a valid job; its stage chain is complete.");
        return ExitCodes.OK;
    }
}
