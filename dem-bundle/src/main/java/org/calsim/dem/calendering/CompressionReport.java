package org.calsim.dem.calendering;

import java.util.ArrayList;
import java.util.List;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Series;
import org.calsim.api.data.Table;
import org.calsim.api.stage.ResultSink;
import org.calsim.dem.analysis.ContactStatistics;
import org.calsim.dem.analysis.SolidFraction;
import org.calsim.dem.analysis.SurfaceHeight;
import org.calsim.dem.engine.DemEngine;

/**
 * The results of a {@code dem.calender} run, written from its {@link CompressionRecord}: the summaries (thickness
 * before, at maximum load and after release, spring-back, porosities, degree of compaction Π = 1 − h/h₀ (eq 3), the
 * largest pressure, coordination, the deviatoric fabric (eq 15) and stress (eq 16) at maximum load, bond breakage
 * apart from bonds a swap released, the engine's time-step notes, and the inertial number with the quasi-static
 * verdict); under a roll the nip's (line load q = |F_z|/Ly (eq 1), contact length, the contact pressure profile, the
 * particles left above the surface); the compression table with its plots and the porosity profile. Lengths are
 * reported in µm, pressures and stresses in MPa, line loads in N/m, as the names of the summaries say.
 */
final class CompressionReport {
    private final CompressionRecord record;
    private final ResultSink sink;

    CompressionReport(CompressionRecord record, ResultSink sink) {
        this.record = record;
        this.sink = sink;
    }

    /**
     * Writes the report.
     *
     * @param densityScaling the density scaling s of the run [1]
     * @param speed          the tool's speed: the plate's, or the roll's translation [m/s]
     */
    void write(Protocol protocol, double densityScaling, double speed) {
        double hu = protocol.unloadedThickness();
        double hMin = minimumThickness(protocol);
        double[] max = atMaximum();
        summaries(hu, hMin, max);
        if (protocol instanceof RollProtocol pass) {
            roll(pass);
        }
        EngineNotes.of(record.engine).report(sink);
        sink.summary("steps", record.engine.steps(), "1");
        sink.summary("density_scaling", densityScaling, "1");
        inertia(protocol, densityScaling, speed, hMin, max);
        curves();
        profile(hu);
    }

    /**
     * @return the strip's thickness at maximum load: under a roll its mean surface under the roll (the gap touches
     *         the particle tops and lies above it), measured as the thickness before and after the pass is; under a
     *         plate the smallest thickness the plate imposed [m]
     */
    private double minimumThickness(Protocol protocol) {
        return record.stripAtMaximum != null && !Double.isNaN(record.stripAtMaximum[2]) ? record.stripAtMaximum[2]
                : protocol.minimumThickness();
    }

    /** @return the row of maximum load, or the last row */
    private double[] atMaximum() {
        return record.atMaximum != null ? record.atMaximum : record.rows.get(record.rows.size() - 1);
    }

    /** Thicknesses, spring-back, porosities, compaction, pressure, coordination, fabric, stress, bond breakage. */
    private void summaries(double hu, double hMin, double[] max) {
        DemEngine e = record.engine;
        sink.summary("initial_thickness_um", record.h0 * 1e6, "um");
        sink.summary("minimum_thickness_um", hMin * 1e6, "um");
        sink.summary("final_thickness_um", hu * 1e6, "um");
        sink.summary("spring_back_percent", 100 * (hu - hMin) / hMin, "%");
        sink.summary("initial_porosity", record.porosity(record.h0), "1");
        sink.summary("porosity_at_max_load", record.roll != null ? max[5] : record.porosity(hMin), "1");
        sink.summary("final_porosity", record.porosity(hu), "1");
        sink.summary("compaction_degree_at_max_load", 1 - hMin / record.h0, "1");
        sink.summary("final_compaction_degree", 1 - hu / record.h0, "1");
        sink.summary("max_pressure_MPa", record.maxPressure / 1e6, "MPa");
        sink.summary("coordination_at_max_load", max[6], "1");
        sink.summary("coordination_final", record.rows.get(record.rows.size() - 1)[6], "1");
        sink.summary("bonded_pairs_apart_final", ContactStatistics.of(e, Math.max(hu, 1e-300)).bondedApart(), "1");
        sink.summary("fabric_dev_zz_at_max_load", max[9], "1");
        sink.summary("stress_zz_at_max_load_MPa", max[12], "MPa");
        if (e.bondsFormed() > 0) {
            sink.summary("bonds_formed", e.bondsFormed(), "1");
            sink.summary("bond_breakage_fraction",
                    (double) (e.bondsFormed() - e.bondsIntact() - e.bondsReleased()) / e.bondsFormed(), "1");
        }
    }

