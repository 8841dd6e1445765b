package org.calsim.dem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Shares follow the workers' speeds by their median pass, damped, never below a floor, and stay put without data; a
 * rare long pass does not move them.
 */
class WorkSharesTest {

    @Test
    void aSlowerWorkerGetsASmallerShareHalfWayPerRebalance() {
        WorkShares s = new WorkShares(2, 50);
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
    void aRareLongPassDoesNotMoveWorkOffItsWorker() {
        WorkShares s = new WorkShares(2, 50);
        for (int pass = 0; pass < 50; pass++) {
            // equal typical passes; worker 0 had three passes 50 times as long (the sum would halve its share)
            s.record(0, pass % 16 == 0 ? 35_000_000 : 700_000);
            s.record(1, 700_000);
        }
        s.record(0, 1_000_000_000); // beyond the passes a rebalance looks at: not recorded
        s.rebalance();
        assertEquals(0.5, s.before(1), 0, "equal medians keep equal shares");
        // the median follows the typical pass: worker 1 typically 20 % slower, with rare fast passes
        for (int pass = 0; pass < 49; pass++) {
            s.record(0, 700_000);
            s.record(1, pass % 10 == 0 ? 100_000 : 840_000);
        }
        s.rebalance();
        assertEquals(0.5 * 0.5 + 0.5 * 840.0 / 1540.0, s.before(1), 1e-12, "half-way to the shares of the medians");
    }

    @Test
    void aWorkerKeepsAFloorShareHoweverSlow() {
        WorkShares s = new WorkShares(4, 50);
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
