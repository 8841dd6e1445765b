package org.calsim.fem.p2d;

import java.util.ArrayList;
import java.util.List;
import org.calsim.api.electrochem.CellParameters;

/**
 * A rate test: the same protocol at each of a list of C-rates, each from a fresh cell at rest (fully charged for
 * a discharge, fully discharged for a charge or a cycle).
 */
final class RateTest {
    private RateTest() {
    }

    /** What each rate runs. */
    enum Protocol {
        /** From 100 % state of charge, constant-current discharge to the lower cut-off. */
        DISCHARGE,
        /** From 0 % state of charge, constant-current charge to the upper cut-off. */
        CHARGE,
        /**
         * From 0 % state of charge: constant-current charge to the upper cut-off, constant voltage there until
         * the current falls to the CV cut-off, rest, constant-current discharge to the lower cut-off, rest.
         */
        CYCLE
    }

    /**
     * @param cellsPerRegion finite-volume cells across each electrode and the separator
     * @param shells         finite-volume shells in each particle
     * @param stepsPerHour   smallest number of time steps per hour of a C-rate's nominal duration (3600/C s)
     * @param voltageStep    target voltage change per time step [V]
     * @param restSeconds    rest after each constant-current or constant-voltage part (CYCLE) [s]
     * @param cvCutoffCRate  current at which the constant-voltage charge ends, as a C-rate [1/h]
     */
    record Settings(int cellsPerRegion, int shells, double stepsPerHour, double voltageStep, double restSeconds,
                    double cvCutoffCRate) {
        CellSimulator.Settings simulator(double cRate) {
            int separator = Math.max(4, cellsPerRegion / 2);
            return new CellSimulator.Settings(cellsPerRegion, separator, cellsPerRegion, shells,
                    3600 / cRate / stepsPerHour, voltageStep, 0.02);
        }
    }

    /**
     * One rate's outcome.
     *
     * @param cRate          C-rate [1/h]
     * @param currentDensity current density of the rate [A/m²]
     * @param curve          the constant-current discharge (or charge) at this rate
     * @param charging       for CYCLE: the constant-current and constant-voltage charge before it; else null
     * @param capacity       charge delivered by {@code curve} [C/m²]
     * @param energy         energy delivered by {@code curve} [J/m²]
     * @param position       cell centres from the negative collector (or the foil) [m]
     * @param electrolyte    salt concentration at the end of {@code curve} [mol/m³]
     * @param positiveStart  position of the separator–positive electrode boundary [m]
     * @param seconds        wall time of this rate [s]
     * @param lithiumDrift   relative change of the cell's lithium over the rate (full cells; 0 for half cells)
     */
    record Rate(double cRate, double currentDensity, Trace curve, Trace charging, double capacity, double energy,
                double[] position, double[] electrolyte, double positiveStart, double seconds,
                double lithiumDrift) {

        /**
         * @param fraction threshold as a fraction of the initial salt concentration
         * @return depth from the separator into the positive electrode before the electrolyte first falls below
         *         {@code fraction}·c₀ at the end of the discharge (the penetration depth of eq 9) [m]; the
         *         electrode thickness when it nowhere does
         */
        double penetrationDepth(double fraction, double c0, double positiveThickness) {
            for (int i = 0; i < position.length; i++) {
                if (position[i] > positiveStart && electrolyte[i] < fraction * c0) {
                    return position[i] - positiveStart;
                }
            }
            return positiveThickness;
        }
    }

    /** Progress and cancellation. */
    interface Monitor extends CellSimulator.Cancel {
        void rate(int index, int count, double cRate);
    }

    /**
     * @param cell     the cell
     * @param oneC     the 1C current density [A/m²]
     * @param cRates   C-rates [1/h]
     * @return one entry per rate, in order
     */
    static List<Rate> run(CellParameters cell, double oneC, double[] cRates, Protocol protocol, Settings settings,
                          Monitor monitor) throws SimulationException {
        List<Rate> out = new ArrayList<>();
        for (int k = 0; k < cRates.length; k++) {
            double rate = cRates[k];
            monitor.rate(k, cRates.length, rate);
            long t0 = System.nanoTime();
            CellSimulator sim = new CellSimulator(cell, settings.simulator(rate), oneC);
            double current = rate * oneC;
            double nominal = 3600 / rate;
            Trace charging = null;
            Trace curve;
            if (protocol == Protocol.DISCHARGE) {
                sim.charged();
            } else {
                sim.discharged();
            }
            double lithium = sim.equations.lithium(sim.state);
            if (protocol == Protocol.CHARGE) {
                curve = sim.constantCurrent(-current, cell.upperCutoff(), 10 * nominal, monitor);
            } else {
                if (protocol == Protocol.CYCLE) {
                    charging = sim.constantCurrent(-current, cell.upperCutoff(), 10 * nominal, monitor);
                    Trace cv = sim.constantVoltage(cell.upperCutoff(), settings.cvCutoffCRate() * oneC,
                            10 * nominal, monitor);
                    charging = append(charging, cv);
                    sim.rest(settings.restSeconds(), monitor);
                }
                curve = sim.constantCurrent(current, cell.lowerCutoff(), 10 * nominal, monitor);
                if (protocol == Protocol.CYCLE) {
                    sim.rest(settings.restSeconds(), monitor);
                }
            }
            double[] position = new double[sim.grid.cells];
            double[] electrolyte = new double[sim.grid.cells];
            double positiveStart = Double.NaN;
            for (int c = 0; c < sim.grid.cells; c++) {
                position[c] = sim.grid.x[c];
                electrolyte[c] = sim.equations.concentration(sim.state, c);
                if (Double.isNaN(positiveStart) && sim.grid.region[c] == CellGrid.POSITIVE) {
                    positiveStart = sim.grid.x[c] - sim.grid.dx[c] / 2;
                }
            }
            double drift = cell.halfCell() ? 0 : (sim.equations.lithium(sim.state) - lithium) / lithium;
            out.add(new Rate(rate, current, curve, charging, Math.abs(curve.lastCharge()), energy(curve), position,
                    electrolyte, positiveStart, (System.nanoTime() - t0) / 1e9, drift));
        }
        return out;
    }

    /** @return ∫ |I| V dt over the trace (trapezoidal) [J/m²] */
    static double energy(Trace t) {
        double[] time = t.time();
        double[] v = t.voltage();
        double[] i = t.current();
        double e = 0;
        for (int k = 1; k < time.length; k++) {
            e += 0.5 * (Math.abs(i[k]) * v[k] + Math.abs(i[k - 1]) * v[k - 1]) * (time[k] - time[k - 1]);
        }
        return e;
    }

    /** @return the two traces joined, the second's time and charge continuing the first's */
    static Trace append(Trace first, Trace second) {
        Trace joined = new Trace();
        double[] t1 = first.time();
        double[] v1 = first.voltage();
        double[] i1 = first.current();
        double[] q1 = first.charge();
        for (int k = 0; k < t1.length; k++) {
            joined.add(t1[k], v1[k], i1[k], q1[k]);
        }
        double t0 = t1.length == 0 ? 0 : t1[t1.length - 1];
        double q0 = first.lastCharge();
        double[] t2 = second.time();
        double[] v2 = second.voltage();
        double[] i2 = second.current();
        double[] q2 = second.charge();
        for (int k = 0; k < t2.length; k++) {
            joined.add(t0 + t2[k], v2[k], i2[k], q0 + q2[k]);
        }
        return joined;
    }
}
