package org.calsim.fem.p2d;

import org.calsim.api.electrochem.CellParameters;

/**
 * Runs protocol steps (constant current, constant voltage, rest) on a Doyle–Fuller–Newman cell: variable-step
 * BDF2 (backward Euler for the first step) with an adaptive time step, Newton on every step, and events located
 * by the secant method so that a step ends on its cut-off (voltage, or current for constant voltage) to within
 * {@link #EVENT_TOLERANCE}.
 *
 * <p>Time-step control: the step grows by at most 2× and shrinks so that the watched quantity (the voltage in
 * constant-current and rest steps, the current in constant-voltage steps) changes by about its target per step,
 * never beyond {@code maxStep}; a step whose Newton iteration fails is retried at a quarter of its length.
 */
final class CellSimulator {
    /** Largest mismatch of an event (|V − V_cut| [V], or |I − I_cut|/I_cut) at the end of a step. */
    static final double EVENT_TOLERANCE = 1e-6;
    /** Scaled Newton tolerance. */
    static final double NEWTON_TOLERANCE = 1e-9;
    /** Newton iteration limit per step. */
    static final int NEWTON_ITERATIONS = 25;
    /** Salt concentration, as a fraction of c₀, below which the electrolyte counts as depleted. */
    static final double DEPLETED = 1e-3;
    /**
     * A step shorter than this fraction of the largest step that Newton cannot take, where the electrolyte is
     * depleted, is the voltage collapse at the end of a discharge limited by salt transport: the model's
     * solution stops existing (c_e → 0 where the reaction is) within a fraction of a second, so the step ends
     * there, a few millivolts above the cut-off.
     */
    static final double COLLAPSE = 1e-4;
    /** Second-order (BDF2) time steps; false: backward Euler throughout (system property calsim.p2d.euler). */
    static final boolean SECOND_ORDER = !Boolean.getBoolean("calsim.p2d.euler");
    /** Largest ratio of consecutive steps for a BDF2 step (its zero-stability limit is 1 + √2). */
    static final double BDF2_MAX_RATIO = 2.4;
    /** Time step of the switch to a new setpoint [s]. */
    static final double SWITCH_STEP = 1e-6;

    /** Discretisation and step control. */
    record Settings(int negativeCells, int separatorCells, int positiveCells, int shells, double maxStep,
                    double voltageStep, double currentStep) {
    }

    final CellParameters cell;
    final CellGrid grid;
    final DfnEquations equations;
    private final Newton newton;
    private final Settings settings;
    /** The state now, and at the start of the current time step. */
    final double[] state;
    private final double[] previous;
    private final double[] trial;
    /**
     * Second-order steps: the state one step before {@code previous}, that step's length, and the blended history
     * that turns a BDF2 step into a backward-Euler residual (see {@link #advance}).
     */
    private final double[] older;
    private final double[] blended;
    private double olderStep;
    private boolean history;

    CellSimulator(CellParameters cell, Settings settings, double currentScale) {
        this.cell = cell;
        this.settings = settings;
        this.grid = new CellGrid(cell, settings.negativeCells(), settings.separatorCells(), settings.positiveCells(),
                settings.shells());
        this.equations = new DfnEquations(cell, grid);
        this.newton = new Newton(equations, currentScale);
        this.state = new double[grid.size];
        this.previous = new double[grid.size];
        this.trial = new double[grid.size];
        this.older = new double[grid.size];
        this.blended = new double[grid.size];
    }

    /** Puts the cell at rest at the given stoichiometries (θ of the negative electrode, θ of the positive). */
    void rest(double thetaNegative, double thetaPositive) {
        equations.restState(thetaNegative, thetaPositive, state);
        newton.invalidate();
    }

    /** Puts the cell at rest fully charged (100 % state of charge). */
    void charged() {
        rest(cell.halfCell() ? 0 : cell.negative().stoichiometryCharged(), cell.positive().stoichiometryCharged());
    }

    /** Puts the cell at rest fully discharged (0 % state of charge). */
    void discharged() {
        rest(cell.halfCell() ? 0 : cell.negative().stoichiometryDischarged(),
                cell.positive().stoichiometryDischarged());
    }

    /**
     * Constant current until the voltage reaches {@code cutoff} (falling for discharge, I &gt; 0; rising for
     * charge) or {@code duration} has passed.
     *
     * @return the trace of the step
     */
    Trace constantCurrent(double current, double cutoff, double duration, Cancel cancel)
            throws SimulationException {
        double sign = current >= 0 ? 1 : -1;
        return run(DfnEquations.CURRENT, current, duration, u -> sign * (equations.voltage(u) - cutoff),
                settings.voltageStep(), false, cancel);
    }

    /**
     * @return (min c_e − c_depleted)/c₀: negative once the salt concentration somewhere has fallen below
     *         {@link #DEPLETED}·c₀, where the electrolyte is exhausted (the limit of the penetration-depth picture,
     *         eq 9 of the review)
     */
    double depletionMargin(double[] u) {
        double c0 = cell.electrolyte().initialConcentration();
        double min = Double.POSITIVE_INFINITY;
        for (int c = 0; c < grid.cells; c++) {
            min = Math.min(min, equations.concentration(u, c));
        }
        return (min - DEPLETED * c0) / c0;
    }

