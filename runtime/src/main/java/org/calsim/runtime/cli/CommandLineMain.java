package org.calsim.runtime.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.calsim.api.job.JobService;
import org.calsim.api.job.Registry;
import org.osgi.framework.BundleContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The calsim command line, run on the launcher's main thread. The bnd launcher calls {@link #call()}
 * and exits the JVM with its result.
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
        CommandLine cl = new CommandLine(new Top());
        cl.addSubcommand("run", new RunCommand(jobs, out, err));
        cl.addSubcommand("check", new CheckCommand(jobs, out, err));
        cl.addSubcommand("list", new ListCommand(registry, out));
        cl.addSubcommand("describe", new DescribeCommand(context, out, err));
        StudyCall study = new StudyCall(context, out, err);
        cl.addSubcommand("sweep", new SweepCommand(study, context, err));
        cl.addSubcommand("train", new TrainCommand(study));
        cl.addSubcommand("optimise", new OptimiseCommand(study));
        cl.addSubcommand("serve", new ServeCommand(context, out, err));
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
