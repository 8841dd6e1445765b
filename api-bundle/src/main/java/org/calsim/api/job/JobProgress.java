package org.calsim.api.job;

/**
 * A progress event of a running job.
 *
 * @param job        job name
 * @param stageIndex index of the running stage, 0-based
 * @param stageCount number of stages
 * @param stage      name of the running stage
 * @param fraction   fraction of the stage done, 0 to 1
 * @param message    the stage's message
 * @param state      job state
 */
public record JobProgress(String job, int stageIndex, int stageCount, String stage, double fraction, String message,
                          JobState state) {

    /** @return fraction of the whole job done, counting stages as equal parts, 0 to 1 */
    public double overall() {
        return stageCount == 0 ? 1 : (stageIndex + Math.max(0, Math.min(1, fraction))) / stageCount;
    }
}
