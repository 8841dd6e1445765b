package org.calsim.dem.calendering;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.calsim.api.stage.StageContext;
import org.calsim.api.structure.PackingSeries;
import org.calsim.api.structure.ParticlePacking;
import org.calsim.dem.analysis.ContactStatistics;
import org.calsim.dem.analysis.NipWindow;
import org.calsim.dem.engine.DemEngine;
import org.calsim.dem.engine.Particles;
import org.calsim.dem.engine.RollWall;
import org.calsim.dem.output.VtkParticles;

/**
 * The compression curve of a calendering run: one row per sample with the tool thickness, pressure,
 * degree of compaction (eq 3), porosity, coordination number, deviatoric fabric (eq 15) and stress (eq 16)
 * diagonals, intact bond fraction and kinetic energy, the maximum load, the snapshots of the calendering series and the
 * names of the VTK snapshots written; it saves and restores itself for a checkpoint. {@link CompressionReport} makes
 * the stage's results from it.
 *
 * <p>Under a plate the porosity is 1 − V_solid/(Lx Ly h) and the stress the Love–Weber sum over the whole
 * box divided by Lx Ly h: the plate compresses all of it. Under a roll ({@link #measureUnderRoll}) both are
 * measured in a {@link NipWindow} under the roll axis — the solid of the particles there and the contacts
 * there — so that they say what the strip under the roll does, not what the gap implies; the whole-strip
 * values over Lx Ly·gap are reported beside them. Coordination and fabric are always of the whole packing.
 */
final class CompressionRecord {
    static final String[] COLUMNS = {"step", "phase", "thickness", "pressure", "compaction_degree",
        "porosity", "coordination", "fabric_dev_xx", "fabric_dev_yy", "fabric_dev_zz", "stress_xx", "stress_yy",
        "stress_zz", "bonds_intact_fraction", "kinetic_energy"};
    static final String[] UNITS = {"1", "1", "um", "MPa", "1", "1", "1", "1", "1", "1", "MPa", "MPa", "MPa",
        "1", "J"};

    final DemEngine engine;
    private final double solidVolume;
    final double h0;
    final double d50;
    final List<double[]> rows = new ArrayList<>();
    double maxPressure;
    double[] atMaximum;
    // calendering series: positions, thickness, pressure and compaction at each snapshot
    private final List<double[]> seriesPositions = new ArrayList<>();
    private final List<double[]> seriesState = new ArrayList<>();
    // VTK snapshots written so far, in order (a checkpoint keeps copies, so a resumed run publishes them all)
    private final List<String> vtkFiles = new ArrayList<>();
    // roll mode: the window under the roll (null under a plate)
    RollWall roll;
    double windowHalfWidth;
    private double[] solidFraction;
    private double amExtra;
    double initialTop;
    // roll mode at maximum load: porosity and σ_zz [Pa] of the whole strip over Lx Ly·gap, and its mean surface height
    // under the roll (the cells of the window) [m]
    double[] stripAtMaximum;

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
    PackingSeries series(List<String> materials) {
        Particles p = engine.particles();
        int n = p.size();
        double[] radius = new double[n];
        int[] type = new int[n];
        for (int i = 0; i < n; i++) {
            radius[i] = p.radius(i);
            type[i] = p.type(i);
        }
        List<ParticlePacking> packings = new ArrayList<>();
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
            packings.add(new ParticlePacking(x, y, z, radius, type, materials,
                    engine.box().lx(), engine.box().ly(), seriesState.get(s)[0]));
            pressures[s] = seriesState.get(s)[1];
            compaction[s] = seriesState.get(s)[2];
        }
        return new PackingSeries(packings, pressures, compaction);
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
}
