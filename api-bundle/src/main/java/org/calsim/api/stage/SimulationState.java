package org.calsim.api.stage;

import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The typed, read-only state a stage sees: the job's inputs and what earlier stages gave.
 *
 * <p>Values are handed over, not copied: large arrays inside values (particle positions, voxel labels)
 * are shared between stages, and a stage never mutates what it received.
 *
 * <p>The runtime provides it; stages and plugins only read it ({@link ProviderType}: methods may be added in a minor
 * version).
 */
@ProviderType
public interface SimulationState {

    /** @return the value under {@code key}, if a job input or an earlier stage gave it */
    <T> Optional<T> find(Key<T> key);

    /**
     * @return the value under {@code key}
     * @throws IllegalStateException if absent: the runtime's chain check makes this a programming error
     */
    default <T> T get(Key<T> key) {
        return find(key).orElseThrow(() -> new IllegalStateException(
                "simulation state has no entry '" + key.name() + "'; the stage did not declare it in needs()"));
    }

    /** @return whether an entry is present under {@code key} */
    default boolean has(Key<?> key) { return find(key).isPresent(); }

    /** @return every key present, in the order the entries were given */
    Set<Key<?>> keys();
}