    /**
     * Roll mode: the measured porosity and stress under the roll beside what the gap implies, the mean surface
     * heights, the particles left on top, the line load and the nip contact pressure profile (table and plot).
     */
    private void roll(RollProtocol pass) {
        DemEngine e = record.engine;
        sink.summary("nip_window_width_um", 2 * record.windowHalfWidth * 1e6, "um");
        if (record.stripAtMaximum != null) {
            sink.summary("porosity_at_max_load_gap_implied", record.stripAtMaximum[0], "1");
            sink.summary("stress_zz_at_max_load_strip_MPa", record.stripAtMaximum[1] / 1e6, "MPa");
        }
        if (record.atMaximum != null) {
            // the compression curve's pressure: |F_z| over the entry arc, at the maximum-load step
            sink.summary("nip_pressure_at_max_load_MPa", record.atMaximum[3], "MPa");
        }
        sink.summary("initial_highest_particle_top_um", record.initialTop * 1e6, "um");
        sink.summary("roll_gap_um", pass.minimumThickness() * 1e6, "um");
        sink.summary("compaction_degree_of_gap", 1 - pass.minimumThickness() / record.h0, "1");
        SurfaceHeight surface = pass.surface(e);
        sink.summary("highest_particle_top_final_um", e.particles().top() * 1e6, "um");
        sink.summary("particles_above_surface", surface.countAbove(e.particles()), "1");
        NipProfile steady = pass.steadyProfile();
        NipProfile peak = pass.maximumLoadProfile();
        double q = steady.lineLoad();
        sink.summary("line_load_N_per_m", q, "N/m");
        sink.summary("line_load_at_max_load_N_per_m", peak.lineLoad(), "N/m");
        sink.summary("nip_contact_length_um", steady.contactLength() * 1e6, "um");
        sink.summary("nip_entry_length_um", pass.entryLength() * 1e6, "um");
        sink.summary("nip_mean_pressure_MPa", steady.contactLength() > 0 ? q / steady.contactLength() / 1e6 : 0,
                "MPa");
        sink.summary("nip_profile_steps", steady.steps(), "1");
        double[] x = steady.positions();
        double[] pSteady = steady.pressures();
        double[] pMax = peak.pressures();
        double[] xUm = new double[x.length];
        double peakSteady = 0;
        for (int k = 0; k < x.length; k++) {
            xUm[k] = Math.rint(x[k] * 1e12) / 1e6; // to the picometre: bin centres without rounding noise
            pSteady[k] /= 1e6;
            pMax[k] /= 1e6;
            peakSteady = Math.max(peakSteady, pSteady[k]);
        }
        sink.summary("nip_peak_pressure_MPa", peakSteady, "MPa");
        sink.table("nip-pressure", Table.builder().column("x_from_roll_axis", "um", xUm)
                .column("pressure_steady", "MPa", pSteady).column("pressure_at_max_load", "MPa", pMax).build());
        sink.plot(new Plot("nip-pressure", String.format("Contact pressure under the roll (line load %.3g N/m, "
                + "bins %.2g um; + x: ahead of the roll)", q, steady.binWidth() * 1e6),
                "x from the roll axis [um]", "contact pressure [MPa]",
                List.of(new Series(String.format("mean over the steady pass (%d steps)", steady.steps()), xUm,
                        pSteady, Series.Style.LINE),
                        new Series("at maximum load (halfway)", xUm, pMax, Series.Style.LINE))));
    }

    /** The inertial number at maximum load and whether the run was quasi-static (I &lt; 10⁻³). */
    private void inertia(Protocol protocol, double densityScaling, double speed, double hMin, double[] max) {
        DemEngine e = record.engine;
        // inertial number at maximum load: I = γ̇ d √(ρ/P) (GDR MiDi 2004); γ̇ = v/h under a plate, under a roll
        // the strain Δh/gap over the time l_e/v_r the strip takes through the entry length, P the mean nip pressure
        double rho = e.particles().mass(0) / (4.0 / 3.0 * Math.PI * Math.pow(e.particles().radius(0), 3));
        double p = max[3] * 1e6;
        double rate = speed / hMin;
        if (protocol instanceof RollProtocol pass) { // the steady mean nip pressure: the halfway step may be a lull
            NipProfile steady = pass.steadyProfile();
            p = steady.contactLength() > 0 ? steady.lineLoad() / steady.contactLength() : 0;
            rate = pass.strainRate();
        }
        double inertial = p > 0 ? rate * record.d50 * Math.sqrt(rho / p) : Double.POSITIVE_INFINITY;
        sink.summary("inertial_number_at_max_load", inertial, "1");
        sink.note("quasi_static", inertial < 1e-3
                ? String.format("yes: inertial number %.2g < 1e-3 at maximum load", inertial)
                : String.format("NO: inertial number %.2g >= 1e-3 at maximum load; inertia (density scaling %.3g, "
                        + "speed %.3g m/s) distorts the result: lower the speed or the density scaling", inertial,
                        densityScaling, speed));
    }

