package org.calsim.cluster.status;

import com.hazelcast.cluster.Member;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.calsim.api.cluster.ClusterMember;
import org.calsim.api.cluster.ClusterPoint;
import org.calsim.api.cluster.ClusterStatus;
import org.calsim.api.cluster.ClusterView;
import org.calsim.cluster.member.HazelcastMember;
import org.calsim.cluster.points.PointBoard;
import org.calsim.cluster.points.PointEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link ClusterStatus} read from the Hazelcast member: its member list and the point board. */
@Component
public final class ClusterStatusComponent implements ClusterStatus {
    private final HazelcastMember member;
    private final PointBoard board;

    @Activate
    public ClusterStatusComponent(@Reference HazelcastMember member) {
        this.member = member;
        this.board = new PointBoard(member.hazelcast());
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
        List<ClusterPoint> points = new ArrayList<>();
        for (PointEntry e : board.all()) {
            double overall = e.stageCount() == 0 ? 0 : (e.stageIndex() + e.fraction()) / e.stageCount();
            points.add(new ClusterPoint(e.sweep(), e.point(), e.state(), e.member(), e.attempt(), e.stage(),
                    e.state().equals(PointEntry.FINISHED) ? 1 : overall));
        }
        points.sort(Comparator.comparing(ClusterPoint::sweep).thenComparing(ClusterPoint::point));
        return new ClusterView(member.settings().name(), members, points);
    }
}
