package org.calsim.server.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.calsim.api.cluster.ClusterMember;
import org.calsim.api.cluster.ClusterPoint;
import org.calsim.api.cluster.ClusterStatus;
import org.calsim.api.cluster.ClusterView;
import org.calsim.server.security.RequestGuard;
import org.calsim.server.store.LabStore;
import org.calsim.support.json.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/cluster}: the cluster this server belongs to, its members with the sweep points each is running,
 * how many points are queued, and all points the cluster holds:
 * <pre>
 * {"cluster": name,
 *  "members": [{"id", "address", "role", "local", "workers",
 *               "running": [{"sweep", "point", "attempt", "stage", "fraction"}]}],
 *  "queued": n,
 *  "points": [{"sweep", "point", "state", "member", "attempt", "stage", "fraction"}]}
 * </pre>
 * The {@link ClusterStatus} comes and goes with the cluster bundle (it is registered only while the container is a
 * member); without it the answer is {@code {"cluster": null, "members": [], "points": [], "note": …}}. If the cluster
 * cannot be read it answers 503. Every request passes the {@link RequestGuard} in the servlet
 * itself ({@link GuardedServlet}), so it follows the same access rules as the other reads, and only while a configuration of {@value LabStore#PID} exists, that is
 * while {@code ./calsim serve} runs.
 */
@Component(service = Servlet.class, configurationPid = LabStore.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@HttpWhiteboardServletPattern("/api/cluster")
public final class ClusterServlet extends GuardedServlet {
    private static final long serialVersionUID = 1L;
    static final String NO_CLUSTER = "this server is not a member of a cluster; sweeps run where they are started";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile ClusterStatus cluster;

    @Activate
    public ClusterServlet(@Reference RequestGuard guard) {
        super(guard);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ObjectNode body;
        try {
            body = json(cluster);
        } catch (RuntimeException e) {
            ApiJson.error(response, 503, "the cluster cannot be read: " + e.getMessage());
            return;
        }
        ApiJson.send(response, 200, body);
    }

    /** @return the answer of {@code GET /api/cluster} for a cluster's status, or for no cluster if it is null */
    static ObjectNode json(ClusterStatus status) {
        ObjectNode n = Json.object();
        if (status == null) {
            n.putNull("cluster");
            n.putArray("members");
            n.putArray("points");
            n.put("note", NO_CLUSTER);
            return n;
        }
        ClusterView view = status.view();
        n.put("cluster", view.name());
        ArrayNode members = n.putArray("members");
        for (ClusterMember m : view.members()) {
            ObjectNode member = members.addObject().put("id", m.id()).put("address", m.address()).put("role", m.role())
                    .put("local", m.local()).put("workers", m.workers());
            ArrayNode running = member.putArray("running");
            for (ClusterPoint p : view.points()) {
                if (p.state().equals("running") && m.id().equals(p.member())) {
                    running.addObject().put("sweep", p.sweep()).put("point", p.point()).put("attempt", p.attempt())
                            .put("stage", p.stage()).put("fraction", p.fraction());
                }
            }
        }
        n.put("queued", view.points().stream().filter(p -> p.state().equals("queued")).count());
        ArrayNode points = n.putArray("points");
        for (ClusterPoint p : view.points()) {
            points.addObject().put("sweep", p.sweep()).put("point", p.point()).put("state", p.state())
                    .put("member", p.member()).put("attempt", p.attempt()).put("stage", p.stage())
                    .put("fraction", p.fraction());
        }
        return n;
    }
}
