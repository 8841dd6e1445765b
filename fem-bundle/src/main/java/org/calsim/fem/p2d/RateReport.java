package org.calsim.fem.p2d;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Series;
import org.calsim.api.data.Table;
import org.calsim.api.electrochem.CellParameters;
import org.calsim.api.electrochem.ElectrodeParameters;
import org.calsim.api.electrochem.RateCapability;
import org.calsim.api.stage.ResultSink;

/**
 * Writes a rate test: summary figures, tables and plots. Capacities are per electrode area (mAh/cm²), per
 * active-material mass of the positive electrode (mAh/g) and per volume of the positive coating (mAh/cm³);
 * energy and mean power densities are per volume of the positive coating (Wh/L, W/L).
 */
final class RateReport {
    /** C/m² per mAh/cm². */
    static final double MAH_PER_CM2 = 36_000;

    private RateReport() {
    }

    /** One structure's results. */
    record Outcome(P2dStage.Structure structure, List<RateTest.Rate> rates) {
        double[] cRates() {
            return rates.stream().mapToDouble(RateTest.Rate::cRate).toArray();
        }

        double[] capacities() {
            return rates.stream().mapToDouble(RateTest.Rate::capacity).toArray();
        }
    }

    /** The rows and curves of every structure's rates, written at the end as tables and plots. */
    private static final class Collected {
        final List<Series> curves = new ArrayList<>();
        final List<Series> capacityLines = new ArrayList<>();
        final List<Series> profiles = new ArrayList<>();
        final List<double[]> rows = new ArrayList<>();
        final List<double[]> curveRows = new ArrayList<>();
        final List<double[]> profileRows = new ArrayList<>();
    }

    /**
     * @return the rate capability of the last structure (for a series: the most calendered state)
     */
    static RateCapability write(ResultSink sink, List<Outcome> outcomes, double oneC, RateTest.Protocol protocol,
                                double retention) {
        boolean many = outcomes.size() > 1;
        Collected collected = new Collected();
        RateCapability last = null;
        sink.summary("one_c_current_density_mA_per_cm2", oneC / 10, "mA/cm^2");
        for (int s = 0; s < outcomes.size(); s++) {
            Outcome o = outcomes.get(s);
            String prefix = many ? "state" + (s + 1) + "_" : "";
            for (RateTest.Rate r : o.rates()) {
                rate(sink, collected, o, s, many ? o.structure().label() + ", " : "", prefix, protocol, r);
            }
            last = structure(sink, collected, o, prefix, oneC, retention);
        }
        tablesAndPlots(sink, collected, verb(protocol));
        return last;
    }

    /** Collects one rate's row, curves and profile, and writes its capacity, lithium drift and depletion note. */
    private static void rate(ResultSink sink, Collected collected, Outcome o, int s, String labelPrefix,
                             String prefix, RateTest.Protocol protocol, RateTest.Rate r) {
        CellParameters cell = o.structure().cell();
        ElectrodeParameters pos = cell.positive();
        double mass = pos.activeVolumeFraction() * pos.thickness() * pos.density(); // kg/m²
        double volume = pos.thickness(); // m³/m²
        double c0 = cell.electrolyte().initialConcentration();
        double duration = r.curve().time()[r.curve().size() - 1];
        double depth = r.penetrationDepth(0.01, c0, pos.thickness());
        collected.rows.add(new double[] {s + 1, pos.porosity(), pos.tortuosity(), pos.thickness() * 1e6, r.cRate(),
                r.currentDensity() / 10, r.capacity() / MAH_PER_CM2, r.capacity() / mass / 3600,
                r.capacity() / volume / 3.6e6, r.energy() / volume / 3.6e6,
                duration > 0 ? r.energy() / duration / volume / 1e3 : 0, depth * 1e6, r.seconds()});
        String label = String.format(Locale.ROOT, "%s%.3gC", labelPrefix, r.cRate());
        double[] q = scaled(r.curve().charge(), 1 / MAH_PER_CM2, true);
        double[] v = r.curve().voltage();
        collected.curves.add(new Series(label, q, v, Series.Style.LINE));
        for (int i = 0; i < q.length; i++) {
            collected.curveRows.add(new double[] {s + 1, r.cRate(), q[i], v[i]});
        }
        double[] x = scaled(r.position(), 1e6, false);
        collected.profiles.add(new Series(label, x, r.electrolyte(), Series.Style.LINE));
        for (int i = 0; i < x.length; i++) {
            collected.profileRows.add(new double[] {s + 1, r.cRate(), x[i], r.electrolyte()[i]});
        }
        String rate = BigDecimal.valueOf(r.cRate()).round(new MathContext(4))
                .stripTrailingZeros().toPlainString().replace('.', 'p');
        sink.summary(prefix + "capacity_" + rate + "C_mAh_per_cm2", r.capacity() / MAH_PER_CM2, "mAh/cm^2");
        sink.summary(prefix + "lithium_drift_" + rate + "C", r.lithiumDrift(), "1");
        if (r.curve().depleted()) {
            sink.note(prefix + "depleted_" + rate + "C", String.format(Locale.ROOT, "at %.3gC the %s ended "
                    + "when the electrolyte ran out (voltage collapse at %.3f V, just above the cut-off)",
                    r.cRate(), verb(protocol), r.curve().lastVoltage()));
        }
    }

