package org.calsim.support.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one memory policy: 10 % of the heap kept back, at least 256 MiB; the refusal says both numbers. */
class HeapBudgetTest {
    static final long GIB = 1L << 30;

    @Test
    void tenPercentOfALargeHeapIsKeptBack() {
        HeapBudget b = new HeapBudget(8 * GIB);
        assertEquals(8 * GIB - 8 * GIB / 100 * 10, b.bytes());
        assertTrue(b.fits(b.bytes()));
        assertFalse(b.fits(b.bytes() + 1));
        String why = b.explain(9 * GIB);
        assertTrue(why.contains("needs 9.00 GiB") && why.contains("allows 7.20 GiB") && why.contains("8.00 GiB")
                && why.contains("less 10 %"), why);
    }

    @Test
    void aSmallHeapKeepsAtLeast256MiB() {
        HeapBudget b = new HeapBudget(1 * GIB);
        assertEquals(GIB - (256L << 20), b.bytes());
        assertTrue(b.explain(GIB).contains("less 25 %"), b.explain(GIB));
        assertEquals(0, new HeapBudget(100L << 20).bytes(), "a reserve larger than the heap leaves nothing");
        assertThrows(IllegalArgumentException.class, () -> new HeapBudget(0));
    }

    @Test
    void thisJvmsBudgetIsBelowItsMaximumHeap() {
        HeapBudget b = HeapBudget.ofThisJvm();
        assertEquals(Runtime.getRuntime().maxMemory(), b.maxHeap());
        assertTrue(b.bytes() < b.maxHeap());
    }
}
