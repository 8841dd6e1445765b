package org.calsim.runtime.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.SimulationState;

/** The job's simulation state: entries in the order they were given. Written only by the job's thread. */
final class StateStore implements SimulationState {
    private final Map<Key<?>, Object> entries = new LinkedHashMap<>();

    @Override
    public <T> Optional<T> find(Key<T> key) {
        return Optional.ofNullable(key.cast(entries.get(key)));
    }

    @Override
    public Set<Key<?>> keys() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    /** Adds or replaces an entry (a later stage may refine what an earlier one gave). */
    <T> void put(Key<T> key, T value) {
        entries.put(key, key.cast(value));
    }

    /** Adds every entry of {@code given}. */
    void putAll(Map<Key<?>, Object> given) {
        entries.putAll(given);
    }
}