    /**
     * Writes one structure's figures (capacities and energy at the lowest rate, the critical C-rate) and collects its
     * capacity line.
     *
     * @return its rate capability
     */
    private static RateCapability structure(ResultSink sink, Collected collected, Outcome o, String prefix,
                                            double oneC, double retention) {
        CellParameters cell = o.structure().cell();
        ElectrodeParameters pos = cell.positive();
        double mass = pos.activeVolumeFraction() * pos.thickness() * pos.density(); // kg/m²
        double volume = pos.thickness(); // m³/m²
        double c0 = cell.electrolyte().initialConcentration();
        double[] cRates = o.cRates();
        double[] capacity = o.capacities();
        RateTest.Rate lowest = o.rates().get(0);
        RateTest.Rate highest = o.rates().get(o.rates().size() - 1);
        double critical = criticalCRate(cRates, capacity, retention);
        if (!cell.halfCell()) {
            sink.summary(prefix + "cell_capacity_lowest_rate_Ah", lowest.capacity() * cell.electrodeArea() / 3600,
                    "Ah");
        }
        sink.summary(prefix + "porosity", pos.porosity(), "1");
        sink.summary(prefix + "active_volume_fraction", pos.activeVolumeFraction(), "1");
        sink.summary(prefix + "tortuosity_factor", pos.tortuosity(), "1");
        sink.summary(prefix + "positive_thickness_um", pos.thickness() * 1e6, "um");
        sink.summary(prefix + "specific_capacity_lowest_rate_mAh_per_g", lowest.capacity() / mass / 3600, "mAh/g");
        sink.summary(prefix + "volumetric_capacity_lowest_rate_mAh_per_cm3", lowest.capacity() / volume / 3.6e6,
                "mAh/cm^3");
        sink.summary(prefix + "energy_density_lowest_rate_Wh_per_L", lowest.energy() / volume / 3.6e6, "Wh/L");
        sink.summary(prefix + "critical_c_rate", critical, "1/h");
        sink.summary(prefix + "penetration_depth_highest_rate_um",
                highest.penetrationDepth(0.01, c0, pos.thickness()) * 1e6, "um");
        if (Double.isNaN(critical)) {
            sink.note(prefix + "critical_c_rate", String.format(Locale.ROOT, "the capacity stays above %.0f %% "
                    + "of the lowest rate's up to %.3gC", 100 * retention, highest.cRate()));
        }
        collected.capacityLines.add(new Series(o.structure().label(), cRates,
                scaled(capacity, 1 / MAH_PER_CM2, false), Series.Style.LINE));
        double[] currents = new double[cRates.length];
        for (int k = 0; k < cRates.length; k++) {
            currents[k] = cRates[k] * oneC;
        }
        return new RateCapability(currents, capacity, lowest.capacity(), critical * oneC,
                "Doyle-Fuller-Newman (" + cell.name() + "), " + o.structure().label());
    }

    private static void tablesAndPlots(ResultSink sink, Collected collected, String verb) {
        String[] rateColumns = {"state", "porosity", "tortuosity_factor", "positive_thickness", "c_rate",
            "current_density", "capacity", "specific_capacity", "volumetric_capacity", "energy_density",
            "power_density", "penetration_depth", "wall_time"};
        String[] rateUnits = {"1", "1", "1", "um", "1/h", "mA/cm^2", "mAh/cm^2", "mAh/g", "mAh/cm^3", "Wh/L", "W/L",
            "um", "s"};
        sink.table("rate-capability", table(rateColumns, rateUnits, collected.rows));
        sink.table(verb + "-curves", table(new String[] {"state", "c_rate", "capacity", "voltage"},
                new String[] {"1", "1/h", "mAh/cm^2", "V"}, collected.curveRows));
        sink.table("electrolyte-profiles", table(new String[] {"state", "c_rate", "x", "concentration"},
                new String[] {"1", "1/h", "um", "mol/m^3"}, collected.profileRows));
        sink.plot(new Plot(verb + "-curves", "Cell voltage against " + verb + " capacity",
                "capacity [mAh/cm^2]", "voltage [V]", collected.curves));
        sink.plot(new Plot("capacity-vs-c-rate", "Rate capability", "C-rate [1/h]", "capacity [mAh/cm^2]",
                collected.capacityLines));
        sink.plot(new Plot("electrolyte-profiles", "Salt concentration at the end of each " + verb,
                "x from the negative collector (or the foil) [um]", "c_e [mol/m^3]", collected.profiles));
    }

    private static String verb(RateTest.Protocol protocol) {
        return protocol == RateTest.Protocol.CHARGE ? "charge" : "discharge";
    }

    /**
     * @return the C-rate at which the capacity falls to {@code retention} of the lowest rate's, interpolated
     *         linearly in log C-rate; NaN when it does not within the rates tested
     */
    static double criticalCRate(double[] cRates, double[] capacity, double retention) {
        double threshold = retention * capacity[0];
        for (int k = 1; k < cRates.length; k++) {
            if (capacity[k] < threshold) {
                double f = (capacity[k - 1] - threshold) / (capacity[k - 1] - capacity[k]);
                return Math.exp(Math.log(cRates[k - 1]) + f * (Math.log(cRates[k]) - Math.log(cRates[k - 1])));
            }
        }
        return Double.NaN;
    }

    private static double[] scaled(double[] values, double factor, boolean absolute) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (absolute ? Math.abs(values[i]) : values[i]) * factor;
        }
        return out;
    }

    private static Table table(String[] names, String[] units, List<double[]> rows) {
        Table.Builder b = Table.builder();
        for (int c = 0; c < names.length; c++) {
            double[] column = new double[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                column[r] = rows.get(r)[c];
            }
            b.column(names[c], units[c], column);
        }
        return b.build();
    }
}
