package org.calsim.api.stage;

/**
 * A stage's progress over one share of its work, for the monitor of an iterative solver: a solve that fills
 * [{@code start}, {@code start + share}] of the stage's progress reports its own fraction 0–1 through
 * {@link #report}, which checks for cancellation first. A monitor is then one call:
 * <pre>{@code
 * StageProgress flow = StageProgress.of(context).span(0.5, 0.5);        // the second half of the stage
 * solve(..., (fraction, change) -> flow.report(fraction, "flow in the plane: change " + change));
 * StageProgress rate = StageProgress.of(context).part(k, rates.length); // the k-th of equal parts
 * }</pre>
 * Since 1.6.
 */
public final class StageProgress {

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
}