    /** Zero current for {@code duration} seconds. */
    Trace rest(double duration, Cancel cancel) throws SimulationException {
        return run(DfnEquations.CURRENT, 0, duration, u -> 1, settings.voltageStep(), false, cancel);
    }

    /** Constant voltage until |I| falls to {@code minCurrent} or {@code duration} has passed. */
    Trace constantVoltage(double voltage, double minCurrent, double duration, Cancel cancel)
            throws SimulationException {
        return run(DfnEquations.VOLTAGE, voltage, duration,
                u -> (Math.abs(u[grid.current]) - minCurrent) / minCurrent, settings.currentStep(), true, cancel);
    }

    /** An event function: the step ends where it crosses zero from above. */
    @FunctionalInterface
    interface Event {
        double value(double[] u);
    }

    /** Cancellation check, called once per step. */
    @FunctionalInterface
    interface Cancel {
        void check() throws SimulationException;
    }

    private Trace run(int mode, double setpoint, double duration, Event event, double target, boolean watchCurrent,
                      Cancel cancel) throws SimulationException {
        Trace trace = new Trace();
        history = false;
        double dt = Math.min(settings.maxStep() * 1e-3, duration);
        double minStep = 1e-10 * Math.max(duration, 1);
        trace.add(0, equations.voltage(state), state[grid.current], 0);
        if (event.value(state) <= 0) {
            return trace; // already at or beyond the cut-off
        }
        double elapsed = switchOn(mode, setpoint, duration);
        double charge = elapsed * state[grid.current];
        trace.add(elapsed, equations.voltage(state), state[grid.current], charge);
        double gOld = event.value(state);
        if (gOld <= 0) {
            return trace; // the load alone takes the cell beyond the cut-off
        }
        while (elapsed < duration) {
            cancel.check();
            dt = Math.min(dt, duration - elapsed);
            System.arraycopy(state, 0, previous, 0, state.length);
            double watchedOld = watchCurrent ? state[grid.current] : equations.voltage(state);
            if (!advance(dt, mode, setpoint)) {
                System.arraycopy(previous, 0, state, 0, state.length);
                if (dt < COLLAPSE * settings.maxStep() && depletionMargin(state) < 0) {
                    trace.depleted(true);
                    return trace;
                }
                dt /= 4;
                newton.invalidate();
                if (dt < minStep) {
                    throw failure(mode, setpoint, elapsed);
                }
                continue;
            }
            double g = event.value(state);
            if (g < 0) {
                dt = locate(dt, mode, setpoint, event, g, gOld);
                charge += 0.5 * (previous[grid.current] + state[grid.current]) * dt;
                elapsed += dt;
                trace.add(elapsed, equations.voltage(state), state[grid.current], charge);
                return trace;
            }
            charge += 0.5 * (previous[grid.current] + state[grid.current]) * dt;
            elapsed += dt;
            trace.add(elapsed, equations.voltage(state), state[grid.current], charge);
            System.arraycopy(previous, 0, older, 0, state.length);
            olderStep = dt;
            history = true;
            gOld = g;
            double watched = watchCurrent ? state[grid.current] : equations.voltage(state);
            double change = Math.abs(watched - watchedOld);
            if (watchCurrent) {
                change /= Math.max(Math.abs(watchedOld), 1e-12);
            }
            double factor = change > 0 ? 0.9 * target / change : 2;
            dt = Math.min(dt * Math.min(2, Math.max(0.3, factor)), settings.maxStep());
        }
        return trace;
    }

    /**
     * Takes the cell to the new setpoint by steps of {@link #SWITCH_STEP} seconds (the concentrations barely
     * move; the potentials and reaction currents jump). When Newton cannot reach the setpoint from the present
     * state it is approached in smaller increments (continuation).
     *
     * @return the time taken [s]
     */
    private double switchOn(int mode, double setpoint, double duration) throws SimulationException {
        double reached = mode == DfnEquations.CURRENT ? state[grid.current] : equations.voltage(state);
        double elapsed = 0;
        double increment = setpoint - reached;
        while (reached != setpoint) {
            double next = Math.abs(increment) >= Math.abs(setpoint - reached) ? setpoint : reached + increment;
            System.arraycopy(state, 0, previous, 0, state.length);
            if (advance(SWITCH_STEP, mode, next)) {
                reached = next;
                elapsed += SWITCH_STEP;
                increment *= 2;
            } else {
                System.arraycopy(previous, 0, state, 0, state.length);
                newton.invalidate();
                increment /= 4;
                if (Math.abs(increment) < 1e-9 * Math.abs(setpoint - reached) || elapsed > duration) {
                    throw failure(mode, next, elapsed);
                }
            }
        }
        return elapsed;
    }

