package org.calsim.api.stage;

import java.util.List;
import java.util.Objects;

/**
 * One parameter a stage accepts in the job file, with its unit, range and default. The job file
 * names the unit in the field ({@code line_load_kN_per_m}); the runtime checks the value against the
 * range (in the job-file unit) and hands the stage the value in SI, multiplied by {@link #toSI()}.
 *
 * <p><b>Fields of a mapping.</b> A name with one dot, {@code group.field}, is the field {@code field} of the
 * mapping {@code group} in the job file ({@code contact.normal} is {@code normal} in {@code contact: {normal: hertz}});
 * the stage reads it by the dotted name and {@link Parameters#fieldPath} gives {@code stages[i].with.contact.normal}.
 * The mapping itself is optional: when the job leaves it out, none of its fields is set (not even a default), and a
 * {@link #required()} field is required only when the job gives the mapping. Since 1.5.
 *
 * <p><b>Declaring one.</b> A stage builds each parameter from the factory of its kind and narrows it with the
 * methods that return a changed copy: the range ({@link #closed}, {@link #open}, {@link #openClosed},
 * {@link #positive}, {@link #nonNegative}), then whether it may be left out ({@link #withDefault}, {@link #optional}):
 * <pre>{@code
 * Parameter.integer("hold_steps", "steps the plate holds at the end of loading").closed(0, 1e9).withDefault(2000)
 * Parameter.number("gap_um", "um", 1e-6, "roll gap").positive().optional()
 * Parameter.number("restitution", "1", 1, "coefficient of restitution").openClosed(0, 1).withDefault(0.5)
 * }</pre>
 * Every kind has its factory: {@link #number}, {@link #numbers}, {@link #integer}, {@link #text}, {@link #choice},
 * {@link #flag}, {@link #file}, {@link #service} (and {@link #threads} for the one parameter all parallel stages
 * share).
 *
 * @param name         field name in the job file, unit included, e.g. {@code gamma_kN_per_m}; {@code group.field}
 *                     for a field of a mapping
 * @param kind         what kind of value
 * @param unit         unit label of the job-file value, e.g. {@code "kN/m"}, {@code "1"}
 * @param toSI         factor from the job-file unit to SI (1000 for kN/m to N/m)
 * @param min          smallest allowed value (job-file unit), {@code -Infinity} if none
 * @param minInclusive whether {@code min} itself is allowed
 * @param max          largest allowed value (job-file unit), {@code +Infinity} if none
 * @param maxInclusive whether {@code max} itself is allowed
 * @param defaultValue value used when absent (job-file unit); {@code null} for none
 * @param required     whether the job file must set it
 * @param choices      allowed values of a {@link Kind#CHOICE}; empty otherwise
 * @param description  one line: meaning, equation number, source
 * @param service      the service interface a {@link Kind#SERVICE} names a registered service of; {@code null} for
 *                     every other kind. Since 1.5
 */
