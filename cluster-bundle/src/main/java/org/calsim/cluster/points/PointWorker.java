package org.calsim.cluster.points;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.calsim.api.job.FileAccess;
import org.calsim.api.job.JobOutcome;
import org.calsim.api.job.JobProgress;
import org.calsim.api.job.JobRequest;
import org.calsim.api.job.JobRun;
import org.calsim.api.job.JobService;
import org.calsim.api.job.JobState;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.cluster.member.ClusterSettings;
import org.calsim.cluster.member.HazelcastMember;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Takes points from the {@link PointBoard} and runs them as jobs in this container, {@code workers} at a time, on a
 * server member (a submitter runs none). A point's claim number n runs in {@code <results>/<sweep>/<point>/attempt-n/},
 * against the input files that came with it (written to {@code attempt-n-inputs/}, the job's folder; file parameters
 * may not leave it); when it ends, its files travel back in its entry ({@link PointFiles}).
 *
 * <p>Entries are read checked ({@link PointEntryCheck}): one that is not allowed is never claimed.
 *
 * <p>While a point runs, its entry beats every {@value #BEAT_MILLIS} ms with the job's progress. A beat that finds the
 * entry no longer held by this claim (the publisher gave the point to another member, or cancelled the sweep) cancels
 * the job and drops its result. When the server stops, the points it runs are put back in the queue at once.
 */
@Component(service = PointWorker.class, immediate = true)
public final class PointWorker {
    /** Milliseconds between beats of a running point. */
    static final long BEAT_MILLIS = 2000;
    /** A point's attempt folder: {@code attempt-<n>}, n counting the point's claims from 1. */
    static final String ATTEMPT_PREFIX = "attempt-";
    /** Suffix of the folder next to an attempt's folder that holds the input files the point brought. */
    static final String INPUTS_SUFFIX = "-inputs";
    private static final Logger LOG = Logger.getLogger("org.calsim.cluster");

    private final HazelcastMember member;
    private final JobService jobs;
    private final PointBoard board;
    private final String me;
    private final String host;
    private final Map<String, Claim> running = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    /** A point this member runs: its key, the claim number, the job and its latest progress. */
    private record Claim(String key, int attempt, JobRun run, AtomicReference<JobProgress> progress) {
    }

    @Activate
    public PointWorker(@Reference HazelcastMember member, @Reference JobService jobs) throws IOException {
        this.member = member;
        this.jobs = jobs;
        this.board = new PointBoard(member.hazelcast());
        this.me = member.id();
        this.host = InetAddress.getLocalHost().getHostName();
        ClusterSettings settings = member.settings();
        for (int w = 0; w < settings.workers(); w++) {
            threads.add(start("calsim-cluster-worker-" + w, this::work));
        }
        if (settings.workers() > 0) {
            threads.add(start("calsim-cluster-beat", this::beat));
        }
    }

    private static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void work() {
        String digest = member.bundles().digest();
        while (!stopping) {
            try {
                String key = board.poll(1000);
                if (key == null) {
                    continue;
                }
                PointEntry claimed = board.update(key, e -> e.state().equals(PointEntry.QUEUED)
                        && e.bundles().equals(digest),
                        e -> e.claimed(me, host, folderOf(key, e.attempt() + 1).toString()));
                if (claimed == null) {
                    PointEntry e = board.get(key);
                    if (e != null && e.state().equals(PointEntry.QUEUED)) { // published by other bundles: not ours
                        board.offer(key);
                        Thread.sleep(BEAT_MILLIS);
                    }
                    continue;
                }
                run(key, claimed, folderOf(key, claimed.attempt()));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!stopping) {
                    LOG.log(Level.WARNING, "a cluster worker of this server met an error and goes on", e);
                }
            }
        }
    }

    private void run(String key, PointEntry entry, Path folder) throws InterruptedException {
        JobOutcome outcome;
        try {
            PointFiles.deleteTree(folder); // a folder of this very attempt left by a stopped member: not this result
            Files.createDirectories(folder); // at once, so the member's folder shows what it took
            // the job's files come with the point; the publisher's folder (entry.baseDir) is never read here
            Path inputs = folder.resolveSibling(folder.getFileName() + INPUTS_SUFFIX);
            PointFiles.unpack(entry.inputs(), inputs);
            JobRequest request = new JobRequest(entry.source(), inputs, folder, entry.overrides(),
                    FileAccess.JOB_FOLDER);
            AtomicReference<JobProgress> progress = new AtomicReference<>();
            JobRun run = jobs.submit(request, progress::set);
            running.put(key, new Claim(key, entry.attempt(), run, progress));
            try {
                outcome = run.await();
            } finally {
                running.remove(key);
            }
        } catch (InvalidInputException e) {
            outcome = new JobOutcome(JobState.FAILED, folder, "the job was not run: " + e.getMessage());
        } catch (IOException e) {
            outcome = new JobOutcome(JobState.FAILED, folder, "the member could not prepare the folder " + folder
                    + ": " + e);
        }
        if (stopping) {
            return; // put back in the queue by deactivate()
        }
        PointFiles.Packed packed;
        try {
            packed = PointFiles.pack(folder);
        } catch (IOException e) {
            packed = new PointFiles.Packed(Map.of(), List.of());
            outcome = new JobOutcome(JobState.FAILED, folder, "the point ran but its folder " + folder
                    + " could not be read: " + e);
        }
        JobOutcome o = outcome;
        PointFiles.Packed p = packed;
        board.update(key, e -> e.heldBy(me, entry.attempt()),
                e -> e.finished(o.state().name(), o.error(), p.files(), p.leftBehind()));
    }

    /** Beats every running point; cancels the ones whose claim this member lost. */
    private void beat() {
        while (!stopping) {
            try {
                Thread.sleep(BEAT_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            for (Claim c : running.values()) {
                try {
                    JobProgress p = c.progress().get();
                    PointEntry beaten = board.update(c.key(), e -> e.heldBy(me, c.attempt()), e -> p == null
                            ? e.beating(null, 0, 0, 0)
                            : e.beating(p.stage(), p.stageIndex(), p.stageCount(), p.fraction()));
                    if (beaten == null) {
                        c.run().cancel();
                    }
                } catch (RuntimeException e) {
                    if (!stopping) {
                        LOG.log(Level.WARNING, "a running point could not report to the cluster", e);
                    }
                }
            }
        }
    }

    /**
     * @return {@code <results>/<sweep>/<point>/attempt-<n>}: each claim of a point has its own folder, so a point run
     *         again (here or, on a shared disk, by another member) neither overwrites nor mixes with an earlier
     *         attempt's files
     */
    private Path folderOf(String key, int attempt) {
        Path root = member.settings().resultsDir().toAbsolutePath().normalize();
        Path folder = root.resolve(key.replaceAll("[^A-Za-z0-9._/-]", "_")).resolve(ATTEMPT_PREFIX + attempt)
                .normalize();
        if (!folder.startsWith(root) || folder.getNameCount() < root.getNameCount() + 3) {
            throw new IllegalStateException("the point key " + key + " names a folder outside " + root);
        }
        return folder;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stopping = true;
        for (Claim c : running.values()) {
            c.run().cancel();
            try {
                if (board.update(c.key(), e -> e.heldBy(me, c.attempt()), PointEntry::requeued) != null) {
                    board.offer(c.key());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the point " + c.key() + " could not be handed back; the sweep that published "
                        + "it takes it back when this member has left", e);
            }
        }
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            t.join(10_000);
        }
    }
}
