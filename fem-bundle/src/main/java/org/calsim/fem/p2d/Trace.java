package org.calsim.fem.p2d;

import java.util.Arrays;

/** The recorded history of a protocol step: time, voltage, current density and charge passed. */
final class Trace {
    private double[] time = new double[256];
    private double[] voltage = new double[256];
    private double[] current = new double[256];
    private double[] charge = new double[256];
    private int size;
    private boolean depleted;

    /**
     * @param t [s] @param v cell voltage [V] @param i current density [A/m²] (&gt; 0 discharge)
     * @param q charge passed since the start of the step [C/m²]
     */
    void add(double t, double v, double i, double q) {
        if (size == time.length) {
            int grown = 2 * size;
            time = Arrays.copyOf(time, grown);
            voltage = Arrays.copyOf(voltage, grown);
            current = Arrays.copyOf(current, grown);
            charge = Arrays.copyOf(charge, grown);
        }
        time[size] = t;
        voltage[size] = v;
        current[size] = i;
        charge[size] = q;
        size++;
    }

    /** Records whether the step ended because the electrolyte ran out (rather than at its cut-off). */
    void depleted(boolean value) {
        depleted = value;
    }

    /** @return whether the step ended because the electrolyte ran out somewhere */
    boolean depleted() {
        return depleted;
    }

    int size() {
        return size;
    }

    double[] time() {
        return Arrays.copyOf(time, size);
    }

    double[] voltage() {
        return Arrays.copyOf(voltage, size);
    }

    double[] current() {
        return Arrays.copyOf(current, size);
    }

    double[] charge() {
        return Arrays.copyOf(charge, size);
    }

    double lastCharge() {
        return size == 0 ? 0 : charge[size - 1];
    }

    double lastVoltage() {
        return voltage[size - 1];
    }
}
