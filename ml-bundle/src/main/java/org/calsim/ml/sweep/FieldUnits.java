package org.calsim.ml.sweep;

import java.util.List;

/**
 * The unit of a job field, read from the suffix its name carries (job files name the unit in the field, e.g.
 * {@code line_load_kN_per_m}, {@code roll_temperature_C}).
 */
final class FieldUnits {
    private static final List<String[]> SUFFIXES = List.of(
            new String[] {"_kN_per_m", "kN/m"}, new String[] {"_m_per_min", "m/min"}, new String[] {"_m_per_s", "m/s"},
            new String[] {"_mg_per_cm2", "mg/cm^2"}, new String[] {"_mAh_per_g", "mAh/g"},
            new String[] {"_MPa", "MPa"}, new String[] {"_GPa", "GPa"}, new String[] {"_um", "um"},
            new String[] {"_mm", "mm"}, new String[] {"_mV", "mV"}, new String[] {"_C", "C"}, new String[] {"_K", "K"},
            new String[] {"_s", "s"});

    private FieldUnits() {
    }

    /** @return the unit the field's name states, or {@code "1"} when it states none (fractions, exponents) */
    static String of(String field) {
        String last = field.substring(field.lastIndexOf('.') + 1);
        for (String[] s : SUFFIXES) {
            if (last.endsWith(s[0])) {
                return s[1];
            }
        }
        return "1";
    }
}
