package org.calsim.api.study;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.calsim.api.electrode.CoatingKeys;
import org.calsim.api.stage.Key;
import org.calsim.api.transport.EffectiveProperties;
import org.calsim.api.transport.FlowProperties;

/**
 * The state entries that are numbers or records of numbers, written as named scalars: what a job's
 * {@code summary.json} lists under {@code state}, what sweeps put in their datasets, and what a surrogate gives back
 * as state entries. A plain number keeps its key's name ({@code coating.porosity}); a record's numbers are named
 * {@code <key>.<component>} ({@code transport.effective_properties.through_plane_tortuosity}). Values are SI. A
 * plugin's key of its own type takes part through a {@link ScalarView} service ({@link #entries}).
 */
public final class StateScalars {

    /**
     * One state entry as scalars.
     *
     * @param key        the state key
     * @param components the scalars' names and SI units, in order (a plain number has one, named as the key)
     * @param required   how many leading components a surrogate must predict to give the entry; the others are NaN
     *                   ("not computed") when it does not predict them
     * @param flatten    the entry's scalars, in the order of {@code components}
     * @param assemble   the entry from its scalars and a text saying how they were obtained
     * @param <T>        value type
     */
    public record Entry<T>(Key<T> key, List<Scalar> components, int required, Function<T, double[]> flatten,
                           BiFunction<double[], String, T> assemble) {

        /** @return the scalars of {@code value} by name */
        public Map<String, Double> scalars(Object value) {
            double[] v = flatten.apply(key.cast(value));
            Map<String, Double> out = new LinkedHashMap<>();
            for (int i = 0; i < v.length; i++) {
                out.put(components.get(i).name(), v[i]);
            }
            return out;
        }

        /**
         * @param values scalars by name; missing optional components become NaN
         * @param method how the values were obtained (for records that say so)
         * @return the entry, or empty if a required component is missing
         */
        public Optional<T> assemble(Map<String, Double> values, String method) {
            double[] v = new double[components.size()];
            for (int i = 0; i < v.length; i++) {
                Double x = values.get(components.get(i).name());
                if (x == null && i < required) {
                    return Optional.empty();
                }
                v[i] = x == null ? Double.NaN : x;
            }
            return Optional.of(assemble.apply(v, method));
        }
    }

    /**
     * A named scalar.
     *
     * @param name e.g. {@code coating.porosity}
     * @param unit SI unit, {@code "1"} if dimensionless
     */
    public record Scalar(String name, String unit) {
    }

    /** The entries of the API that are numbers or records of numbers. */
    public static final List<Entry<?>> ENTRIES = List.of(
            number(CoatingKeys.POROSITY), number(CoatingKeys.THICKNESS), number(CoatingKeys.DENSITY),
            number(CoatingKeys.COMPACTION_DEGREE), number(CoatingKeys.NIP_PRESSURE),
            new Entry<>(EffectiveProperties.KEY, scalars(EffectiveProperties.KEY, "porosity", "1",
                    "through_plane_tortuosity", "1", "in_plane_tortuosity", "1", "electronic_conductivity", "S/m",
                    "total_porosity", "1", "active_volume_fraction", "1"), 2,
                    e -> new double[] {e.porosity(), e.throughPlaneTortuosity(), e.inPlaneTortuosity(),
                        e.electronicConductivity(), e.totalPorosity(), e.activeVolumeFraction()},
                    StateScalars::effectiveProperties),
            new Entry<>(FlowProperties.KEY, scalars(FlowProperties.KEY, "porosity", "1", "through_plane_permeability",
                    "m^2", "in_plane_permeability", "m^2", "through_plane_hydraulic_tortuosity", "1",
                    "in_plane_hydraulic_tortuosity", "1"), 2,
                    f -> new double[] {f.porosity(), f.throughPlanePermeability(), f.inPlanePermeability(),
                        f.throughPlaneHydraulicTortuosity(), f.inPlaneHydraulicTortuosity()},
                    (v, method) -> new FlowProperties(v[0], v[1], v[2], v[3], v[4], method)));

    private StateScalars() {
    }

    /**
     * @param registered views registered as services ({@link ScalarView}); one for a key of {@link #ENTRIES}, or a
     *                   second one for a key, is left out
     * @return {@link #ENTRIES} followed by the registered views, as entries
     */
    public static List<Entry<?>> entries(Collection<? extends ScalarView<?>> registered) {
        List<Entry<?>> all = new ArrayList<>(ENTRIES);
        for (ScalarView<?> view : registered) {
            if (all.stream().noneMatch(e -> e.key().equals(view.key()))) {
                all.add(of(view));
            }
        }
        return List.copyOf(all);
    }

    /** @return the entry of {@code key} among {@code entries} */
    public static Optional<Entry<?>> entry(Key<?> key, List<Entry<?>> entries) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    private static <T> Entry<T> of(ScalarView<T> view) {
        if (view.required() < 1 || view.required() > view.components().size()) {
            throw new IllegalArgumentException("the scalar view of " + view.key() + " requires " + view.required()
                    + " of its " + view.components().size() + " components: it must require 1 to all of them");
        }
        return new Entry<>(view.key(), List.copyOf(view.components()), view.required(), view::flatten,
                view::assemble);
    }

    /**
     * Effective properties from scalars that may be predicted (by a surrogate) rather than computed: a total porosity
     * not given is the pore porosity, one below it is held at it, and an active volume fraction is held within
     * [0, 1 − total porosity], so that a prediction a little off is still a structure.
     */
    private static EffectiveProperties effectiveProperties(double[] v, String method) {
        double pore = v[0];
        double total = Double.isNaN(v[4]) ? pore : Math.min(1, Math.max(pore, v[4]));
        double active = Double.isNaN(v[5]) ? Double.NaN : Math.max(0, Math.min(1 - total, v[5]));
        return new EffectiveProperties(pore, total, active, v[1], v[2], v[3], method);
    }

    /** @return the entry of {@code key}, if it is one of {@link #ENTRIES} */
    public static Optional<Entry<?>> entry(Key<?> key) {
        return entry(key, ENTRIES);
    }

    private static Entry<Double> number(Key<Double> key) {
        return new Entry<>(key, List.of(new Scalar(key.name(), key.unit())), 1, d -> new double[] {d},
                (v, method) -> v[0]);
    }

    private static List<Scalar> scalars(Key<?> key, String... nameUnit) {
        Scalar[] s = new Scalar[nameUnit.length / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = new Scalar(key.name() + "." + nameUnit[2 * i], nameUnit[2 * i + 1]);
        }
        return List.of(s);
    }
}
