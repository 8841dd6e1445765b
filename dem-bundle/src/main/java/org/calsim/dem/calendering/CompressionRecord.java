package org.calsim.dem.calendering;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.calsim.api.data.Plot;
import org.calsim.api.data.Series;
import org.calsim.api.data.Table;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.stage.StageContext;
import org.calsim.dem.analysis.ContactStatistics;
import org.calsim.dem.analysis.NipWindow;
import org.calsim.dem.analysis.SolidFraction;
import org.calsim.dem.analysis.SurfaceHeight;
import org.calsim.dem.engine.DemEngine;
import org.calsim.dem.engine.Particles;
import org.calsim.dem.engine.RollWall;
import org.calsim.dem.output.VtkParticles;

/**
 * The compression curve of a calendering run: one row per sample with the tool thickness, pressure,
 * degree of compaction (eq 3), porosity, coordination number, deviatoric fabric (eq 15) and stress (eq 16)
 * diagonals, intact bond fraction and kinetic energy; and the report made from it.
 *
 * <p>Under a plate the porosity is 1 − V_solid/(Lx Ly h) and the stress the Love–Weber sum over the whole
 * box divided by Lx Ly h: the plate compresses all of it. Under a roll ({@link #measureUnderRoll}) both are
 * measured in a {@link NipWindow} under the roll axis — the solid of the particles there and the contacts
 * there — so that they say what the strip under the roll does, not what the gap implies; the whole-strip
 * values over Lx Ly·gap are reported beside them. Coordination and fabric are always of the whole packing.
 */
final class CompressionRecord {
    private static final String[] COLUMNS = {"step", "phase", "thickness", "pressure", "compaction_degree",
        "porosity", "coordination", "fabric_dev_xx", "fabric_dev_yy", "fabric_dev_zz", "stress_xx", "stress_yy",
        "stress_zz", "bonds_intact_fraction", "kinetic_energy"};
    private static final String[] UNITS = {"1", "1", "um", "MPa", "1", "1", "1", "1", "1", "1", "MPa", "MPa", "MPa",
        "1", "J"};

    private final DemEngine engine;
    private final double solidVolume;
    private final double h0;
    private final double d50;
    private final List<double[]> rows = new ArrayList<>();
    private double maxPressure;
    private double[] atMaximum;
    // calendering series: positions, thickness, pressure and compaction at each snapshot
    private final List<double[]> seriesPositions = new ArrayList<>();
    private final List<double[]> seriesState = new ArrayList<>();
    // VTK snapshots written so far, in order (a checkpoint keeps copies, so a resumed run publishes them all)
    private final List<String> vtkFiles = new ArrayList<>();
    // roll mode: the window under the roll (null under a plate)
    private RollWall roll;
    private double windowHalfWidth;
    private double[] solidFraction;
    private double amExtra;
    private double initialTop;
    // roll mode at maximum load: porosity and σ_zz [Pa] of the whole strip over Lx Ly·gap, and its mean surface height
    // under the roll (the cells of the window) [m]
    private double[] stripAtMaximum;

    /**
     * @param solidVolume volume of solid (AM and the solid part of the CBD) [m³]
     * @param h0          thickness before calendering [m]: the highest particle top under a plate, the mean surface
     *                    height under a roll
     */
    CompressionRecord(DemEngine engine, double solidVolume, double h0, double d50) {
        this.engine = engine;
        this.solidVolume = solidVolume;
        this.h0 = h0;
        this.d50 = d50;
    }

    /**
     * Measures porosity and stress in a window under the roll from now on (roll mode).
     *
     * @param halfWidth     half-width of the window in x [m]
     * @param solidFraction solid fraction of each particle type [1]
     * @param amExtra       solid volume carried with each volume of active material (CBD as bonds) [1]
     * @param top           highest particle top before the pass [m]
     */
    void measureUnderRoll(RollWall rollWall, double halfWidth, double[] solidFraction, double amExtra,
                          double top) {
        this.roll = rollWall;
        this.initialTop = top;
        this.windowHalfWidth = halfWidth;
        this.solidFraction = solidFraction.clone();
        this.amExtra = amExtra;
    }