    /**
     * Advances {@code state} (equal to {@code previous} on entry) by dt; false when Newton fails.
     *
     * <p>With a previous step of length h₋ in the same protocol step (ratio ω = dt/h₋ at most
     * {@link #BDF2_MAX_RATIO}, where variable-step BDF2 is zero-stable) the step is the second-order backward
     * differentiation formula: (1+2ω)/(1+ω) q₊ − (1+ω) q₀ + ω²/(1+ω) q₋ = dt q̇₊ for the stored quantities q (salt
     * c_e, shell concentrations). That is a backward-Euler residual with step dt/α, α = (1+2ω)/(1+ω), from the
     * blended state q̃ = ((1+ω) q₀ − ω²/(1+ω) q₋)/α, so {@link DfnEquations} needs no second form. Lithium stays
     * conserved (the formula is linear in q). The first step of a protocol step, a blend with c_e ≤ 0 somewhere,
     * and a steeper change of step length, take backward Euler.
     */
    private boolean advance(double dt, int mode, double setpoint) {
        double[] base = previous;
        double step = dt;
        if (history && SECOND_ORDER) {
            double w = dt / olderStep;
            if (w <= BDF2_MAX_RATIO) {
                double alpha = (1 + 2 * w) / (1 + w);
                if (blend(w, alpha)) {
                    base = blended;
                    step = dt / alpha;
                }
            }
        }
        return newton.solve(state, base, step, mode, setpoint, NEWTON_TOLERANCE, NEWTON_ITERATIONS)
                == Newton.Outcome.CONVERGED;
    }

    /** Fills {@link #blended} with q̃ for the stored unknowns; false when a salt concentration would not be positive. */
    private boolean blend(double w, double alpha) {
        double a = (1 + w) / alpha;
        double b = w * w / ((1 + w) * alpha);
        System.arraycopy(previous, 0, blended, 0, previous.length);
        for (int c = 0; c < grid.cells; c++) {
            int o = grid.offset[c];
            double ce = a * Math.exp(previous[o]) - b * Math.exp(older[o]);
            if (!(ce > 0)) {
                return false;
            }
            blended[o] = Math.log(ce);
            if (grid.isElectrode(c)) {
                for (int k = o + CellGrid.SHELL; k < grid.offset[c + 1]; k++) {
                    blended[k] = a * previous[k] - b * older[k];
                }
            }
        }
        return true;
    }

    /**
     * The event crossed zero within the last step (from gOld &gt; 0 to g &lt; 0): finds the step length at which
     * it is zero by the secant method (safeguarded by bisection), leaves that state in {@code state}.
     *
     * @return the step length
     */
    private double locate(double dt, int mode, double setpoint, Event event, double g, double gOld)
            throws SimulationException {
        double lo = 0;
        double hi = dt;
        double gLo = gOld;
        double gHi = g;
        double best = dt;
        System.arraycopy(state, 0, trial, 0, state.length);
        for (int k = 0; k < 60; k++) {
            double next = Double.isNaN(gLo) ? 0.5 * (lo + hi) : lo + (hi - lo) * gLo / (gLo - gHi);
            if (!(next > lo + 1e-3 * (hi - lo) && next < hi - 1e-3 * (hi - lo))) {
                next = 0.5 * (lo + hi);
            }
            System.arraycopy(previous, 0, state, 0, state.length);
            if (!advance(next, mode, setpoint)) {
                newton.invalidate();
                hi = next;
                gHi = Double.NaN;
                continue;
            }
            double value = event.value(state);
            if (Math.abs(value) < EVENT_TOLERANCE) {
                return next;
            }
            if (value > 0) {
                lo = next;
                gLo = value;
            } else {
                hi = next;
                gHi = value;
                best = next;
                System.arraycopy(state, 0, trial, 0, state.length);
            }
            if (Double.isNaN(gHi)) {
                gLo = Double.NaN; // fall back to bisection
            }
        }
        System.arraycopy(trial, 0, state, 0, state.length);
        return best;
    }

    private SimulationException failure(int mode, double setpoint, double elapsed) {
        StringBuilder where = new StringBuilder();
        double minCe = Double.POSITIVE_INFINITY;
        int at = 0;
        for (int c = 0; c < grid.cells; c++) {
            if (equations.concentration(previous, c) < minCe) {
                minCe = equations.concentration(previous, c);
                at = c;
            }
        }
        where.append(String.format("the cell model failed to converge at t = %.4g s into a %s step (%s = %.4g, "
                        + "voltage %.4f V): Newton fails even at the smallest time step. ",
                elapsed, mode == DfnEquations.CURRENT ? "constant-current" : "constant-voltage",
                mode == DfnEquations.CURRENT ? "I [A/m2]" : "V [V]", setpoint, equations.voltage(previous)));
        if (minCe < 0.01 * cell.electrolyte().initialConcentration()) {
            where.append(String.format("The electrolyte is depleted at x = %.1f um (c_e = %.3g mol/m3): the "
                    + "current is beyond what the electrode can carry; lower the C-rate or raise the cut-off.",
                    grid.x[at] * 1e6, minCe));
        } else {
            where.append("Likely cause: a particle surface reached the end of its stoichiometry range; check the "
                    + "cut-off voltages against the OCP curves of the parameter set.");
        }
        return new SimulationException(where.toString());
    }
}
