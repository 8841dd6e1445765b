package org.calsim.ml.optimisation;

/** Whether an objective is to be made small or large. */
public enum Goal {
    /** Smaller is better. */
    MINIMISE(1),
    /** Larger is better. */
    MAXIMISE(-1);

    private final double sign;

    Goal(double sign) {
        this.sign = sign;
    }

    /** @return the value turned into one to be minimised: v for {@link #MINIMISE}, −v for {@link #MAXIMISE} */
    public double minimised(double value) {
        return sign * value;
    }
}
