package org.calsim.runtime.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.study.StudyReport;
import org.calsim.api.study.StudyService;
import org.calsim.runtime.output.ResultWriter;
import org.calsim.runtime.run.StageResults;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * What {@code sweep}, {@code train} and {@code optimise} share: finding the {@link StudyService}, showing progress,
 * drawing the study's plots and tables into its folder, printing its headline lines and choosing the exit code.
 */
final class StudyCall {
    /** How long Ctrl-C waits for a study to record what finished. */
    private static final long STOP_WAIT_SECONDS = 60;
    private final BundleContext context;
    private final PrintStream out;
    private final PrintStream err;

    /** One study call, given the service, a sink for its plots and a progress listener. */
    @FunctionalInterface
    interface Body {
        StudyReport call(StudyService service, ResultSink results, StudyProgress progress) throws InterruptedException;
    }

    StudyCall(BundleContext context, PrintStream out, PrintStream err) {
        this.context = context;
        this.out = out;
        this.err = err;
    }

    /** Runs the study and returns the exit code. */
    int run(String what, Body body) throws InterruptedException {
        ServiceReference<StudyService> ref = context.getServiceReference(StudyService.class);
        StudyService service = ref == null ? null : context.getService(ref);
        if (service == null) {
            err.println("calsim: no study service is active (the org.calsim.ml bundle provides it); " + what
                    + " cannot run. ./calsim list shows what the container has.");
            return ExitCodes.FAILED;
        }
        Thread study = Thread.currentThread();
        CountDownLatch ended = new CountDownLatch(1);
        Thread stop = new Thread(() -> { // Ctrl-C: stop the study, let it record what finished, then exit
            study.interrupt();
            try {
                ended.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "calsim-study-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            StageResults results = new StageResults(null); // studies write no staged files
            StudyReport report;
            try (StudyProgress progress = new StudyProgress(err, System.console() != null)) {
                report = body.call(service, results, progress);
            } catch (InterruptedException e) {
                err.println("calsim: the " + what + " was stopped; what finished is recorded, and running it again "
                        + "goes on from there");
                return ExitCodes.CANCELLED;
            }
            ResultWriter.append(report.folder()).writeStage(what, results.tables(), results.plots());
            report.lines().forEach(l -> out.println("calsim: " + l));
            out.println("calsim: " + what + " files in " + report.folder());
            return report.failed() ? ExitCodes.FAILED : ExitCodes.OK;
        } catch (InvalidInputException e) {
            err.println("calsim: the " + what + " was not run. " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.println("calsim: the " + what + " could not write its plots: " + e);
            return ExitCodes.FAILED;
        } catch (UncheckedIOException e) {
            err.println("calsim: the " + what + " stopped: " + e.getMessage());
            return ExitCodes.FAILED;
        } finally {
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running and waits for this
            }
            context.ungetService(ref);
        }
    }
}
