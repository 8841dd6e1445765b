package org.calsim.runtime.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.calsim.api.job.JobListener;
import org.calsim.api.job.JobRequest;
import org.calsim.api.job.JobRun;
import org.calsim.api.job.JobService;
import org.calsim.api.job.RegisteredService;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.job.Registry;
import org.calsim.runtime.output.ResultWriter;
import org.calsim.runtime.registry.ServiceCatalog;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The calsim runtime service: checks and runs jobs, each on its own thread, and lists what is
 * registered. Jobs still running when the runtime stops are cancelled.
 */
@Component(service = {JobService.class, Registry.class})
public final class JobRunner implements JobService, Registry {
    private final BundleContext context;
    private final ServiceCatalog catalog;
    private final JobPreparer preparer;
    private final ExecutorService threads;
    private final List<JobExecution> running = new ArrayList<>();

    @Activate
    public JobRunner(BundleContext context) {
        this.context = context;
        this.catalog = new ServiceCatalog(context);
        this.preparer = new JobPreparer(context, catalog);
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "calsim-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void check(JobRequest request) {
        PreparedJob job = preparer.prepare(request);
        preparer.release(job.stages());
    }

    @Override
    public List<String> inputFiles(JobRequest request) {
        PreparedJob job = preparer.prepare(request);
        try {
            Path root = request.baseDir().toRealPath();
            Set<String> files = new LinkedHashSet<>();
            for (StagePlan plan : job.stages()) {
                for (Map.Entry<String, Path> f : plan.parameters().files().entrySet()) {
                    files.add(inside(root, f.getKey(), f.getValue()));
                }
                for (Path read : plan.solver().filesRead(plan.parameters())) {
                    files.add(inside(root, plan.parameters().fieldPath("files read"), read));
                }
            }
            return List.copyOf(files);
        } catch (IOException e) {
            throw new InvalidInputException("JOB", request.baseDir().toString(), "a job folder whose files can be "
                    + "read (" + e.getClass().getSimpleName() + ")");
        } finally {
            preparer.release(job.stages());
        }
    }

    /**
     * @return {@code file} relative to {@code root} (with {@code /})
     * @throws InvalidInputException naming {@code field} if its real location is outside {@code root}
     */
    private static String inside(Path root, String field, Path file) throws IOException {
        Path real = file.toRealPath();
        if (!real.startsWith(root)) {
            throw new InvalidInputException(field, file.toString(), "a file inside the job's folder " + root + ": a "
                    + "point that runs on another member of the cluster takes only the files of its job's folder "
                    + "with it");
        }
        return root.relativize(real).toString().replace('\\', '/');
    }

    @Override
    public JobRun submit(JobRequest request, JobListener listener) {
        PreparedJob job = preparer.prepare(request);
        try {
            ResultWriter.check(job.outputDir());
        } catch (RuntimeException e) {
            preparer.release(job.stages());
            throw e;
        }
        JobExecution execution = new JobExecution(job, context, listener, this::ended);
        synchronized (running) {
            running.add(execution);
        }
        threads.execute(execution);
        return execution;
    }

    private void ended(JobExecution execution) {
        preparer.release(execution.job().stages());
        synchronized (running) {
            running.remove(execution);
        }
    }

    @Override
    public List<RegisteredService> services() {
        return catalog.services();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        synchronized (running) {
            running.forEach(JobExecution::cancel);
        }
        threads.shutdown();
        threads.awaitTermination(30, TimeUnit.SECONDS);
    }
}
