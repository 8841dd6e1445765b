package org.calsim.cluster.status;

import com.hazelcast.cluster.Member;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.calsim.api.cluster.ClusterMember;
import org.calsim.api.cluster.ClusterPoint;
import org.calsim.api.cluster.ClusterStatus;
import org.calsim.api.cluster.ClusterView;
import org.calsim.cluster.member.HazelcastMember;
import org.calsim.cluster.points.PointBoard;
import org.calsim.cluster.points.PointEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link ClusterStatus} read from the Hazelcast member: its member list and the point board. Reading the board needs
 * every member that holds a part of it; while one does not answer (frozen, or dead but not yet removed, which takes up
 * to {@code 15 s}), the view fails after {@value #READ_SECONDS} s with a message saying so, rather than holding the
 * page that asked.
 */
@Component
public final class ClusterStatusComponent implements ClusterStatus {
    /** Seconds a view waits for the point board. */
    static final int READ_SECONDS = 3;
    private final HazelcastMember member;
    private final PointBoard board;
    private final ExecutorService reader = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "calsim-cluster-status");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public ClusterStatusComponent(@Reference HazelcastMember member) {
        this.member = member;
        this.board = new PointBoard(member.hazelcast());
    }

    @Deactivate
    void deactivate() {
        reader.shutdownNow();
    }

    @Override
    public ClusterView view() {
        List<ClusterMember> members = new ArrayList<>();
        for (Member m : member.hazelcast().getCluster().getMembers()) {
            String role = m.getAttribute(HazelcastMember.ROLE);
            String workers = m.getAttribute(HazelcastMember.WORKERS);
            members.add(new ClusterMember(m.getUuid().toString(), m.getAddress().getHost() + ":"
                    + m.getAddress().getPort(), role == null ? "unknown" : role, m.localMember(),
                    workers == null ? 0 : Integer.parseInt(workers)));
        }
        if (members.stream().allMatch(m -> m.workers() == 0)) {
            return new ClusterView(member.settings().name(), members, List.of()); // only submitters: no board yet
        }
        List<PointEntry> entries;
        Future<List<PointEntry>> read = reader.submit(board::all);
        try {
            entries = read.get(READ_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            read.cancel(true);
            throw new IllegalStateException("the points could not be read within " + READ_SECONDS + " s: a member "
                    + "holding some of them does not answer (a member is removed after " + HazelcastMember
                    .NO_HEARTBEAT_SECONDS + " s without a heartbeat)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the points of the cluster");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the points could not be read: " + e.getCause(), e.getCause());
        }
        List<ClusterPoint> points = new ArrayList<>();
        for (PointEntry e : entries) {
            double overall = e.stageCount() == 0 ? 0 : (e.stageIndex() + e.fraction()) / e.stageCount();
            points.add(new ClusterPoint(e.sweep(), e.point(), e.state(), e.member(), e.attempt(), e.stage(),
                    e.state().equals(PointEntry.FINISHED) ? 1 : overall));
        }
        points.sort(Comparator.comparing(ClusterPoint::sweep).thenComparing(ClusterPoint::point));
        return new ClusterView(member.settings().name(), members, points);
    }
}
