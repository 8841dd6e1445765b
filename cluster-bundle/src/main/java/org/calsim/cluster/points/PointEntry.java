package org.calsim.cluster.points;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.List;
import java.util.Map;
import org.calsim.support.json.Json;

/**
 * One sweep point as the cluster stores it: what to run, who runs it and, once finished, its result. Stored as JSON
 * text, so that no member ever deserialises a class of another member's bundles, and updated only by compare-and-set
 * on that text ({@link PointBoard#update}), which is what makes a point's result count once.
 *
 * <p>Life: {@code queued} (published) → {@code running} (claimed by a member; {@code attempt} counts the claims) →
 * {@code finished} (the claimant wrote its result) → removed once the publishing sweep has collected it. A running
 * point whose member left or stopped beating is put back to {@code queued} by the publisher.
 *
 * @param sweep      key of the sweep run (name and a digest of the sweep folder), e.g. {@code calendering-sweep-1a2b3c4d}
 * @param point      the point's id within the sweep
 * @param digest     digest of what the point runs (job, overrides, base folder, bundles): a stored entry is reused by a
 *                   later run of the same sweep only if it is equal
 * @param source     the job file's text
 * @param baseDir    the job's folder on the publishing machine, for people reading the entry: a member never reads
 *                   files there (it resolves the job's files against the {@code inputs} shipped with the point)
 * @param overrides  the point's field values, {@code path=value}
 * @param inputs     the files the job reads (its file parameters), base64 by path relative to the job's folder
 * @param bundles    {@link org.calsim.cluster.member.BundleSet#digest()} of the publisher: only members with the same
 *                   bundles take the point
 * @param state      {@code queued}, {@code running} or {@code finished}
 * @param member     id of the member that claimed it, or {@code null}
 * @param attempt    how many times it was claimed
 * @param beat       incremented by the claimant every few seconds while it runs
 * @param stage      the stage running, or {@code null}
 * @param stageIndex index of that stage in the chain
 * @param stageCount stages in the chain
 * @param fraction   progress of that stage, 0 to 1
 * @param outcome    {@code SUCCEEDED}, {@code FAILED} or {@code CANCELLED} once finished
 * @param error      why it failed, or {@code null}
 * @param host       host of the member that ran it
 * @param folder     the point's folder on that member
 * @param files      the files of that folder small enough to travel, base64 by path relative to it
 * @param leftOnMember the files too large to travel, relative to {@code folder}
 */
public record PointEntry(String sweep, String point, String digest, String source, String baseDir,
                         List<String> overrides, Map<String, String> inputs, String bundles, String state,
                         String member, int attempt, long beat,
                         String stage, int stageIndex, int stageCount, double fraction, String outcome, String error,
                         String host, String folder, Map<String, String> files, List<String> leftOnMember) {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";
    /** Reads entries of members that write fields this version does not know. */
    private static final ObjectReader READER = Json.reader().forType(PointEntry.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** @return a new queued point */
    public static PointEntry queued(String sweep, String point, String digest, String source, String baseDir,
                                    List<String> overrides, Map<String, String> inputs, String bundles) {
        return new PointEntry(sweep, point, digest, source, baseDir, List.copyOf(overrides), Map.copyOf(inputs),
                bundles, QUEUED, null, 0, 0, null, 0, 0, 0, null, null, null, null, Map.of(), List.of());
    }

    /** @return this point claimed by {@code member}, which runs it in {@code folder} on {@code host} */
    public PointEntry claimed(String member, String host, String folder) {
        return new PointEntry(sweep, point, digest, source, baseDir, overrides, inputs, bundles,
                RUNNING, member, attempt + 1, 0, null, 0, 0, 0, null, null, host, folder, Map.of(), List.of());
    }

    /** @return this running point with its claimant's latest progress and one more beat */
    public PointEntry beating(String stage, int stageIndex, int stageCount, double fraction) {
        return new PointEntry(sweep, point, digest, source, baseDir, overrides, inputs, bundles,
                state, member, attempt, beat + 1, stage, stageIndex, stageCount, fraction, null, null, host, folder,
                Map.of(), List.of());
    }

    /** @return this point finished with {@code outcome}, carrying the files that travel */
    public PointEntry finished(String outcome, String error, Map<String, String> files, List<String> leftOnMember) {
        return new PointEntry(sweep, point, digest, source, baseDir, overrides, inputs, bundles,
                FINISHED, member, attempt, beat, stage, stageIndex, stageCount, 1, outcome, error, host, folder, files,
                leftOnMember);
    }

    /** @return this point queued again for another member (the attempt count is kept) */
    public PointEntry requeued() {
        return new PointEntry(sweep, point, digest, source, baseDir, overrides, inputs, bundles,
                QUEUED, null, attempt, 0, null, 0, 0, 0, null, null, null, null, Map.of(), List.of());
    }

    /**
     * @return a finished, failed entry standing for an entry of {@code key} that was refused ({@link PointEntryCheck}):
     *         the publisher reports the point failed with {@code why} and removes it; no member takes it
     */
    static PointEntry refused(String key, String why) {
        int slash = key.indexOf('/');
        return new PointEntry(slash < 0 ? key : key.substring(0, slash), slash < 0 ? "" : key.substring(slash + 1),
                "", "", null, List.of(), Map.of(), "", FINISHED, null, 0, 0, null, 0, 0, 1, "FAILED",
                "the point's entry in the cluster was refused (written by a broken or hostile member?): " + why, null,
                null, Map.of(), List.of());
    }

    /** @return whether {@code member} holds the claim number {@code attempt} of this running point */
    public boolean heldBy(String member, int attempt) {
        return state.equals(RUNNING) && member.equals(this.member) && attempt == this.attempt;
    }

    /** @return the entry as stored */
    public String toJson() {
        try {
            return Json.compact().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a point entry is plain data and always writes", e);
        }
    }

    /** @return the entry read from its stored text, unchecked */
    public static PointEntry fromJson(String json) {
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a point entry of the cluster cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param key  the key the entry is stored under
     * @param json the stored text
     * @return the entry, every field checked ({@link PointEntryCheck}), or a {@link #refused} entry saying why not
     */
    static PointEntry read(String key, String json) {
        try {
            PointEntry e = READER.readValue(json);
            PointEntryCheck.check(key, e);
            return e;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return refused(key, "not a point entry (JSON error at line " + (at == null ? 0 : at.getLineNr())
                    + ", column " + (at == null ? 0 : at.getColumnNr()) + ")");
        } catch (IllegalArgumentException e) {
            return refused(key, e.getMessage());
        }
    }
}
