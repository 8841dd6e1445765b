package org.calsim.cluster.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The claim protocol on a real (single, loopback) Hazelcast member: one claim wins, a stale claim cannot finish. */
class PointBoardTest {
    private static HazelcastInstance hazelcast;
    private static PointBoard board;

    @BeforeAll
    static void start() {
        Config c = new Config();
        c.setClusterName("calsim-test-" + UUID.randomUUID());
        c.setProperty("hazelcast.logging.type", "none");
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.socket.bind.any", "false");
        c.getNetworkConfig().setPort(16701).setPortCount(50);
        c.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        c.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        c.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        c.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(false);
        hazelcast = Hazelcast.newHazelcastInstance(c);
        board = new PointBoard(hazelcast);
    }

    @AfterAll
    static void stop() {
        hazelcast.shutdown();
    }

    private static PointEntry point(String sweep, String id) {
        return PointEntry.queued(sweep, id, "digest", "name: job", "/base", List.of("a.b=1"), "bundles");
    }

    @Test
    void ofManyMembersRacingForAPointOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int p = 0; p < 40; p++) {
                String key = PointBoard.key("race", "p" + p);
                board.publish(point("race", "p" + p));
                List<Callable<PointEntry>> claims = new ArrayList<>();
                for (int m = 0; m < 4; m++) {
                    String member = "member-" + m;
                    claims.add(() -> board.update(key, e -> e.state().equals(PointEntry.QUEUED),
                            e -> e.claimed(member, "host", "/f")));
                }
                int won = 0;
                for (Future<PointEntry> f : pool.invokeAll(claims)) {
                    won += f.get() == null ? 0 : 1;
                }
                assertEquals(1, won, "claims that won point " + p);
                assertEquals(1, board.get(key).attempt());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClaimTakenBackCannotFinishButTheNewOneCan() {
        String key = PointBoard.key("stale", "p0");
        board.publish(point("stale", "p0"));
        PointEntry byA = board.update(key, e -> e.state().equals(PointEntry.QUEUED), e -> e.claimed("A", "h", "/a"));
        assertEquals(List.of(PointEntry.RUNNING, "A", 1, "/a"), List.of(byA.state(), byA.member(), byA.attempt(),
                byA.folder()));
        // A's member left: the publisher puts the point back, and B takes it
        PointEntry back = board.update(key, e -> e.heldBy("A", 1), PointEntry::requeued);
        assertEquals(PointEntry.QUEUED, back.state());
        assertNull(back.member());
        assertEquals(1, back.attempt(), "putting a point back keeps its count of claims");
        PointEntry byB = board.update(key, e -> e.state().equals(PointEntry.QUEUED), e -> e.claimed("B", "h", "/b"));
        assertEquals(List.of(PointEntry.RUNNING, "B", 2), List.of(byB.state(), byB.member(), byB.attempt()));
        assertEquals(byB, board.get(key), "the board holds B's claim");

        assertNull(board.update(key, e -> e.heldBy("A", 1), e -> e.finished("SUCCEEDED", null, Map.of(), List.of())),
                "A's late result is refused");
        PointEntry finished = board.update(key, e -> e.heldBy("B", 2), e -> e.finished("SUCCEEDED", null,
                Map.of("summary.json", "e30="), List.of()));
        assertEquals("SUCCEEDED", finished.outcome());
        PointEntry done = board.get(key);
        assertEquals(PointEntry.FINISHED, done.state());
        assertEquals("B", done.member());
        assertEquals(2, done.attempt());
        assertEquals(Map.of("summary.json", "e30="), done.files());
    }

    @Test
    void anEntryTravelsAsJsonUnchanged() {
        PointEntry e = point("json", "p7").claimed("M", "host", "/r/p7").beating("empirical.porosity", 1, 4, 0.5);
        assertEquals(e, PointEntry.fromJson(e.toJson()));
    }
}
