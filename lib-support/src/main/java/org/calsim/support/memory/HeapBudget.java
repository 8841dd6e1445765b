package org.calsim.support.memory;

import java.util.Locale;

/**
 * The heap a stage may plan with: the JVM's maximum heap ({@link Runtime#maxMemory}) less a reserve of
 * {@value #RESERVE_PERCENT} % of it, at least {@value #RESERVE_MIN_MIB} MiB, kept for the garbage collector and the rest
 * of the job. A stage compares the bytes its largest arrays need with {@link #bytes()} before any work and refuses
 * the input with {@link #explain} otherwise: one policy for images read, solves and series alike.
 */
public final class HeapBudget {
    /** Part of the maximum heap kept back [%]. */
    public static final int RESERVE_PERCENT = 10;
    /** Least heap kept back [MiB]. */
    public static final long RESERVE_MIN_MIB = 256;
    private static final double GIB = 1L << 30;

    private final long maxHeap;

    /** @param maxHeap the maximum heap to plan with [bytes], &gt; 0 */
    public HeapBudget(long maxHeap) {
        if (maxHeap <= 0) {
            throw new IllegalArgumentException("a maximum heap must be > 0 bytes, was " + maxHeap);
        }
        this.maxHeap = maxHeap;
    }

    /** @return the budget of this JVM */
    public static HeapBudget ofThisJvm() {
        return new HeapBudget(Runtime.getRuntime().maxMemory());
    }

    /** @return the maximum heap [bytes] */
    public long maxHeap() {
        return maxHeap;
    }

    /** @return the bytes a stage may plan with: the maximum heap less the reserve (0 if the reserve is all of it) */
    public long bytes() {
        return Math.max(0, maxHeap - reserve());
    }

    /** @return whether {@code needed} bytes fit */
    public boolean fits(long needed) {
        return needed <= bytes();
    }

    /**
     * @param needed bytes the work needs
     * @return the sentence a refusal gives: what is needed, what the heap allows and why, and what to do
     */
    public String explain(long needed) {
        return String.format(Locale.ROOT, "this one needs %.2f GiB, the heap allows %.2f GiB (maximum heap %.2f GiB "
                + "less %.0f %% kept for the collector and the rest of the job); give Java more heap "
                + "(CALSIM_JAVA_OPTS=-Xmx16g ./calsim ...)", needed / GIB, bytes() / GIB, maxHeap / GIB,
                100.0 * reserve() / maxHeap);
    }

    private long reserve() {
        return Math.max(RESERVE_MIN_MIB << 20, maxHeap / 100 * RESERVE_PERCENT);
    }
}
