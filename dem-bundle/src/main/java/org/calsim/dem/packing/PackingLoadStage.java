package org.calsim.dem.packing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.stage.Key;
import org.calsim.api.stage.Parameter;
import org.calsim.api.stage.Parameters;
import org.calsim.api.stage.ResultSink;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.SimulationState;
import org.calsim.api.stage.Solver;
import org.calsim.api.stage.StageContext;
import org.calsim.api.structure.ParticlePacking;
import org.osgi.service.component.annotations.Component;

/**
 * {@code packing.load}: a particle packing from a file, as the source of a job's structure (instead of
 * {@code dem.generate}).
 *
 * <p><b>Formats.</b> {@code lammps-dump}: a LAMMPS or LIGGGHTS text dump ({@link LammpsDump}; e.g.
 * {@code dump custom ... id type x y z radius}), box and periodicity from its {@code BOX BOUNDS} header, lengths in
 * the deck's unit {@code length_unit} (m for the SI units of granular decks, the default; mm; um). {@code csv}:
 * {@code x_um,y_um,z_um,radius_um,type} with each length's unit in its column name ({@link SphereCsv}); the box
 * lengths in x and y are job fields ({@code box_x_um}, {@code box_y_um}).
 *
 * <p><b>Phases.</b> Every type number in the file must be listed in {@code active_types} (active material, AM) or
 * {@code cbd_types} (carbon-binder domain, CBD). In the packing AM is type 0 with material {@code active_material}
 * (default: the recipe's), CBD type 1 with {@code cbd_material}, as {@code dem.generate} gives them.
 *
 * <p><b>Geometry.</b> calsim's coating is periodic in x and y with the current collector at z = 0: a dump's box
 * must be {@code pp pp} in x and y, and its lower z face fixed ({@code ff}, {@code fs} or {@code fm}): that face
 * becomes the collector. Coordinates are shifted so the box starts at 0. A centre outside the periodic box by at most
 * its radius is wrapped into it (a dump written between two re-neighbourings holds such atoms); farther out, or
 * outside the box in z, it is refused. The box must be at least twice the largest diameter wide (the DEM stages
 * need one nearest periodic image per pair). The packing's height {@code boxZ} is, as for a generated coating, the
 * coating thickness a micrometer measures, the highest sphere top max(z + r); the file's box height is reported
 * ({@code file_box_z_um}).
 *
 * <p><b>Reported</b>: particle counts per phase, box, thickness, smallest and largest radius, and the sphere
 * porosity 1 − Σ(4/3 π r³)/(Lx Ly h), every sphere counted as solid (a file holds no CBD nanoporosity; a recipe's
 * carbon and binder that are not spheres in the file are not counted).
 *
 * <p>All of the file is read and checked in {@link #validate}, before any stage runs: an unreadable file, a missing
 * column, an unmapped type, a box that is not periodic in x and y, a radius &le; 0, a sphere outside the box or no
 * sphere at all is reported naming the field, the file, the line and the column, never the file's text.
 */
@Component(service = Solver.class, property = ServiceProperties.NAME + "=" + PackingLoadStage.NAME)
public final class PackingLoadStage implements Solver {
    /** Stage name. */
    public static final String NAME = "packing.load";

    static final String FILE = "file";
    static final String FORMAT = "format";
    static final String LENGTH_UNIT = "length_unit";
    static final String BOX_X = "box_x_um";
    static final String BOX_Y = "box_y_um";
    static final String ACTIVE_TYPES = "active_types";
    static final String CBD_TYPES = "cbd_types";
    static final String ACTIVE_MATERIAL = "active_material";
    static final String CBD_MATERIAL = "cbd_material";

    static final String DUMP = "lammps-dump";
    static final String CSV = "csv";
    /** Metres per length unit of a dump, by {@code length_unit}. */
    static final Map<String, Double> DUMP_UNITS = Map.of("m", 1.0, "mm", 1e-3, "um", 1e-6);

