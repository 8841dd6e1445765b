package org.calsim.cluster.points;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.calsim.api.job.JobState;
import org.calsim.api.stage.InvalidInputException;

/**
 * Checks every field of a {@link PointEntry} read from the cluster before a member or a publisher acts on it: any
 * member holding the cluster token can write any entry, so an entry is untrusted input. States, outcomes, keys,
 * counts and sizes are checked against what this code writes; a refused entry is reported with the field, the value
 * (shortened) and what is allowed.
 */
final class PointEntryCheck {
    /** Sweep keys: {@code <folder name>-<8 hex>}, as {@code ClusterSweepExecutor} makes them. */
    static final Pattern SWEEP = Pattern.compile("(?!\\.{1,2}$)[A-Za-z0-9._-]{1,120}");
    /** Point ids: {@code p0001}, {@code e0003}, … */
    static final Pattern POINT = Pattern.compile("(?!\\.{1,2}$)[A-Za-z0-9._-]{1,64}");
    /** Member ids (Hazelcast UUIDs). */
    static final Pattern MEMBER = Pattern.compile("[A-Za-z0-9-]{1,64}");
    /** One name of a file path that travels: not {@code .} or {@code ..}, no separators or control characters. */
    static final Pattern FILE_NAME = Pattern.compile("(?!\\.{1,2}$)[A-Za-z0-9._+=,@-]{1,255}");
    static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");
    static final Pattern HEX_16 = Pattern.compile("[0-9a-f]{16}");
    static final Set<String> STATES = Set.of(PointEntry.QUEUED, PointEntry.RUNNING, PointEntry.FINISHED);
    static final Set<String> OUTCOMES = Set.of(JobState.SUCCEEDED.name(), JobState.FAILED.name(),
            JobState.CANCELLED.name());
    /** Most claims of one point: far above what the lease allows in a sweep's life. */
    static final int MAX_ATTEMPT = 10_000;
    static final int MAX_SOURCE = 1 << 20;
    static final int MAX_TEXT = 64 << 10;
    static final int MAX_NAME = 4096;
    static final int MAX_OVERRIDES = 10_000;
    static final int MAX_FILES = 10_000;
    static final int MAX_STAGES = 10_000;

    private PointEntryCheck() {
    }

    /**
     * @param key the key the entry was stored under
     * @throws InvalidInputException naming the first field that is not allowed
     */
    static void check(String key, PointEntry e) {
        matches("sweep", e.sweep(), SWEEP, "1 to 120 letters, digits, '.', '_' or '-'");
        matches("point", e.point(), POINT, "1 to 64 letters, digits, '.', '_' or '-'");
        if (!PointBoard.key(e.sweep(), e.point()).equals(key)) {
            throw refused("sweep/point", e.sweep() + "/" + e.point(), "the key the entry is stored under, " + key);
        }
        matches("digest", e.digest(), HEX_64, "64 lower-case hex digits");
        matches("bundles", e.bundles(), HEX_16, "16 lower-case hex digits");
        text("source", e.source(), MAX_SOURCE, true);
        text("baseDir", e.baseDir(), MAX_NAME, false);
        if (e.overrides() == null || e.overrides().size() > MAX_OVERRIDES) {
            throw refused("overrides", e.overrides() == null ? null : e.overrides().size() + " entries",
                    "a list of at most " + MAX_OVERRIDES + " path=value settings");
        }
        for (String o : e.overrides()) {
            text("overrides[]", o, MAX_TEXT, true);
        }
        files("inputs", e.inputs());
        if (e.state() == null || !STATES.contains(e.state())) {
            throw refused("state", e.state(), "one of " + STATES);
        }
        boolean claimed = !e.state().equals(PointEntry.QUEUED);
        if (claimed) {
            matches("member", e.member(), MEMBER, "the id of the member that claimed it");
        } else if (e.member() != null) {
            throw refused("member", e.member(), "no member while the point is queued");
        }
        if (e.attempt() < (claimed ? 1 : 0) || e.attempt() > MAX_ATTEMPT) {
            throw refused("attempt", String.valueOf(e.attempt()), "a count of claims from " + (claimed ? 1 : 0) + " to "
                    + MAX_ATTEMPT);
        }
        if (e.beat() < 0) {
            throw refused("beat", String.valueOf(e.beat()), "a count >= 0");
        }
        text("stage", e.stage(), MAX_NAME, false);
        if (e.stageCount() < 0 || e.stageCount() > MAX_STAGES || e.stageIndex() < 0
                || e.stageIndex() > Math.max(0, e.stageCount() - 1)) {
            throw refused("stageIndex/stageCount", e.stageIndex() + "/" + e.stageCount(),
                    "0 <= stageIndex < stageCount <= " + MAX_STAGES);
        }
        if (!(e.fraction() >= 0 && e.fraction() <= 1)) {
            throw refused("fraction", String.valueOf(e.fraction()), "a number from 0 to 1");
        }
        text("error", e.error(), MAX_TEXT, false);
        text("host", e.host(), 255, false);
        text("folder", e.folder(), MAX_NAME, false);
        boolean finished = e.state().equals(PointEntry.FINISHED);
        if (finished ? e.outcome() == null || !OUTCOMES.contains(e.outcome()) : e.outcome() != null) {
            throw refused("outcome", e.outcome(), finished ? "one of " + OUTCOMES : "none before the point finished");
        }
        files("files", e.files());
        if (!finished && !e.files().isEmpty()) {
            throw refused("files", e.files().size() + " files", "none before the point finished");
        }
        if (e.leftOnMember() == null || e.leftOnMember().size() > MAX_FILES) {
            throw refused("leftOnMember", e.leftOnMember() == null ? null : e.leftOnMember().size() + " entries",
                    "a list of at most " + MAX_FILES + " relative paths");
        }
        for (String p : e.leftOnMember()) {
            path("leftOnMember[]", p);
        }
    }