public record Parameter(String name, Kind kind, String unit, double toSI, double min, boolean minInclusive,
                        double max, boolean maxInclusive, Object defaultValue, boolean required,
                        List<String> choices, String description, Class<?> service) {

    /**
     * The value of an optional {@link Kind#SERVICE} that chooses no service: the parameter is then not set, as when
     * the field is left out. Since 1.5.
     */
    public static final String NONE = "none";

    /** What kind of value a parameter takes. */
    public enum Kind {
        /** a real number */
        NUMBER,
        /** a whole number */
        INTEGER,
        /** free text */
        TEXT,
        /** one of {@link Parameter#choices()} */
        CHOICE,
        /** true or false */
        FLAG,
        /** a list of real numbers */
        NUMBER_LIST,
        /** a path to a file, relative to the job file */
        FILE,
        /**
         * the {@code calsim.name} of a registered service of {@link Parameter#service()}, checked against the
         * registry before anything runs; an optional one also takes {@link Parameter#NONE}. Since 1.5
         */
        SERVICE
    }

    /**
     * Checks a declaration: a name with at most one dot, and a service interface with, and only with,
     * {@link Kind#SERVICE}. Public as every record's canonical constructor must be; declare a parameter with the
     * factory of its kind and the methods that narrow it (see the class description).
     */
    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        choices = List.copyOf(choices);
        int dot = name.indexOf('.');
        if (dot == 0 || dot == name.length() - 1 || (dot > 0 && name.indexOf('.', dot + 1) >= 0)) {
            throw new IllegalArgumentException("parameter name '" + name + "': a field name, or group.field for a "
                    + "field of a mapping (one dot)");
        }
        if ((kind == Kind.SERVICE) != (service != null)) {
            throw new IllegalArgumentException("parameter " + name + ": a service interface is given with, and only "
                    + "with, Kind.SERVICE (kind " + kind + ", service " + service + ")");
        }
    }

    /**
     * A parameter of any kind but {@link Kind#SERVICE}: the declaration of calsim before 1.5.
     *
     * @deprecated twelve positional arguments say nothing at the call: declare a parameter with the factory of its
     *             kind and narrow it, e.g.
     *             {@code Parameter.integer(name, description).closed(0, 1e9).withDefault(2000)} (see the class
     *             description). Kept for plugins built against api.stage 1.x; removed in 2.0.
     */
    @Deprecated(since = "1.6", forRemoval = true)
    public Parameter(String name, Kind kind, String unit, double toSI, double min, boolean minInclusive, double max,
                     boolean maxInclusive, Object defaultValue, boolean required, List<String> choices,
                     String description) {
        this(name, kind, unit, toSI, min, minInclusive, max, maxInclusive, defaultValue, required, choices, description,
                null);
    }

    /** A required real number in {@code unit}, converted to SI by {@code toSI}, any value allowed. */
    public static Parameter number(String name, String unit, double toSI, String description) {
        return unbounded(name, Kind.NUMBER, unit, toSI, null, true, List.of(), description, null);
    }

    /** A required list of real numbers in {@code unit}. */
    public static Parameter numbers(String name, String unit, double toSI, String description) {
        return unbounded(name, Kind.NUMBER_LIST, unit, toSI, null, true, List.of(), description, null);
    }

    /** A required whole number. */
    public static Parameter integer(String name, String description) {
        return unbounded(name, Kind.INTEGER, "1", 1, null, true, List.of(), description, null);
    }

    /** A required choice among {@code choices}. */
    public static Parameter choice(String name, List<String> choices, String description) {
        return unbounded(name, Kind.CHOICE, "-", 1, null, true, choices, description, null);
    }

    /** A required text. */
    public static Parameter text(String name, String description) {
        return unbounded(name, Kind.TEXT, "-", 1, null, true, List.of(), description, null);
    }

    /**
     * A required {@code calsim.name} of a registered service of {@code type} (make it {@link #optional()} to let the
     * job leave it out or write {@link #NONE}). Since 1.5.
     *
     * @param type the service interface, e.g. {@code ContactPart.Normal.class}
     */
    public static Parameter service(String name, Class<?> type, String description) {
        return unbounded(name, Kind.SERVICE, "-", 1, null, true, List.of(), description,
                Objects.requireNonNull(type, "type"));
    }

    /** A required file path, relative to the job file. */
    public static Parameter file(String name, String description) {
        return unbounded(name, Kind.FILE, "-", 1, null, true, List.of(), description, null);
    }

    /**
     * The {@code threads} parameter of a parallel stage: a whole number from 1 to 256, by default the number of
     * cores. Stages promise that their results do not depend on it.
     *
     * @param work what the threads do, e.g. {@code "solver"}
     */
    public static Parameter threads(String work) {
        return integer("threads", work + " threads (results do not depend on it); default: the cores").closed(1, 256)
                .withDefault(Runtime.getRuntime().availableProcessors());
    }

    /** A flag, false unless set. */
    public static Parameter flag(String name, String description) {
        return unbounded(name, Kind.FLAG, "-", 1, Boolean.FALSE, false, List.of(), description, null);
    }

    /** @return a parameter that allows any value, for the factories to start from */
    private static Parameter unbounded(String name, Kind kind, String unit, double toSI, Object defaultValue,
                                       boolean required, List<String> choices, String description,
                                       Class<?> service) {
        return new Parameter(name, kind, unit, toSI, Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true,
                defaultValue, required, choices, description, service);
    }

    /** @return this parameter restricted to {@code min ≤ v ≤ max} (job-file unit) */
    public Parameter closed(double lo, double hi) {
        return new Parameter(name, kind, unit, toSI, lo, true, hi, true, defaultValue, required,
                choices, description, service);
    }

    /** @return this parameter restricted to {@code min < v < max} (job-file unit) */
    public Parameter open(double lo, double hi) {
        return new Parameter(name, kind, unit, toSI, lo, false, hi, false, defaultValue, required,
                choices, description, service);
    }

    /** @return this parameter restricted to {@code min < v ≤ max} (job-file unit). Since 1.6. */
    public Parameter openClosed(double lo, double hi) {
        return new Parameter(name, kind, unit, toSI, lo, false, hi, true, defaultValue, required,
                choices, description, service);
    }

    /** @return this parameter restricted to {@code v > 0} */
    public Parameter positive() {
        return new Parameter(name, kind, unit, toSI, 0, false, max, maxInclusive, defaultValue, required,
                choices, description, service);
    }

    /** @return this parameter restricted to {@code v ≥ 0} */
    public Parameter nonNegative() {
        return new Parameter(name, kind, unit, toSI, 0, true, max, maxInclusive, defaultValue, required,
                choices, description, service);
    }

    /** @return this parameter, optional, with {@code value} (job-file unit) when absent */
    public Parameter withDefault(Object value) {
        if (kind == Kind.NUMBER_LIST && !(value instanceof double[])) {
            throw new IllegalArgumentException(name + ": the default of a list of numbers is a double[], was "
                    + (value == null ? "null" : value.getClass().getName()));
        }
        return new Parameter(name, kind, unit, toSI, min, minInclusive, max, maxInclusive, value, false, choices,
                description, service);
    }

    /** @return this parameter, optional and without a default (the stage checks {@link Parameters#isSet}) */
    public Parameter optional() {
        return new Parameter(name, kind, unit, toSI, min, minInclusive, max, maxInclusive, null, false, choices,
                description, service);
    }

    /** @return whether {@code v} (job-file unit) lies in the allowed range */
    public boolean inRange(double v) {
        boolean aboveMin = minInclusive ? v >= min : v > min;
        boolean belowMax = maxInclusive ? v <= max : v < max;
        return aboveMin && belowMax && !Double.isNaN(v);
    }

    /** @return the allowed range in words, e.g. {@code "a number > 0 and < 1 (1)"} */
    public String describeRange() {
        String what = switch (kind) {
            case INTEGER -> "a whole number";
            case NUMBER_LIST -> "a list of numbers, each";
            default -> "a number";
        };
        StringBuilder sb = new StringBuilder(what);
        boolean lo = min != Double.NEGATIVE_INFINITY;
        boolean hi = max != Double.POSITIVE_INFINITY;
        if (lo) {
            sb.append(minInclusive ? " >= " : " > ").append(fmt(min));
        }
        if (lo && hi) {
            sb.append(" and");
        }
        if (hi) {
            sb.append(maxInclusive ? " <= " : " < ").append(fmt(max));
        }
        if (!"-".equals(unit) && !"1".equals(unit)) {
            sb.append(" in ").append(unit);
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
