package org.calsim.runtime.run;

/** What a running stage's helpers may tell the job: cancelled? paused, resumed. */
interface JobControl {

    /** @return whether the job was cancelled */
    boolean isCancelled();

    /** The job waits for a service; {@code why} is shown to the user. */
    void paused(String why);

    /** The job goes on after a pause. */
    void resumed();
}
