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

    /**
     * @return the unit the field's name states; {@code "1"} when it states none (fractions, exponents); the name's
     *         own unit part (e.g. {@code kN_per_m_per_mg_per_cm2}) when it is a compound this table does not hold
     */
    static String of(String field) {
        String last = field.substring(field.lastIndexOf('.') + 1);
        for (String[] s : SUFFIXES) {
            if (last.endsWith(s[0])) {
                String rest = last.substring(0, last.length() - s[0].length());
                int per = rest.indexOf("_per_");
                if (per < 0) {
                    return s[1];
                }
                // a compound such as mu0_kN_per_m_per_mg_per_cm2: the unit starts one word before the first "_per_"
                int start = rest.lastIndexOf('_', per - 1);
                return last.substring(start + 1);
            }
        }
        return "1";
    }
}
