package org.calsim.cluster.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.calsim.cluster.member.HazelcastMember;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The claim protocol on a real (single, loopback) Hazelcast member: one claim wins, a stale claim cannot finish. */
class PointBoardTest {
    private static final String DIGEST = "0123456789abcdef".repeat(4);
    private static final String BUNDLES = "0123456789abcdef";
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
        c.getSerializationConfig().setJavaSerializationFilterConfig(HazelcastMember.serializationFilter());
        hazelcast = Hazelcast.newHazelcastInstance(c);
        board = new PointBoard(hazelcast);
    }

    @AfterAll
    static void stop() {
        hazelcast.shutdown();
    }

    private static PointEntry point(String sweep, String id) {
        return PointEntry.queued(sweep, id, DIGEST, "name: job", "/base", List.of("a.b=1"),
                Map.of("data/fit.csv", "YSxiCg=="), BUNDLES);
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

    /**
     * Entries written by a broken or hostile member: each field out of what this code writes is refused, and the
     * entry reads as a failed point naming the field, which no member claims.
     */
    @Test
    void anEntryWithAFieldNotAllowedIsRefusedNamingTheField() {
        PointEntry good = point("hostile", "p1").claimed("M-1", "host", "/r/p1/attempt-1");
        String json = good.toJson();
        String[][] forged = {
            {"\"state\":\"running\"", "\"state\":\"exploded\"", "state"},
            {"\"attempt\":1", "\"attempt\":-3", "attempt"},
            {"\"fraction\":0.0", "\"fraction\":7.5", "fraction"},
            {"\"outcome\":null", "\"outcome\":\"SUCCEEDED\"", "outcome"},
            {"\"point\":\"p1\"", "\"point\":\"p2\"", "sweep/point"},
            {"\"digest\":\"" + DIGEST + "\"", "\"digest\":\"x\"", "digest"},
            {"\"member\":\"M-1\"", "\"member\":null", "member"},
            {"\"data/fit.csv\"", "\"../../.ssh/authorized_keys\"", "inputs"},
            {"\"data/fit.csv\"", "\"/etc/cron.d/x\"", "inputs"},
            {"\"YSxiCg==\"", "\"" + "A".repeat((int) (PointFiles.MAX_FILE / 3 * 4 + 8)) + "\"", "inputs[data/fit.csv]"},
            {"\"leftOnMember\":[]", "\"leftOnMember\":[\"a/../../b\"]", "leftOnMember"},
            {"\"stageCount\":0", "\"stageCount\":-1", "stageIndex/stageCount"},
        };
        String key = PointBoard.key("hostile", "p1");
        for (String[] f : forged) {
            assertTrue(json.contains(f[0]), f[0] + " not in " + json);
            hazelcast.<String, String>getMap(PointBoard.MAP).set(key, json.replace(f[0], f[1]));
            PointEntry read = board.get(key);
            assertEquals(PointEntry.FINISHED, read.state(), f[2]);
            assertEquals("FAILED", read.outcome(), f[2]);
            assertTrue(read.error().contains("cluster point entry: " + f[2]), f[2] + ": " + read.error());
            assertTrue(read.error().length() < 1000, read.error());
            assertNull(board.update(key, e -> e.state().equals(PointEntry.QUEUED), e -> e.claimed("X", "h", "/x")),
                    "a refused entry is never claimed");
        }
        hazelcast.<String, String>getMap(PointBoard.MAP).set(key, "{not json");
        assertTrue(board.get(key).error().contains("not a point entry"), board.get(key).error());
        hazelcast.<String, String>getMap(PointBoard.MAP).set(key, json);
        assertEquals(good, board.get(key), "the unchanged entry is read as written");
    }

    /** A serializable class that is not on the cluster's allow-list. */
    static final class Gadget implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Java serialization between members takes only the allow-list: no other member makes this one build a gadget. */
    @Test
    void javaSerializationIsLimitedToTheAllowList() {
        Map<String, Object> map = hazelcast.getMap("calsim.test-serialization");
        map.put("allowed", new ArrayList<>(List.of("a", 1)));
        assertEquals(List.of("a", 1), map.get("allowed"));
        // what members send each other when an operation fails: an exception with its StackTraceElement[]
        map.put("exception", new IllegalStateException("from another member"));
        assertEquals("from another member", ((IllegalStateException) map.get("exception")).getMessage());
        assertTrue(((IllegalStateException) map.get("exception")).getStackTrace().length > 0);
        map.put("gadget", new Gadget());
        RuntimeException e = assertThrows(RuntimeException.class, () -> map.get("gadget"));
        assertTrue(String.valueOf(e).contains("Gadget") || String.valueOf(e.getCause()).contains("Gadget"),
                e.toString());
    }
}
