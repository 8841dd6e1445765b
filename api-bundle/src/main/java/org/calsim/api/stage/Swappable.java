package org.calsim.api.stage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A handle to a replaceable service (contact law, coupler, material model) that a stage reads once per
 * step. When a higher-ranked implementation appears or the current one goes away, the next
 * {@link #acquire(long)} returns the new one and the runtime records the swap (implementation, bundle,
 * version, step) in the job's provenance.
 *
 * @param <S> service type
 */
@ProviderType
public interface Swappable<S> {

    /**
     * @param step the step about to be computed (used for provenance)
     * @return the implementation to use for this whole step
     * @throws StageCancelledException if the job is cancelled while paused waiting for an implementation
     *                                 (the job pauses, with a message, when none is available)
     */
    S acquire(long step);

    /** @return a human-readable identification of the implementation last acquired */
    String describeCurrent();
}
