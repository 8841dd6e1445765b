package org.calsim.server.store;

import java.time.Instant;
import java.util.List;

/**
 * A job as the lab server keeps it.
 *
 * @param id        the server's job number
 * @param name      the job's name (from its file)
 * @param state     {@code queued}, {@code running}, {@code succeeded}, {@code failed} or {@code cancelled}
 * @param source    the job file's text
 * @param overrides {@code path=value} settings applied to it
 * @param submitted when it was submitted
 * @param started   when it last started running, or null
 * @param finished  when it ended, or null
 * @param error     why it failed or was cancelled, or null
 * @param attempts  how often it was started (more than 1 after a restart of the server resumed it)
 */
public record JobRecord(long id, String name, String state, String source, List<String> overrides, Instant submitted,
                        Instant started, Instant finished, String error, int attempts) {
    public JobRecord {
        overrides = List.copyOf(overrides);
    }

    /** @return whether the job has ended (succeeded, failed or cancelled) */
    public boolean ended() {
        return state.equals("succeeded") || state.equals("failed") || state.equals("cancelled");
    }
}