    /**
     * Paths and sizes of files that travel in an entry (base64 by relative path): at most {@value #MAX_FILES}
     * files, each at most {@link PointFiles#MAX_FILE} bytes, {@link PointFiles#MAX_TOTAL} together.
     */
    private static void files(String field, Map<String, String> files) {
        if (files == null || files.size() > MAX_FILES) {
            throw refused(field, files == null ? null : files.size() + " files", "at most " + MAX_FILES + " files");
        }
        long total = 0;
        for (Map.Entry<String, String> f : files.entrySet()) {
            path(field + " (a file's path)", f.getKey());
            String data = f.getValue();
            long bytes = data == null ? -1 : data.length() / 4L * 3;
            if (data == null || data.length() % 4 != 0 || bytes > PointFiles.MAX_FILE + 2) {
                throw refused(field + "[" + f.getKey() + "]", data == null ? null
                        : data.length() + " base64 characters", "base64 of at most " + PointFiles.MAX_FILE + " bytes");
            }
            total += bytes;
        }
        if (total > PointFiles.MAX_TOTAL + 2L * files.size()) {
            throw refused(field, total + " bytes", "at most " + PointFiles.MAX_TOTAL + " bytes of files together");
        }
    }

    /** A relative path of {@link #FILE_NAME}s joined by {@code /}. */
    static void path(String field, String path) {
        if (path == null || path.length() > MAX_NAME) {
            throw refused(field, path, "a relative path of at most " + MAX_NAME + " characters");
        }
        for (String name : path.split("/", -1)) {
            if (!FILE_NAME.matcher(name).matches()) {
                throw refused(field, path, "a relative path of names of letters, digits and ._+=,@- (no '.', '..', "
                        + "empty names, absolute paths or backslashes)");
            }
        }
    }

    private static void matches(String field, String value, Pattern pattern, String allowed) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw refused(field, value, allowed);
        }
    }

    private static void text(String field, String value, int max, boolean required) {
        if (value == null ? required : value.length() > max) {
            throw refused(field, value == null ? null : value.length() + " characters",
                    (required ? "a text" : "no text or a text") + " of at most " + max + " characters");
        }
    }

    static InvalidInputException refused(String field, Object value, String allowed) {
        String shown = value == null ? null : shorten(value.toString());
        return new InvalidInputException("cluster point entry: " + field, shown, allowed);
    }

    /** @return at most 80 characters of {@code s}, control characters replaced */
    private static String shorten(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 80 ? clean : clean.substring(0, 77) + "...";
    }
}
