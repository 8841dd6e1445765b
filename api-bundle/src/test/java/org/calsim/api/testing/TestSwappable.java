package org.calsim.api.testing;

import java.util.function.LongFunction;
import org.calsim.api.stage.Swappable;

/**
 * A service handle for tests: hands out what a function of the step gives, so a test can swap the
 * implementation at a chosen step. {@link #describeCurrent()} is the {@code toString()} of the last
 * instance handed out.
 */
public final class TestSwappable<S> implements Swappable<S> {

    private final LongFunction<? extends S> byStep;
    private S last;

    private TestSwappable(LongFunction<? extends S> byStep) {
        this.byStep = byStep;
    }

    /** @return a handle that always hands out {@code service} */
    public static <S> TestSwappable<S> of(S service) {
        return new TestSwappable<>(step -> service);
    }

    /** @return a handle that hands out {@code byStep.apply(step)} at each step */
    public static <S> TestSwappable<S> byStep(LongFunction<? extends S> byStep) {
        return new TestSwappable<>(byStep);
    }

    @Override
    public S acquire(long step) {
        last = byStep.apply(step);
        return last;
    }

    @Override
    public String describeCurrent() {
        return String.valueOf(last);
    }
}