    /** @return the measuring window under the roll now */
    private NipWindow window() {
        return new NipWindow(engine.box(), roll.centreX(), windowHalfWidth, roll.bottom(), roll.radius());
    }

    /** @return porosity 1 − V_solid / (Lx Ly h) at thickness h [1] */
    double porosity(double h) {
        return 1 - solidVolume / (engine.box().area() * h);
    }

    /** @return the largest pressure recorded [Pa] */
    double maxPressure() {
        return maxPressure;
    }

    void sample(Protocol protocol) {
        double h = protocol.toolThickness();
        ContactStatistics s = ContactStatistics.of(engine, Math.max(h, 1e-300));
        int formed = engine.bondsFormed();
        double porosity = porosity(h);
        double[] stress = {s.stress(0, 0), s.stress(1, 1), s.stress(2, 2)};
        double nip = Double.NaN;
        if (protocol instanceof RollProtocol pass && h > 0) {
            // the strip under the roll as the profilometer sees it before and after the pass: the solid in the
            // window over the window's area times the mean surface height there (not up to the roll, which
            // touches only the highest particles)
            NipWindow window = window();
            nip = pass.surface(engine).meanNear(roll.centreX(), windowHalfWidth);
            porosity = 1 - window.solidVolume(engine.particles(), solidFraction, amExtra)
                    / (2 * windowHalfWidth * engine.box().ly() * nip);
            double[] sigma = window.stress(engine);
            stress = new double[] {sigma[0], sigma[4], sigma[8]};
        }
        double[] row = {engine.steps(), protocol.phase(), h * 1e6, protocol.pressure() / 1e6, 1 - h / h0,
            porosity, s.coordination(), s.fabricDeviator(0, 0), s.fabricDeviator(1, 1), s.fabricDeviator(2, 2),
            stress[0] / 1e6, stress[1] / 1e6, stress[2] / 1e6,
            formed == 0 ? Double.NaN : (double) engine.bondsIntact() / formed, engine.particles().kineticEnergy()};
        rows.add(row);
        maxPressure = Math.max(maxPressure, protocol.pressure());
        if (protocol.justReachedMaximum()) {
            atMaximum = row;
            stripAtMaximum = roll != null ? new double[] {porosity(h), s.stress(2, 2), nip} : null;
        }
    }

    /** Records a snapshot of the packing for the calendering series (positions, thickness, pressure, Π). */
    void snapshot(Protocol protocol, double thickness) {
        Particles p = engine.particles();
        double[] xyz = new double[3 * p.size()];
        for (int i = 0; i < p.size(); i++) {
            xyz[3 * i] = p.x(i);
            xyz[3 * i + 1] = p.y(i);
            xyz[3 * i + 2] = p.z(i);
        }
        seriesPositions.add(xyz);
        seriesState.add(new double[] {thickness, protocol.pressure(), 1 - thickness / h0});
    }

    /** @return number of series snapshots so far */
    int snapshots() {
        return seriesPositions.size();
    }

