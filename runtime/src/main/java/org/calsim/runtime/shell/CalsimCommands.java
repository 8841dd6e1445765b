package org.calsim.runtime.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.calsim.api.job.JobOutcome;
import org.calsim.api.job.FileAccess;
import org.calsim.api.job.JobRequest;
import org.calsim.api.job.JobService;
import org.calsim.api.job.RegisteredService;
import org.calsim.api.job.Registry;
import org.calsim.api.stage.InvalidInputException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo shell commands: {@code calsim:list}, {@code calsim:check JOB}, {@code calsim:run JOB [path=value …]}.
 */
@Component(service = CalsimCommands.class, property = {"osgi.command.scope=calsim",
    "osgi.command.function=list", "osgi.command.function=check", "osgi.command.function=run"})
public final class CalsimCommands {
    @Reference
    private JobService jobs;
    @Reference
    private Registry registry;

    /** Lists every registered contact law, material, solver and coupler. */
    public String list() {
        StringBuilder sb = new StringBuilder();
        for (RegisteredService s : registry.services()) {
            sb.append(String.format("%-12s %-28s %s %s (ranking %d)%n", s.kind(), s.name(), s.bundleSymbolicName(),
                    s.bundleVersion(), s.ranking()));
        }
        return sb.toString();
    }

    /** Checks a job file and its stage chain. */
    public String check(String job) throws IOException {
        try {
            jobs.check(request(job, List.of()));
            return job + " is a valid job; its stage chain is complete.";
        } catch (InvalidInputException e) {
            return "not valid: " + e.getMessage();
        }
    }

    /** Runs a job file, overrides as {@code path=value}, printing progress; returns where the results are. */
    public String run(String job, String... overrides) throws IOException, InterruptedException {
        JobOutcome outcome;
        try {
            outcome = jobs.submit(request(job, Arrays.asList(overrides)), p -> {
                if (p.fraction() == 0 || p.state().isFinal()) {
                    System.out.printf("[%3.0f%%] %s: %s%n", 100 * p.overall(), p.stage(), p.message());
                }
            }).await();
        } catch (InvalidInputException e) {
            return "not run: " + e.getMessage();
        }
        return outcome.state().name().toLowerCase() + (outcome.error() == null ? "" : ": " + outcome.error())
                + "; results in " + outcome.outputDir().toAbsolutePath();
    }

    private static JobRequest request(String job, List<String> overrides) throws IOException {
        Path file = Path.of(job).toAbsolutePath();
        return new JobRequest(Files.readString(file, StandardCharsets.UTF_8), file.getParent(), null,
                new ArrayList<>(overrides), FileAccess.LOCAL_USER);
    }
}
