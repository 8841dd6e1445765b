package org.calsim.runtime.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.calsim.api.job.JobService;
import org.calsim.api.job.Registry;
import org.osgi.framework.BundleContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The calsim command line, run on the launcher's main thread. The bnd launcher calls {@link #call()}
 * and exits the JVM with its result.
 *
 * <p>Picocli reads the annotations of every command it is given: building all nine took about 40 ms of the start of
 * {@code calsim list}, a third of its time after the launcher calls. A command line whose first word names a command
 * (every call but the usage) gets that command alone, which parses and reports errors the same as among all nine; any
 * other (no word, a top-level option, an unknown word) gets all, for the usage and picocli's suggestions.
 */
public final class CommandLineMain implements Callable<Integer> {
    private static final long DEPLOY_WAIT_MILLIS = 15_000;
    private final String[] args;
    private final JobService jobs;
    private final Registry registry;
    private final BundleContext context;

    /** The top command: prints usage. */
    @Command(name = "calsim", mixinStandardHelpOptions = true, version = "calsim 0.1.0",
            description = "Simulation framework for the calendering of lithium-ion battery electrodes.",
            footer = {"", "./calsim shell starts the container with the Gogo shell (calsim:list, calsim:run, ...).",
                "./calsim serve runs the lab server on 127.0.0.1 until stopped.",
                "Exit codes: 0 success, 1 a stage failed, 2 bad input (nothing ran), 3 cancelled."})
    static final class Top implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }
    }

    CommandLineMain(String[] args, JobService jobs, Registry registry, BundleContext context) {
        this.args = args.clone();
        this.jobs = jobs;
        this.registry = registry;
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintStream out = System.out;
        PrintStream err = System.err;
        List<String> late = DeployFolder.awaitActive(context, Path.of("deploy"), DEPLOY_WAIT_MILLIS);
        if (!late.isEmpty()) {
            err.println("calsim: warning: deploy/ bundles not active after " + DEPLOY_WAIT_MILLIS / 1000 + " s: " + late);
        }
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>(); // in the order the usage lists them
        commands.put("run", () -> new RunCommand(jobs, out, err));
        commands.put("check", () -> new CheckCommand(jobs, out, err));
        commands.put("list", () -> new ListCommand(registry, out));
        commands.put("describe", () -> new DescribeCommand(context, out, err));
        commands.put("sweep", () -> new SweepCommand(new StudyCall(context, out, err), context, err));
        commands.put("train", () -> new TrainCommand(new StudyCall(context, out, err)));
        commands.put("optimise", () -> new OptimiseCommand(new StudyCall(context, out, err)));
        commands.put("serve", () -> new ServeCommand(context, out, err));
        CommandLine cl = new CommandLine(new Top());
        Supplier<Object> named = args.length > 0 ? commands.get(args[0]) : null;
        if (named != null) {
            cl.addSubcommand(args[0], named.get());
        } else {
            commands.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("calsim: internal error: " + e);
            e.printStackTrace(err);
            return ExitCodes.FAILED;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            err.println("calsim: " + e.getMessage());
            e.getCommandLine().usage(err);
            return ExitCodes.BAD_INPUT;
        });
        return cl.execute(args);
    }
}
