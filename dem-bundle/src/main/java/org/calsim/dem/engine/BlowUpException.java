package org.calsim.dem.engine;

/**
 * The simulation became unphysical: a NaN, an overlap beyond the allowed fraction of a radius, or kinetic
 * energy beyond the work put in. The message names the step, the particle(s) and the likely cause.
 */
public final class BlowUpException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long step;
    private final int particle;

    BlowUpException(long step, int particle, String message) {
        super(message);
        this.step = step;
        this.particle = particle;
    }

    /** @return the step at which it was detected */
    public long step() {
        return step;
    }

    /** @return the index of the particle concerned */
    public int particle() {
        return particle;
    }
}