    /** The compression table and its plots: pressure–thickness, porosity, fabric and stress during loading. */
    private void curves() {
        double[][] columns = new double[CompressionRecord.COLUMNS.length][];
        Table.Builder table = Table.builder();
        for (int c = 0; c < CompressionRecord.COLUMNS.length; c++) {
            columns[c] = column(c);
            table.column(CompressionRecord.COLUMNS[c], CompressionRecord.UNITS[c], columns[c]);
        }
        sink.table("compression", table.build());
        double[][] load = split(2, 3, true);
        double[][] unload = split(2, 3, false);
        sink.plot(new Plot("pressure-thickness", "Calendering: pressure against thickness", "thickness [um]",
                "pressure [MPa]", List.of(new Series("loading", load[0], load[1], Series.Style.LINE),
                        new Series("hold and unloading", unload[0], unload[1], Series.Style.LINE))));
        double[][] porosityLoad = split(4, 5, true);
        sink.plot(new Plot("porosity-compaction", "Porosity against degree of compaction (loading)",
                "degree of compaction 1 - h/h0 [1]", "porosity [1]",
                List.of(new Series("DEM", porosityLoad[0], porosityLoad[1], Series.Style.LINE))));
        double[][] porosityPressure = split(3, 5, true);
        sink.plot(new Plot("porosity-pressure", "Porosity against pressure (loading)", "pressure [MPa]",
                "porosity [1]", List.of(new Series("DEM", porosityPressure[0], porosityPressure[1],
                        Series.Style.LINE))));
        double[][] fx = split(3, 7, true);
        double[][] fy = split(3, 8, true);
        double[][] fz = split(3, 9, true);
        sink.plot(new Plot("fabric", "Deviatoric fabric tensor (eq 15) during loading", "pressure [MPa]",
                "fabric deviator [1]", List.of(new Series("xx", fx[0], fx[1], Series.Style.LINE),
                        new Series("yy", fy[0], fy[1], Series.Style.LINE),
                        new Series("zz", fz[0], fz[1], Series.Style.LINE))));
        double[][] sx = split(3, 10, true);
        double[][] sy = split(3, 11, true);
        double[][] sz = split(3, 12, true);
        sink.plot(new Plot("stress", "Stress tensor (eq 16) during loading", "plate pressure [MPa]",
                "stress [MPa]", List.of(new Series("xx", sx[0], sx[1], Series.Style.LINE),
                        new Series("yy", sy[0], sy[1], Series.Style.LINE),
                        new Series("zz", sz[0], sz[1], Series.Style.LINE))));
    }

    /** The porosity profile through the calendered coating, up to the thickness {@code hu} or the highest top. */
    private void profile(double hu) {
        DemEngine e = record.engine;
        int bins = 20;
        double top = Math.max(hu, e.particles().top());
        double[] profile = SolidFraction.porosityProfile(e.particles(), 0, top, e.box().area(), bins);
        double[] height = new double[bins];
        for (int k = 0; k < bins; k++) {
            height[k] = (k + 0.5) * top / bins * 1e6;
        }
        sink.table("porosity-profile", Table.builder().column("height", "um", height)
                .column("sphere_porosity", "1", profile).build());
        sink.plot(new Plot("porosity-profile", "Porosity through the calendered coating (spheres)",
                "height above collector [um]", "porosity [1]",
                List.of(new Series("calendered", height, profile, Series.Style.LINE))));
    }

    /** @return column {@code c} of the compression curve, one value per sample */
    private double[] column(int c) {
        double[] v = new double[record.rows.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = record.rows.get(k)[c];
        }
        return v;
    }

    /**
     * @return the points (x column, y column) of the samples while loading (phase 0), or while holding and unloading
     *         (phases 1 and 2)
     */
    private double[][] split(int xColumn, int yColumn, boolean loading) {
        List<double[]> pts = new ArrayList<>();
        for (double[] r : record.rows) {
            if ((r[1] == 0) == loading && (loading || r[1] == 1 || r[1] == 2)) {
                pts.add(new double[] {r[xColumn], r[yColumn]});
            }
        }
        double[] x = new double[pts.size()];
        double[] y = new double[pts.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = pts.get(k)[0];
            y[k] = pts.get(k)[1];
        }
        return new double[][] {x, y};
    }
}
