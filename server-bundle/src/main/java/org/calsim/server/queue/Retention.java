package org.calsim.server.queue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.calsim.server.store.LabStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code calsim serve --keep-days N}: jobs that ended more than N days ago are deleted with their folders (results and
 * input files), at the start and then every hour, so that a lab server running for months does not fill its disk.
 * With N = 0 (the default) nothing is deleted but what users delete ({@code DELETE /api/jobs/{id}}). Queued and
 * running jobs are never deleted.
 */
@Component(service = Retention.class, configurationPid = LabStore.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
public final class Retention {
    /** How often the old jobs are looked for. */
    static final Duration EVERY = Duration.ofHours(1);

    /** The configuration read here. */
    public @interface Config {
        /** @return days an ended job is kept, or 0 to keep every job */
        int keep_days() default 0;
    }

    private final ScheduledExecutorService timer;

    /** Starts deleting the jobs older than the configured days, if any are configured. */
    @Activate
    public Retention(@Reference JobQueue queue, Config config) {
        int days = config.keep_days();
        if (days <= 0) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "calsim-lab-retention");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                int n = queue.deleteEndedBefore(Instant.now().minus(Duration.ofDays(days)));
                if (n > 0) {
                    System.out.println("calsim: deleted " + n + " job(s) that ended more than " + days + " days ago");
                }
            } catch (SQLException | RuntimeException e) {
                System.err.println("calsim: old jobs could not be deleted (tried again in an hour): " + e);
            }
        }, 0, EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
