package org.calsim.cluster.points;

import com.hazelcast.cluster.Member;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.calsim.api.job.JobOutcome;
import org.calsim.api.job.JobProgress;
import org.calsim.api.job.JobService;
import org.calsim.api.job.JobState;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.study.PointListener;
import org.calsim.api.study.SweepExecutor;
import org.calsim.api.study.SweepPoint;
import org.calsim.cluster.member.HazelcastMember;
import org.calsim.cluster.member.Sha256;
import org.calsim.support.json.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs the points of a sweep on the servers of the cluster. Registered with ranking {@value #RANKING}, above the
 * local executor, while this container is a member.
 *
 * <p>The points are published on the {@link PointBoard}; every server takes them as its workers free up. This
 * executor watches their entries every {@value #POLL_MILLIS} ms: it reports progress, and when a point has finished
 * it writes the point's files into the point's folder here (with {@code cluster.json}: which member ran it and where
 * the files too large to travel are), reports the point and removes its entry — each point is reported once, whatever
 * happens to the members. A running point whose member has left the cluster, or whose beat has not changed for
 * {@value #LEASE_MILLIS} ms (a hung member), is queued again; the old claim's result, should it still come, is
 * refused by the board.
 *
 * <p>Points are keyed by the sweep folder and point id, so running the same sweep again picks up points that the
 * cluster finished while nobody collected them (the submitter was stopped), rather than running them twice.
 */
@Component(property = {"calsim.name=cluster", "service.ranking:Integer=" + ClusterSweepExecutor.RANKING})
public final class ClusterSweepExecutor implements SweepExecutor {
    /** Service ranking: above the local executor's 0. */
    static final int RANKING = 10;
    /** Milliseconds between looks at the sweep's entries. */
    static final long POLL_MILLIS = 250;
    /** Milliseconds a running point may go without a beat before it is given to another member. */
    static final long LEASE_MILLIS = 30_000;
    /** Milliseconds after which a point still queued is offered again (its key may have been lost with a member). */
    static final long REOFFER_MILLIS = 20_000;

    private final HazelcastMember member;
    private final JobService jobs;
    private final PointBoard board;

    @Activate
    public ClusterSweepExecutor(@Reference HazelcastMember member, @Reference JobService jobs) {
        this.member = member;
        this.jobs = jobs;
        this.board = new PointBoard(member.hazelcast());
    }

    @Override
    public String description() {
        return "the servers of the cluster " + member.settings().name() + " (" + servers().size()
                + " now, through Hazelcast)";
    }

    @Override
    public void execute(List<SweepPoint> points, int concurrency, PointListener listener, BooleanSupplier cancelled)
            throws InterruptedException {
        if (points.isEmpty()) {
            return;
        }
        if (servers().isEmpty()) {
            throw new InvalidInputException("--cluster", member.settings().name(),
                    "a cluster with at least one calsim server (calsim serve --cluster " + member.settings().name()
                            + "); none of its members runs points");
        }
        String sweep = sweepKey(points.get(0));
        Map<String, Watch> watches = new LinkedHashMap<>();
        for (SweepPoint p : points) { // every point checked and packed before any is published
            Watch w = new Watch(p, entry(sweep, p));
            watches.put(PointBoard.key(sweep, p.id()), w);
        }
        for (Watch w : watches.values()) {
            PointEntry stored = board.get(w.key());
            if (stored == null || !stored.digest().equals(w.published.digest())) {
                board.publish(w.published);
            }
        }
        boolean interrupted = false;
        while (!watches.isEmpty()) {
            if (interrupted || cancelled.getAsBoolean()) {
                cancel(watches, listener);
                break;
            }
            look(watches, listener);
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            throw new InterruptedException("the sweep was interrupted; the points that ended are reported");
        }
    }

    /** What this executor knows of one published point. */
    private static final class Watch {
        final SweepPoint point;
        final PointEntry published;
        long lastBeat = -1;
        int lastAttempt = -1;
        long seenAt = System.nanoTime();
        String lastProgress = "";

        Watch(SweepPoint point, PointEntry published) {
            this.point = point;
            this.published = published;
        }

        String key() {
            return PointBoard.key(published.sweep(), published.point());
        }
    }

    private void look(Map<String, Watch> watches, PointListener listener) {
        Set<String> alive = member.hazelcast().getCluster().getMembers().stream()
                .map(m -> m.getUuid().toString()).collect(Collectors.toSet());
        Map<String, PointEntry> entries = board.getAll(new HashSet<>(watches.keySet()));
        long now = System.nanoTime();
        for (Watch w : List.copyOf(watches.values())) {
            PointEntry e = entries.get(w.key());
            if (e == null) { // lost with members that died together, or removed by hand: publish it again
                board.publish(w.published);
                w.seenAt = now;
                continue;
            }
            switch (e.state()) {
                case PointEntry.FINISHED -> {
                    listener.finished(w.point.id(), collect(w, e));
                    board.remove(w.key());
                    watches.remove(w.key());
                }
                case PointEntry.RUNNING -> {
                    if (e.beat() != w.lastBeat || e.attempt() != w.lastAttempt) {
                        w.lastBeat = e.beat();
                        w.lastAttempt = e.attempt();
                        w.seenAt = now;
                        report(w, e, listener);
                    }
                    boolean gone = !alive.contains(e.member());
                    if (gone || now - w.seenAt > LEASE_MILLIS * 1_000_000L) {
                        requeue(w, e);
                        w.seenAt = now;
                    }
                }
                default -> {
                    if (now - w.seenAt > REOFFER_MILLIS * 1_000_000L) {
                        board.offer(w.key());
                        w.seenAt = now;
                    }
                }
            }
        }
    }

    private void requeue(Watch w, PointEntry e) {
        if (board.update(w.key(), now -> now.heldBy(e.member(), e.attempt()), PointEntry::requeued) != null) {
            board.offer(w.key());
        }
    }

    private static void report(Watch w, PointEntry e, PointListener listener) {
        if (e.stage() == null) {
            return;
        }
        String line = e.stage() + "@" + e.stageIndex() + ":" + e.fraction();
        if (!line.equals(w.lastProgress)) {
            w.lastProgress = line;
            listener.progress(w.point.id(), new JobProgress(w.point.id(), e.stageIndex(), e.stageCount(), e.stage(),
                    e.fraction(), "on " + e.host(), JobState.RUNNING));
        }
    }

    /** Writes a finished point's files here and says how it ended. */
    private static JobOutcome collect(Watch w, PointEntry e) {
        Path folder = w.point.request().outputDir();
        try {
            PointFiles.unpack(e.files(), folder);
            Map<String, Object> where = new LinkedHashMap<>();
            where.put("member", e.member());
            where.put("host", e.host());
            where.put("folder", e.folder());
            where.put("attempt", e.attempt());
            where.put("files_left_on_member", e.leftOnMember());
            Files.writeString(folder.resolve("cluster.json"), Json.pretty().writeValueAsString(where),
                    StandardCharsets.UTF_8);
        } catch (IOException ex) {
            return new JobOutcome(JobState.FAILED, folder, "the point ran on " + e.host() + " (" + e.folder()
                    + ") but its files could not be written here: " + ex);
        }
        return new JobOutcome(JobState.valueOf(e.outcome()), folder, e.error());
    }

    /** Removes the sweep's points from the board; running ones are reported cancelled (their members stop them). */
    private void cancel(Map<String, Watch> watches, PointListener listener) {
        Map<String, PointEntry> entries = board.getAll(new HashSet<>(watches.keySet()));
        for (Watch w : watches.values()) {
            board.remove(w.key());
            PointEntry e = entries.get(w.key());
            if (e != null && e.state().equals(PointEntry.FINISHED)) {
                listener.finished(w.point.id(), collect(w, e));
            } else if (e != null && e.state().equals(PointEntry.RUNNING)) {
                listener.finished(w.point.id(), new JobOutcome(JobState.CANCELLED, w.point.request().outputDir(),
                        "cancelled while running on " + e.host()));
            }
        }
        watches.clear();
    }

    /**
     * @return the point as published: its job, and the files the job reads, which travel with it (a member never
     *         reads this machine's folders)
     * @throws InvalidInputException if the job names a file outside its folder, or its files are too large to travel
     */
    private PointEntry entry(String sweep, SweepPoint p) {
        Path folder = p.request().baseDir().toAbsolutePath().normalize();
        Map<String, String> inputs;
        try {
            inputs = PointFiles.packInputs(folder, jobs.inputFiles(p.request()));
        } catch (IOException e) {
            throw new InvalidInputException("JOB", folder.toString(), "a job folder whose input files can be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        String base = folder.toString();
        String bundles = member.bundles().digest();
        StringBuilder files = new StringBuilder();
        inputs.forEach((path, data) -> files.append(path).append('=').append(Sha256.hex(data)).append('\n'));
        String digest = Sha256.hex(p.request().source() + "\n" + base + "\n" + String.join("\n", p.request().overrides())
                + "\n" + bundles + "\n" + files);
        return PointEntry.queued(sweep, p.id(), digest, p.request().source(), base, p.request().overrides(), inputs,
                bundles);
    }

    /** @return {@code <sweep folder name>-<8 hex digits of this host and the sweep folder>}, safe as a folder name */
    private static String sweepKey(SweepPoint first) {
        Path points = first.request().outputDir().toAbsolutePath().normalize().getParent();
        Path sweepFolder = points.getParent() == null ? points : points.getParent();
        String name = sweepFolder.getFileName() == null ? "sweep" : sweepFolder.getFileName().toString();
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return name.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + Sha256.hex(host + ":" + points).substring(0, 8);
    }

    private List<Member> servers() {
        return member.hazelcast().getCluster().getMembers().stream().filter(m -> !m.isLiteMember()).toList();
    }
}