    @Override
    public String description() {
        return "packing: loads a particle packing from a LAMMPS/LIGGGHTS dump or a CSV file (type to phase mapping, "
                + "periodic in x and y, collector at the bottom of the box): particle counts, box, thickness, porosity";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.file(FILE, "the packing: a LAMMPS/LIGGGHTS text dump (ITEM: ATOMS with type, x y z and "
                        + "radius) or a CSV file (format: csv)"),
                Parameter.choice(FORMAT, List.of(DUMP, CSV), "lammps-dump: box and periodicity from the BOX BOUNDS "
                        + "header (pp pp ff); csv: header x_um,y_um,z_um,radius_um,type (units m, mm or um), box "
                        + "from box_x_um and box_y_um").withDefault(DUMP),
                Parameter.choice(LENGTH_UNIT, List.of("m", "mm", "um"), "length unit of the dump (the deck's units; "
                        + "absent: m, the SI units of LIGGGHTS granular decks); a CSV names its units in its header")
                        .optional(),
                Parameter.number(BOX_X, "um", 1e-6, "csv: periodic box length in x (the x column runs from 0 to it)")
                        .positive().optional(),
                Parameter.number(BOX_Y, "um", 1e-6, "csv: periodic box length in y").positive().optional(),
                Parameter.numbers(ACTIVE_TYPES, "1", 1, "type numbers of the file that are active material"),
                Parameter.numbers(CBD_TYPES, "1", 1, "type numbers of the file that are carbon-binder domain")
                        .optional(),
                Parameter.text(ACTIVE_MATERIAL, "material of the active-material spheres; absent: the recipe's "
                        + "active_material").optional(),
                Parameter.text(CBD_MATERIAL, "material of the carbon-binder spheres (cbd_types)").withDefault("PVDF"));
    }

    @Override
    public void validate(Parameters par, SimulationState inputs) {
        load(par, checkFields(par, inputs));
    }

    /**
     * The checks that do not read the file.
     *
     * @return the type mapping
     */
    private static Map<Integer, Integer> checkFields(Parameters par, SimulationState inputs) {
        boolean csv = CSV.equals(par.text(FORMAT));
        if (csv) {
            if (par.isSet(LENGTH_UNIT)) {
                throw new InvalidInputException(par.fieldPath(LENGTH_UNIT), par.text(LENGTH_UNIT), "no value with "
                        + "format: csv: a CSV file names the unit of each length column in its header (x_um, ...)");
            }
            for (String box : List.of(BOX_X, BOX_Y)) {
                if (!par.isSet(box)) {
                    throw new InvalidInputException(par.fieldPath(box), null, "a box length > 0 um with format: "
                            + "csv (a CSV file has no box; its x and y run from 0 to box_x_um and box_y_um)");
                }
            }
        } else {
            for (String box : List.of(BOX_X, BOX_Y)) {
                if (par.isSet(box)) {
                    throw new InvalidInputException(par.fieldPath(box), par.number(box) * 1e6, "no value with format: "
                            + DUMP + " (the dump's BOX BOUNDS give the box)");
                }
            }
        }
        Map<Integer, Integer> phases = phases(par);
        if (!par.isSet(ACTIVE_MATERIAL) && inputs.find(ElectrodeRecipe.KEY).isEmpty()) {
            throw new InvalidInputException(par.fieldPath(ACTIVE_MATERIAL), null, "a material name (there is no "
                    + "recipe whose active_material it could default to)");
        }
        return phases;
    }

    @Override
    public Set<Key<?>> needs(Parameters parameters) {
        return parameters.isSet(ACTIVE_MATERIAL) ? Set.of() : Set.of(ElectrodeRecipe.KEY);
    }

    @Override
    public Set<Key<?>> gives(Parameters parameters) {
        return Set.of(ParticlePacking.KEY);
    }

    @Override
    public void run(StageContext context) {
        Parameters par = context.parameters();
        Map<Integer, Integer> phases = checkFields(par, context.state());
        context.progress(0, "reading " + par.file(FILE).getFileName());
        Loaded loaded = load(par, phases);
        String am = par.isSet(ACTIVE_MATERIAL) ? par.text(ACTIVE_MATERIAL)
                : context.state().get(ElectrodeRecipe.KEY).activeMaterial();
        List<String> materials = par.isSet(CBD_TYPES) ? List.of(am, par.text(CBD_MATERIAL)) : List.of(am);
        ParticlePacking packing = loaded.packing(materials);
        context.give(ParticlePacking.KEY, packing);
        report(context.results(), par, loaded, packing);
    }

    /**
     * The job's type mapping: file type number → packing type (0 AM, 1 CBD).
     *
     * @throws InvalidInputException if a type is not a whole number or is listed twice
     */
    private static Map<Integer, Integer> phases(Parameters par) {
        Map<Integer, Integer> phases = new LinkedHashMap<>();
        for (String list : par.isSet(CBD_TYPES) ? List.of(ACTIVE_TYPES, CBD_TYPES) : List.of(ACTIVE_TYPES)) {
            double[] types = par.numbers(list);
            for (int k = 0; k < types.length; k++) {
                double t = types[k];
                if (t != Math.rint(t) || Math.abs(t) > Integer.MAX_VALUE) {
                    throw new InvalidInputException(par.fieldPath(list) + "[" + k + "]", t,
                            "a whole type number, as the file writes it");
                }
                Integer before = phases.putIfAbsent((int) t, list.equals(ACTIVE_TYPES) ? 0 : 1);
                if (before != null) {
                    throw new InvalidInputException(par.fieldPath(list) + "[" + k + "]", (int) t, "a type listed "
                            + "once, in either active_types or cbd_types");
                }
            }
        }
        return phases;
    }

    /** The spheres read and checked, in calsim's frame. */
    private record Loaded(SphereTable table, double[] x, double[] y, double[] z, int[] type, double lx, double ly,
                          double fileHeight, int wrapped) {

        ParticlePacking packing(List<String> materials) {
            double top = 0;
            for (int i = 0; i < x.length; i++) {
                top = Math.max(top, z[i] + table.radius()[i]);
            }
            return new ParticlePacking(x, y, z, table.radius(), type, materials, lx, ly, top);
        }
    }

    /**
     * Reads the file and checks every sphere against the mapping and the box.
     *
     * @throws InvalidInputException naming the field and, for a problem in the file, its line and column
     */
    private static Loaded load(Parameters par, Map<Integer, Integer> phases) {
        Path file = par.file(FILE);
        String field = par.fieldPath(FILE);
        SphereTable t = CSV.equals(par.text(FORMAT)) ? SphereCsv.read(file, field, par.number(BOX_X),
                par.number(BOX_Y)) : LammpsDump.read(file, field, DUMP_UNITS.get(par.isSet(LENGTH_UNIT)
                        ? par.text(LENGTH_UNIT) : "m"));
        int n = t.size();
        if (n == 0) {
            throw InvalidInputException.inFile(field, file, 0, 0, "a packing of at least one sphere");
        }
        double lx = t.hi()[0] - t.lo()[0];
        double ly = t.hi()[1] - t.lo()[1];
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        int[] type = new int[n];
        int wrapped = 0;
        double largest = 0;
        for (int i = 0; i < n; i++) {
            Integer phase = phases.get(t.type()[i]);
            if (phase == null) {
                throw new InvalidInputException(par.fieldPath(ACTIVE_TYPES) + ", " + CBD_TYPES, mapping(par),
                        String.format("a phase for every type in %s: type %d (first at line %d) is in neither "
                                + "active_types nor cbd_types; the file has the types %s", file.getFileName(),
                                t.type()[i], t.line()[i], types(t)));
            }
            type[i] = phase;
            double r = t.radius()[i];
            if (!(r > 0)) {
                throw InvalidInputException.inFile(field, file, t.line()[i], t.columns()[SphereTable.RADIUS],
                        "a radius > 0 for every sphere");
            }
            largest = Math.max(largest, r);
            double[] c = {t.x()[i], t.y()[i]};
            double[] length = {lx, ly};
            for (int d = 0; d < 2; d++) {
                double u = c[d] - t.lo()[d];
                if (u < -r || u > length[d] + r) {
                    throw InvalidInputException.inFile(field, file, t.line()[i], t.columns()[d], String.format(
                            "a sphere centre inside the periodic box in %s, from %s to %s m (a centre at most its "
                                    + "radius outside is wrapped into it)", "xy".charAt(d), metres(t.lo()[d]),
                            metres(t.hi()[d])));
                }
                if (u < 0 || u >= length[d]) {
                    u -= Math.floor(u / length[d]) * length[d];
                    u = u >= length[d] ? 0 : u; // -tiny + L rounds to L
                    wrapped++;
                }
                c[d] = u;
            }
            x[i] = c[0];
            y[i] = c[1];
            double w = t.z()[i] - t.lo()[2];
            if (w < 0 || t.z()[i] > t.hi()[2]) {
                throw InvalidInputException.inFile(field, file, t.line()[i], t.columns()[SphereTable.Z],
                        t.boxLine() > 0 ? String.format("a sphere centre inside the box in z, from the collector "
                                + "(the lower box face, %s m) to %s m", metres(t.lo()[2]), metres(t.hi()[2]))
                                : "a sphere centre at z >= 0, above the current collector");
            }
            z[i] = w;
        }
        if (Math.min(lx, ly) < 4 * largest) {
            String what = t.boxLine() > 0 ? String.format("its box (BOX BOUNDS, line %d)", t.boxLine())
                    : "box_x_um and box_y_um";
            throw new InvalidInputException(t.boxLine() > 0 ? field : par.fieldPath(BOX_X) + ", " + BOX_Y,
                    "a box of " + metres(lx) + " x " + metres(ly) + " m", String.format("for %s, %s at least "
                            + "twice the largest sphere diameter (%s m) wide in x and y, so that every pair of "
                            + "spheres has one nearest periodic image", file.getFileName(), what, metres(2 * largest)));
        }
        return new Loaded(t, x, y, z, type, lx, ly, t.hi()[2] - t.lo()[2], wrapped);
    }

    /** @return a length in m to 12 significant digits, without the unit conversion's last-digit noise */
    private static String metres(double v) {
        return Double.toString(Double.parseDouble(String.format(Locale.ROOT, "%.12g", v)));
    }

    /** The job's mapping as written, for messages. */
    private static String mapping(Parameters par) {
        String s = "active_types " + whole(par.numbers(ACTIVE_TYPES));
        return par.isSet(CBD_TYPES) ? s + ", cbd_types " + whole(par.numbers(CBD_TYPES)) : s;
    }

    private static String whole(double[] values) {
        return Arrays.toString(Arrays.stream(values).mapToLong(v -> (long) v).toArray());
    }

    /** @return the distinct type numbers of the file, at most 20, as text */
    private static String types(SphereTable t) {
        TreeSet<Integer> types = new TreeSet<>();
        for (int v : t.type()) {
            types.add(v);
        }
        List<Integer> shown = new ArrayList<>(types).subList(0, Math.min(20, types.size()));
        return shown.toString() + (types.size() > 20 ? " and " + (types.size() - 20) + " more" : "");
    }

    private static void report(ResultSink sink, Parameters par, Loaded loaded, ParticlePacking packing) {
        int am = 0;
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (int i = 0; i < packing.size(); i++) {
            am += packing.type()[i] == 0 ? 1 : 0;
            smallest = Math.min(smallest, packing.radius()[i]);
            largest = Math.max(largest, packing.radius()[i]);
        }
        double h = packing.boxZ();
        double area = packing.boxX() * packing.boxY();
        sink.summary("particles", packing.size(), "1");
        sink.summary("am_particles", am, "1");
        sink.summary("cbd_particles", packing.size() - am, "1");
        sink.summary("box_x_um", packing.boxX() * 1e6, "um");
        sink.summary("box_y_um", packing.boxY() * 1e6, "um");
        sink.summary("thickness_um", h * 1e6, "um");
        sink.summary("porosity", 1 - packing.solidVolume() / (area * h), "1");
        sink.summary("smallest_radius_um", smallest * 1e6, "um");
        sink.summary("largest_radius_um", largest * 1e6, "um");
        if (Double.isFinite(loaded.fileHeight())) {
            sink.summary("file_box_z_um", loaded.fileHeight() * 1e6, "um");
        }
        sink.summary("wrapped_centres", loaded.wrapped(), "1");
        String unit = CSV.equals(par.text(FORMAT)) ? "the units of its header"
                : "length unit " + (par.isSet(LENGTH_UNIT) ? par.text(LENGTH_UNIT) : "m (SI, the default)");
        sink.note("packing_source", String.format("%s: %s, %s; types %s; current collector at z = 0 (a dump's lower box face); "
                + "thickness max(z + r); porosity counts every sphere as solid (no CBD nanoporosity, no carbon or "
                + "binder that is not a sphere in the file)", par.file(FILE).getFileName(), loaded.table().source(),
                unit, mapping(par)));
    }
}
