package org.calsim.dem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Shares follow the workers' speeds, damped, never below a floor, and stay put without data. */
class WorkSharesTest {

    @Test
    void aSlowerWorkerGetsASmallerShareHalfWayPerRebalance() {
        WorkShares s = new WorkShares(2);
        assertEquals(0.5, s.before(1), 0);
        s.rebalance();
        assertEquals(0.5, s.before(1), 0, "no times recorded: no change");
        // worker 1 needs twice as long for the same share: the shares that equalise the times are 2/3 and 1/3
        s.record(0, 1_000_000);
        s.record(1, 2_000_000);
        s.rebalance();
        assertEquals(0.5 * 0.5 + 0.5 * 2.0 / 3.0, s.before(1), 1e-12, "half-way to 2/3");
        // the times are forgotten: equal times now keep the shares; times in proportion to the shares (equal speeds)
        // move them half-way to equal shares
        double share0 = s.before(1);
        s.record(0, 1_000_000);
        s.record(1, 1_000_000);
        s.rebalance();
        assertEquals(share0, s.before(1), 1e-12, "equal times keep the shares");
        s.record(0, (long) (share0 * 1e9));
        s.record(1, (long) ((1 - share0) * 1e9));
        s.rebalance();
        assertEquals(0.5 * share0 + 0.25, s.before(1), 1e-9, "equal speeds: half-way to equal shares");
    }

    @Test
    void aWorkerKeepsAFloorShareHoweverSlow() {
        WorkShares s = new WorkShares(4);
        for (int r = 0; r < 40; r++) {
            s.record(0, 1);
            s.record(1, 1_000_000_000);
            s.record(2, 1_000_000_000);
            s.record(3, 1_000_000_000);
            s.rebalance();
        }
        double share1 = s.before(2) - s.before(1);
        assertEquals(0.2 / 4, share1, 1e-12, "floor share");
        assertEquals(1.0, s.before(4), 1e-12, "the shares add up to one");
    }
}
