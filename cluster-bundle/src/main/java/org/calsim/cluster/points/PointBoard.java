package org.calsim.cluster.points;

import com.hazelcast.collection.IQueue;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The points of every sweep in the cluster: a distributed map from point key ({@code sweep/point}) to the point's
 * {@link PointEntry} as JSON, and a distributed queue of the keys of points waiting for a member. Both keep one
 * backup on another member, so a member that dies loses no point.
 *
 * <p>The queue is only a hint: a key may be in it twice or (after a loss) not at all. The map decides: a member takes a
 * point only by changing its entry from {@code queued} to {@code running} with a compare-and-set, so one claim wins.
 *
 * <p>Every entry read is checked field by field ({@link PointEntryCheck}): one that is not allowed reads as a finished,
 * failed point saying why, which no member claims and its publisher reports and removes.
 */
public final class PointBoard {
    /** Name of the distributed map of point entries. */
    static final String MAP = "calsim.points";
    /** Name of the distributed queue of keys of queued points. */
    static final String QUEUE = "calsim.point-queue";
    private final IMap<String, String> entries;
    private final IQueue<String> waiting;

    /**
     * Seconds an entry may go unread before the cluster drops it: the points of a sweep whose command was killed and
     * never run again do not stay for ever (a running sweep reads its entries several times a second).
     */
    static final int MAX_IDLE_SECONDS = 7 * 24 * 3600;

    public PointBoard(HazelcastInstance hazelcast) {
        // the same on every member, so adding it again (each component that uses the board does) is allowed
        hazelcast.getConfig().addMapConfig(new MapConfig(MAP).setMaxIdleSeconds(MAX_IDLE_SECONDS));
        this.entries = hazelcast.getMap(MAP);
        this.waiting = hazelcast.getQueue(QUEUE);
    }

    /** @return the key of a point in the map and queue */
    public static String key(String sweep, String point) {
        return sweep + "/" + point;
    }

    /** Stores {@code entry} (replacing what the key held) and, if it is queued, offers its key to the members. */
    public void publish(PointEntry entry) {
        String key = key(entry.sweep(), entry.point());
        entries.set(key, entry.toJson());
        if (entry.state().equals(PointEntry.QUEUED)) {
            offer(key);
        }
    }

    /** Offers a key (again) to the members. */
    public void offer(String key) {
        waiting.offer(key);
    }

    /** @return the next key offered, or {@code null} if none came within {@code millis} */
    public String poll(long millis) throws InterruptedException {
        return waiting.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** @return the entry of {@code key}, or {@code null} */
    public PointEntry get(String key) {
        String json = entries.get(key);
        return json == null ? null : PointEntry.read(key, json);
    }

    /** @return the entries of those {@code keys} the map holds */
    public Map<String, PointEntry> getAll(Set<String> keys) {
        Map<String, PointEntry> found = new HashMap<>();
        entries.getAll(keys).forEach((k, json) -> found.put(k, PointEntry.read(k, json)));
        return found;
    }

    /** @return every entry in the cluster */
    public List<PointEntry> all() {
        List<PointEntry> list = new ArrayList<>();
        entries.forEach((k, json) -> list.add(PointEntry.read(k, json)));
        return list;
    }

    /**
     * Changes the entry of {@code key} if it satisfies {@code when}, atomically: if another member changed it in
     * between, the change is tried again on what that member wrote.
     *
     * @return the entry as changed, or {@code null} if the key holds nothing or an entry {@code when} refuses
     */
    public PointEntry update(String key, Predicate<PointEntry> when, UnaryOperator<PointEntry> change) {
        while (true) {
            String json = entries.get(key);
            if (json == null) {
                return null;
            }
            PointEntry current = PointEntry.read(key, json);
            if (!when.test(current)) {
                return null;
            }
            PointEntry next = change.apply(current);
            if (entries.replace(key, json, next.toJson())) {
                return next;
            }
        }
    }

    /** Removes the entry of {@code key} (its sweep collected it, or the sweep was cancelled). */
    public void remove(String key) {
        entries.delete(key);
    }
}
