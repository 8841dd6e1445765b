package org.calsim.api.stage;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A stage's progress over one share of its work, for the monitor of an iterative solver: a solve that fills
 * [{@code start}, {@code start + share}] of the stage's progress reports its own fraction 0–1 through
 * {@link #report}, which checks for cancellation first. A monitor is then one call:
 * <pre>{@code
 * StageProgress flow = StageProgress.of(context).span(0.5, 0.5);        // the second half of the stage
 * solve(..., (fraction, change) -> flow.report(fraction, "flow in the plane: change " + change));
 * StageProgress rate = StageProgress.of(context).part(k, rates.length); // the k-th of equal parts
 * SteadyConduction.solve(..., StageProgress.of(context).span(0.05, 0.4).solve("conduction", 1e-6)::iteration);
 * }</pre>
 * Since 1.6.
 */
public final class StageProgress {

    /** Least time between two progress reports of a {@link Solve}. */
    static final long SOLVE_REPORT_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final StageContext context;
    private final double start;
    private final double share;

    private StageProgress(StageContext context, double start, double share) {
        this.context = context;
        this.start = start;
        this.share = share;
    }

    /** @return the whole of the stage's progress, 0 to 1 */
    public static StageProgress of(StageContext context) {
        return new StageProgress(context, 0, 1);
    }

    /**
     * @param from  where the part starts, as a fraction of this share
     * @param width how much of this share it fills
     * @return the part [{@code from}, {@code from + width}] of this share
     */
    public StageProgress span(double from, double width) {
        return new StageProgress(context, start + share * from, share * width);
    }

    /** @return the {@code index}-th (from 0) of {@code count} equal parts of this share */
    public StageProgress part(int index, int count) {
        return span((double) index / count, 1.0 / count);
    }

    /**
     * Reports {@code fraction} of this share as the stage's progress {@code start + share * fraction}.
     *
     * @param fraction done of this share, 0 to 1
     * @param message  short text, e.g. {@code "flow in the plane: change 3.1e-05"}
     * @throws StageCancelledException if the job was cancelled (nothing is reported then)
     */
    public void report(double fraction, String message) {
        context.checkCancelled();
        context.progress(start + share * fraction, message);
    }

    /**
     * @param label     the solve, for the messages, e.g. {@code "ionic conduction through the plane"}
     * @param tolerance the relative residual at which the solve stops (0 &lt; tolerance &lt; 1)
     * @return the monitor of an iterative solve that fills this share: pass its {@link Solve#iteration} as the
     *         solver's callback
     */
    public Solve solve(String label, double tolerance) {
        return solve(label, tolerance, System::nanoTime);
    }

    /** As {@link #solve(String, double)}, with the clock the reports are spaced by [ns]. */
    Solve solve(String label, double tolerance, LongSupplier nanoClock) {
        return new Solve(label, tolerance, nanoClock);
    }

    /**
     * The monitor of one iterative solve. Every iteration checks for cancellation (a solve can be cancelled between
     * any two iterations); the progress, reported at the first iteration and then at most every 250 ms, is the
     * relative residual's way from 1 down to the tolerance on a logarithmic scale, log r / log tolerance, as a
     * Krylov solve's residual falls about geometrically. Since 1.6.
     */
    public final class Solve {
        private final String label;
        private final double logTolerance;
        private final LongSupplier clock;
        private boolean reported;
        private long reportedAt;

        private Solve(String label, double tolerance, LongSupplier clock) {
            if (!(tolerance > 0 && tolerance < 1)) {
                throw new IllegalArgumentException("tolerance " + tolerance + ": a relative residual between 0 and 1");
            }
            this.label = label;
            this.logTolerance = Math.log(tolerance);
            this.clock = clock;
        }

        /**
         * @param iteration the iterations done
         * @param residual  the relative residual after them (‖r‖/‖b‖)
         * @throws StageCancelledException if the job was cancelled
         */
        public void iteration(long iteration, double residual) {
            context.checkCancelled();
            long now = clock.getAsLong();
            if (reported && now - reportedAt < SOLVE_REPORT_NANOS) {
                return;
            }
            reported = true;
            reportedAt = now;
            double fraction = residual < 1 ? Math.min(1, Math.log(residual) / logTolerance) : 0;
            context.progress(start + share * fraction, String.format(Locale.ROOT, "%s: iteration %d, residual %.2e",
                    label, iteration, residual));
        }
    }
}