    /** @return the calendering series (radii and types from the engine's particles) */
    org.calsim.api.structure.PackingSeries series(List<String> materials) {
        Particles p = engine.particles();
        int n = p.size();
        double[] radius = new double[n];
        int[] type = new int[n];
        for (int i = 0; i < n; i++) {
            radius[i] = p.radius(i);
            type[i] = p.type(i);
        }
        List<org.calsim.api.structure.ParticlePacking> packings = new ArrayList<>();
        double[] pressures = new double[seriesState.size()];
        double[] compaction = new double[seriesState.size()];
        for (int s = 0; s < seriesState.size(); s++) {
            double[] xyz = seriesPositions.get(s);
            double[] x = new double[n];
            double[] y = new double[n];
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = xyz[3 * i];
                y[i] = xyz[3 * i + 1];
                z[i] = xyz[3 * i + 2];
            }
            packings.add(new org.calsim.api.structure.ParticlePacking(x, y, z, radius, type, materials,
                    engine.box().lx(), engine.box().ly(), seriesState.get(s)[0]));
            pressures[s] = seriesState.get(s)[1];
            compaction[s] = seriesState.get(s)[2];
        }
        return new org.calsim.api.structure.PackingSeries(packings, pressures, compaction);
    }

    void vtk(StageContext context, String label) throws IOException {
        String name = "particles-" + label + ".vtp";
        VtkParticles.write(engine.particles(), context.results().file(name));
        if (!vtkFiles.contains(name)) {
            vtkFiles.add(name);
        }
    }

    /** @return the names of the VTK snapshots written so far (with those of the run a checkpoint came from) */
    List<String> vtkFiles() {
        return List.copyOf(vtkFiles);
    }

    void save(DataOutput out) throws IOException {
        out.writeInt(rows.size());
        for (double[] r : rows) {
            for (double v : r) {
                out.writeDouble(v);
            }
        }
        out.writeDouble(maxPressure);
        out.writeBoolean(atMaximum != null);
        if (atMaximum != null) {
            for (double v : atMaximum) {
                out.writeDouble(v);
            }
        }
        out.writeInt(seriesState.size());
        for (int s = 0; s < seriesState.size(); s++) {
            for (double v : seriesState.get(s)) {
                out.writeDouble(v);
            }
            double[] xyz = seriesPositions.get(s);
            out.writeInt(xyz.length);
            for (double v : xyz) {
                out.writeDouble(v);
            }
        }
        out.writeInt(vtkFiles.size());
        for (String name : vtkFiles) {
            out.writeUTF(name);
        }
        out.writeBoolean(stripAtMaximum != null);
        if (stripAtMaximum != null) {
            out.writeDouble(stripAtMaximum[0]);
            out.writeDouble(stripAtMaximum[1]);
            out.writeDouble(stripAtMaximum[2]);
        }
    }

    void load(DataInput in) throws IOException {
        rows.clear();
        int n = in.readInt();
        for (int k = 0; k < n; k++) {
            double[] r = new double[COLUMNS.length];
            for (int c = 0; c < r.length; c++) {
                r[c] = in.readDouble();
            }
            rows.add(r);
        }
        maxPressure = in.readDouble();
        if (in.readBoolean()) {
            atMaximum = new double[COLUMNS.length];
            for (int c = 0; c < atMaximum.length; c++) {
                atMaximum[c] = in.readDouble();
            }
        }
        seriesState.clear();
        seriesPositions.clear();
        int snapshots = in.readInt();
        for (int s = 0; s < snapshots; s++) {
            seriesState.add(new double[] {in.readDouble(), in.readDouble(), in.readDouble()});
            double[] xyz = new double[in.readInt()];
            for (int k = 0; k < xyz.length; k++) {
                xyz[k] = in.readDouble();
            }
            seriesPositions.add(xyz);
        }
        vtkFiles.clear();
        int names;
        try {
            names = in.readInt();
        } catch (EOFException olderCheckpoint) {
            names = 0; // written before checkpoints listed their VTK snapshots
        }
        for (int k = 0; k < names; k++) {
            vtkFiles.add(in.readUTF());
        }
        boolean strip;
        try {
            strip = in.readBoolean();
        } catch (EOFException olderCheckpoint) {
            strip = false; // written before roll mode measured under the roll
        }
        if (strip) {
            stripAtMaximum = new double[] {in.readDouble(), in.readDouble(), Double.NaN};
            try {
                stripAtMaximum[2] = in.readDouble();
            } catch (EOFException olderCheckpoint) {
                // written before roll mode measured the thickness under the roll: the gap stands for it
            }
        } else {
            stripAtMaximum = null;
        }
    }

    private double[] column(int c) {
        double[] v = new double[rows.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = rows.get(k)[c];
        }
        return v;
    }

    private double[][] split(int xColumn, int yColumn, boolean loading) {
        List<double[]> pts = new ArrayList<>();
        for (double[] r : rows) {
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

    /**
     * Roll mode: the measured porosity and stress under the roll beside what the gap implies, the mean surface
     * heights, the particles left on top, the line load and the nip contact pressure profile (table and plot).
     */
    private void reportRoll(ResultSink sink, RollProtocol pass) {
        DemEngine e = engine;
        sink.summary("nip_window_width_um", 2 * windowHalfWidth * 1e6, "um");
        if (stripAtMaximum != null) {
            sink.summary("porosity_at_max_load_gap_implied", stripAtMaximum[0], "1");
            sink.summary("stress_zz_at_max_load_strip_MPa", stripAtMaximum[1] / 1e6, "MPa");
        }
        if (atMaximum != null) {
            // the compression curve's pressure: |F_z| over the entry arc, at the maximum-load step
            sink.summary("nip_pressure_at_max_load_MPa", atMaximum[3], "MPa");
        }
        sink.summary("initial_highest_particle_top_um", initialTop * 1e6, "um");
        sink.summary("roll_gap_um", pass.minimumThickness() * 1e6, "um");
        sink.summary("compaction_degree_of_gap", 1 - pass.minimumThickness() / h0, "1");
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

    void report(StageContext context, Protocol protocol, double densityScaling, double speed) {
        DemEngine e = engine;
        ResultSink sink = context.results();
        double hu = protocol.unloadedThickness();
        // under a roll, the strip's thickness at the nip is its mean surface under the roll at maximum load (the
        // gap touches the particle tops and lies above it), measured as the thickness before and after the pass is
        double hMin = stripAtMaximum != null && !Double.isNaN(stripAtMaximum[2]) ? stripAtMaximum[2]
                : protocol.minimumThickness();
        double[] max = atMaximum != null ? atMaximum : rows.get(rows.size() - 1);
        sink.summary("initial_thickness_um", h0 * 1e6, "um");
        sink.summary("minimum_thickness_um", hMin * 1e6, "um");
        sink.summary("final_thickness_um", hu * 1e6, "um");
        sink.summary("spring_back_percent", 100 * (hu - hMin) / hMin, "%");
        sink.summary("initial_porosity", porosity(h0), "1");
        sink.summary("porosity_at_max_load", roll != null ? max[5] : porosity(hMin), "1");
        sink.summary("final_porosity", porosity(hu), "1");
        sink.summary("compaction_degree_at_max_load", 1 - hMin / h0, "1");
        sink.summary("final_compaction_degree", 1 - hu / h0, "1");
        sink.summary("max_pressure_MPa", maxPressure / 1e6, "MPa");
        sink.summary("coordination_at_max_load", max[6], "1");
        sink.summary("coordination_final", rows.get(rows.size() - 1)[6], "1");
        sink.summary("bonded_pairs_apart_final", ContactStatistics.of(e, Math.max(hu, 1e-300)).bondedApart(), "1");
        sink.summary("fabric_dev_zz_at_max_load", max[9], "1");
        sink.summary("stress_zz_at_max_load_MPa", max[12], "MPa");
        if (e.bondsFormed() > 0) {
            sink.summary("bonds_formed", e.bondsFormed(), "1");
            sink.summary("bond_breakage_fraction",
                    (double) (e.bondsFormed() - e.bondsIntact() - e.bondsReleased()) / e.bondsFormed(), "1");
        }
        if (protocol instanceof RollProtocol pass) {
            reportRoll(sink, pass);
        }
        EngineNotes.of(e).report(sink);
        sink.summary("steps", e.steps(), "1");
        sink.summary("density_scaling", densityScaling, "1");
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
        double inertial = p > 0 ? rate * d50 * Math.sqrt(rho / p) : Double.POSITIVE_INFINITY;
        sink.summary("inertial_number_at_max_load", inertial, "1");
        sink.note("quasi_static", inertial < 1e-3
                ? String.format("yes: inertial number %.2g < 1e-3 at maximum load", inertial)
                : String.format("NO: inertial number %.2g >= 1e-3 at maximum load; inertia (density scaling %.3g, "
                        + "speed %.3g m/s) distorts the result: lower the speed or the density scaling", inertial,
                        densityScaling, speed));

        double[][] columns = new double[COLUMNS.length][];
        Table.Builder table = Table.builder();
        for (int c = 0; c < COLUMNS.length; c++) {
            columns[c] = column(c);
            table.column(COLUMNS[c], UNITS[c], columns[c]);
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
}
