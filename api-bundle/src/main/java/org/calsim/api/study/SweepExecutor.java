package org.calsim.api.study;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs the points of a sweep. The runtime's executor runs them on the local machine, several at a time; a
 * distributed engine replaces it by registering a {@code SweepExecutor} with a higher {@code service.ranking}.
 *
 * <p>A point that fails does not stop the others: it is reported through {@link PointListener#finished} like any
 * other. Implementations report every point exactly once.
 */
@ConsumerType
public interface SweepExecutor {

    /** @return one line for {@code calsim list}: where the points run, e.g. {@code "local, 2 at a time"} */
    String description();

    /**
     * Runs the points and returns when every point has ended, or when {@code cancelled} turns true (then the points
     * still running are cancelled and reported as cancelled, and the points not started are not reported).
     *
     * @param points      what to run
     * @param concurrency the most points to run at once on one machine (≥ 1)
     * @param listener    told about each point
     * @param cancelled   polled while waiting
     * @throws InterruptedException if the calling thread is interrupted (running points are cancelled)
     */
    void execute(List<SweepPoint> points, int concurrency, PointListener listener, BooleanSupplier cancelled)
            throws InterruptedException;
}
