package org.calsim.support.units;

/**
 * Physical constants in SI units, the exact values of the 2019 SI (CODATA 2018: the Faraday and gas constants are
 * products of exact defining constants, F = N_A e and R = N_A k) and the conventional standard gravity.
 */
public final class PhysicalConstants {
    /** Faraday constant F = N_A e [C/mol]. */
    public static final double FARADAY = 96485.33212;
    /** Molar gas constant R = N_A k [J/(mol K)]. */
    public static final double GAS_CONSTANT = 8.314462618;
    /** Standard acceleration of gravity g_n [m/s²] (3rd CGPM, 1901). */
    public static final double STANDARD_GRAVITY = 9.80665;

    private PhysicalConstants() {
    }
}
