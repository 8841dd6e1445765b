package org.calsim.ml.dataset;

/**
 * One point of a sweep.
 *
 * @param id      the point's id, e.g. {@code p0007}
 * @param status  {@code succeeded}, {@code failed} or {@code cancelled}
 * @param inputs  the input values, in the inputs' units
 * @param outputs the outputs, NaN where the job did not produce one
 * @param error   why the point failed; empty when it succeeded
 */
public record DatasetRow(String id, String status, double[] inputs, double[] outputs, String error) {
    /** @return whether the point's job succeeded */
    public boolean succeeded() {
        return "succeeded".equals(status);
    }
}
