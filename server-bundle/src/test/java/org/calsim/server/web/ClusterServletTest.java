package org.calsim.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.calsim.api.cluster.ClusterMember;
import org.calsim.api.cluster.ClusterPoint;
import org.calsim.api.cluster.ClusterView;
import org.calsim.support.json.Json;
import org.junit.jupiter.api.Test;

/** The JSON of {@code GET /api/cluster}, with a cluster and without one. */
class ClusterServletTest {

    @Test
    void withoutAClusterSaysSo() throws Exception {
        JsonNode n = Json.reader().readTree(Json.compact().writeValueAsString(ClusterServlet.json(null)));
        assertEquals(List.of("cluster", "members", "points", "note"), fieldNames(n));
        assertTrue(n.get("cluster").isNull());
        assertTrue(n.get("members").isArray() && n.get("members").isEmpty());
        assertTrue(n.get("points").isArray() && n.get("points").isEmpty());
        assertEquals("this server is not a member of a cluster; sweeps run where they are started",
                n.get("note").asText());
    }

    @Test
    void membersListTheirRunningPoints() throws Exception {
        ClusterView view = new ClusterView("lab",
                List.of(new ClusterMember("m1", "10.0.0.1:5701", "server", true, 2),
                        new ClusterMember("m2", "10.0.0.2:5701", "server", false, 4),
                        new ClusterMember("s1", "10.0.0.3:5701", "submitter", false, 0)),
                List.of(new ClusterPoint("porosity-a1b2", "p0000", "finished", "m2", 1, null, 1.0),
                        new ClusterPoint("porosity-a1b2", "p0001", "running", "m1", 1, "dem.calender", 0.25),
                        new ClusterPoint("porosity-a1b2", "p0002", "running", "m2", 2, "fem.p2d", 0.75),
                        new ClusterPoint("porosity-a1b2", "p0003", "queued", null, 0, null, 0.0),
                        new ClusterPoint("load-c3d4", "p0000", "running", "m1", 1, "empirical.porosity", 0.5),
                        new ClusterPoint("load-c3d4", "p0001", "queued", null, 0, null, 0.0)));
        JsonNode n = Json.reader().readTree(Json.compact().writeValueAsString(ClusterServlet.json(() -> view)));

        assertEquals(List.of("cluster", "members", "queued", "points"), fieldNames(n));
        assertEquals("lab", n.get("cluster").asText());
        assertEquals(2, n.get("queued").asInt());

        JsonNode members = n.get("members");
        assertEquals(3, members.size());
        JsonNode m1 = members.get(0);
        assertEquals(List.of("id", "address", "role", "local", "workers", "running"), fieldNames(m1));
        assertEquals("m1", m1.get("id").asText());
        assertEquals("10.0.0.1:5701", m1.get("address").asText());
        assertEquals("server", m1.get("role").asText());
        assertTrue(m1.get("local").asBoolean());
        assertEquals(2, m1.get("workers").asInt());
        assertEquals(2, m1.get("running").size());
        JsonNode first = m1.get("running").get(0);
        assertEquals(List.of("sweep", "point", "attempt", "stage", "fraction"), fieldNames(first));
        assertEquals("porosity-a1b2", first.get("sweep").asText());
        assertEquals("p0001", first.get("point").asText());
        assertEquals(1, first.get("attempt").asInt());
        assertEquals("dem.calender", first.get("stage").asText());
        assertEquals(0.25, first.get("fraction").asDouble());
        assertEquals("load-c3d4/p0000", m1.get("running").get(1).get("sweep").asText() + "/"
                + m1.get("running").get(1).get("point").asText());

        JsonNode m2 = members.get(1);
        assertEquals(false, m2.get("local").asBoolean());
        assertEquals(1, m2.get("running").size(), "a finished point is not running");
        assertEquals("p0002", m2.get("running").get(0).get("point").asText());
        assertEquals(2, m2.get("running").get(0).get("attempt").asInt());

        JsonNode submitter = members.get(2);
        assertEquals("submitter", submitter.get("role").asText());
        assertEquals(0, submitter.get("workers").asInt());
        assertTrue(submitter.get("running").isEmpty());

        JsonNode points = n.get("points");
        assertEquals(6, points.size());
        JsonNode queued = points.get(3);
        assertEquals(List.of("sweep", "point", "state", "member", "attempt", "stage", "fraction"), fieldNames(queued));
        assertEquals("queued", queued.get("state").asText());
        assertTrue(queued.get("member").isNull());
        assertTrue(queued.get("stage").isNull());
        assertEquals("finished", points.get(0).get("state").asText());
        assertEquals("m2", points.get(0).get("member").asText());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
