package org.calsim.dem.packing;

import static org.calsim.api.material.MaterialProperty.DENSITY;
import static org.calsim.api.material.MaterialProperty.POISSON_RATIO;
import static org.calsim.api.material.MaterialProperty.YIELD_STRESS;
import static org.calsim.api.material.MaterialProperty.YOUNGS_MODULUS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.calsim.api.contact.ContactLaw;
import org.calsim.api.electrode.CoatingKeys;
import org.calsim.api.electrode.ElectrodeRecipe;
import org.calsim.api.stage.InvalidInputException;
import org.calsim.api.structure.ParticlePacking;
import org.calsim.api.testing.RecordingSink;
import org.calsim.api.testing.TestMaterial;
import org.calsim.api.testing.TestStageContext;
import org.calsim.api.testing.TestSwappable;
import org.calsim.dem.calendering.CalenderStage;
import org.calsim.dem.contact.HertzMindlinLaw;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * packing.load: the LIGGGHTS bed of the DEM benchmark ({@code bench/liggghts/settled.dump}) against an independent
 * reading of the file; CSV with units in the header; a dump in mm; every kind of bad input named by its field;
 * an imported bed calendered by dem.calender.
 */
class PackingLoadTest {
    static final Path SETTLED = Path.of("..", "bench", "liggghts", "settled.dump");
    /** The bed's material as the LIGGGHTS deck sets it (bench/liggghts/in.bench). */
    static final TestMaterial BEAD = TestMaterial.of("liggghts-bead", YOUNGS_MODULUS, 5e7, POISSON_RATIO, 0.3,
            DENSITY, 4650.0);
    static final TestMaterial PVDF = TestMaterial.of("PVDF", YOUNGS_MODULUS, 2e9, POISSON_RATIO, 0.35, DENSITY,
            1780.0, YIELD_STRESS, 50e6);
    static final TestMaterial STEEL = TestMaterial.of("steel-roll", YOUNGS_MODULUS, 210e9, POISSON_RATIO, 0.3,
            DENSITY, 7850.0);
    static final TestMaterial ALUMINIUM = TestMaterial.of("aluminium-foil", YOUNGS_MODULUS, 70e9, POISSON_RATIO,
            0.33, DENSITY, 2700.0);

    @TempDir
    Path dir;

    /** A recipe whose active material is the bed's; d50 10 mm (the bed's median is 6 mm: the stage uses its own). */
    static ElectrodeRecipe recipe() {
        return new ElectrodeRecipe("liggghts-bead", "LiPF6-EC-EMC", 0.96, 0.02, 0.02, 0.05,
                1 / (0.96 / 4650 + 0.02 / 1850 + 0.02 / 1780), 0.45, 10e-3, 180 * 3600.0);
    }

    static TestStageContext context() {
        return new TestStageContext().material(BEAD).material(PVDF).material(STEEL).material(ALUMINIUM)
                .with(ElectrodeRecipe.KEY, recipe())
                .service(ContactLaw.class, null, TestSwappable.of(new HertzMindlinLaw()));
    }

    static TestStageContext load(Map<String, ?> with) throws Exception {
        return context().run(new PackingLoadStage(), with);
    }

    /**
     * The LIGGGHTS bed: 10,000 spheres, 6000 of r = 3 mm, 3400 of 5 mm, 600 of 8 mm (by an independent reading of
     * the file below; also checked by hand with awk), box 0.25 x 0.25 m, highest top 0.1078 m and solid fraction
     * 0.556 as LIGGGHTS itself printed them (bench/liggghts/README.md: "top of the highest particle 0.1078 m; solid
     * volume / (A 0.1078 m) = 0.556"), so porosity 0.444.
     */
    @Test
    void theLiggghtsBedImportsWithItsCountRadiiBoxAndPorosity() throws Exception {
        TestStageContext c = load(Map.of("file", SETTLED, "active_types", List.of(1)));
        ParticlePacking p = c.given(ParticlePacking.KEY);

        // independent reading: the rows after the 9 header lines are "id type x y z radius"
        List<String> lines = Files.readAllLines(SETTLED);
        TreeMap<Double, Integer> byRadius = new TreeMap<>();
        double cubes = 0;
        double top = 0;
        for (String line : lines.subList(9, lines.size())) {
            String[] v = line.trim().split(" +");
            double r = Double.parseDouble(v[5]);
            byRadius.merge(r, 1, Integer::sum);
            cubes += r * r * r;
            top = Math.max(top, Double.parseDouble(v[4]) + r);
        }
        assertEquals(10_000, p.size());
        assertEquals(Map.of(0.003, 6000, 0.005, 3400, 0.008, 600), byRadius);
        TreeMap<Double, Integer> imported = new TreeMap<>();
        for (double r : p.radius()) {
            imported.merge(r, 1, Integer::sum);
        }
        assertEquals(byRadius, imported);
        assertEquals(0.25, p.boxX(), 1e-15);
        assertEquals(0.25, p.boxY(), 1e-15);
        assertEquals(top, p.boxZ(), 1e-15);
        assertEquals(0.1078, p.boxZ(), 5e-5, "LIGGGHTS: top of the highest particle");
        double porosity = 1 - 4.0 / 3.0 * Math.PI * cubes / (0.25 * 0.25 * top);
        RecordingSink s = c.sink();
        assertEquals(porosity, s.get("porosity"), 1e-12);
        assertEquals(1 - 0.556, s.get("porosity"), 5e-4, "LIGGGHTS: solid fraction 0.556");
        assertEquals(10_000, s.get("particles"));
        assertEquals(10_000, s.get("am_particles"));
        assertEquals(0, s.get("cbd_particles"));
        assertEquals(3000, s.get("smallest_radius_um"), 1e-9);
        assertEquals(8000, s.get("largest_radius_um"), 1e-9);
        assertEquals(500_000, s.get("file_box_z_um"), 1e-6);
        assertEquals(List.of("liggghts-bead"), p.materials());
        // the first row, as written: 1 1 0.06746 0.240678 0.0879184 0.008
        assertEquals(0.06746, p.x()[0]);
        assertEquals(0.240678, p.y()[0]);
        assertEquals(0.0879184, p.z()[0]);
        assertTrue(s.notes.get("packing_source").contains("timestep 72000"));
    }

    /** Each column in its own unit, extra columns, comments, quotes; types 1 and 2 mapped to AM and CBD. */
    @Test
    void aCsvFileGivesItsUnitsInTheHeader() throws Exception {
        Path csv = write("spheres.csv", """
                # two AM spheres and a CBD one
                id,"x_mm",y_um,z_m,radius_um,type
                1,0.010,20,0.000015,10,1
                2,0.050,60,0.000030,12,1
                3,0.030,40,0.000040,2.5,2
                """);
        TestStageContext c = load(Map.of("file", csv, "format", "csv", "box_x_um", 80, "box_y_um", 90,
                "active_types", List.of(1), "cbd_types", List.of(2), "active_material", "liggghts-bead"));
        ParticlePacking p = c.given(ParticlePacking.KEY);
        assertArrayEquals(new double[] {10e-6, 50e-6, 30e-6}, p.x(), 1e-18);
        assertArrayEquals(new double[] {20e-6, 60e-6, 40e-6}, p.y(), 1e-18);
        assertArrayEquals(new double[] {15e-6, 30e-6, 40e-6}, p.z(), 1e-18);
        assertArrayEquals(new double[] {10e-6, 12e-6, 2.5e-6}, p.radius(), 1e-18);
        assertArrayEquals(new int[] {0, 0, 1}, p.type());
        assertEquals(List.of("liggghts-bead", "PVDF"), p.materials());
        assertEquals(80e-6, p.boxX(), 1e-18);
        assertEquals(90e-6, p.boxY(), 1e-18);
        assertEquals(42.5e-6, p.boxZ(), 1e-18, "top of the CBD sphere, 40 + 2.5 um");
        assertEquals(2, c.sink().get("am_particles"));
        assertEquals(1, c.sink().get("cbd_particles"));
        double solid = 4.0 / 3.0 * Math.PI * (1000 + 1728 + 15.625) * 1e-18;
        assertEquals(1 - solid / (80e-6 * 90e-6 * 42.5e-6), c.sink().get("porosity"), 1e-12);
    }

    /**
     * A dump in mm (length_unit) with a shifted box, scaled coordinates not used, the radius given as a diameter,
     * an atom a little outside the periodic box (wrapped) and a second snapshot (the last is read).
     */
    @Test
    void aDumpInMillimetresIsConvertedShiftedAndWrapped() throws Exception {
        Path file = write("mm.dump", dump("pp pp ff", "-1 3", "2 6", "0.5 9", "id type x y z diameter",
                "1 1 0 3 2 1", "2 3 -1.2 4 1 0.5") + dump("pp pp fs", "-1 3", "2 6", "0.5 9",
                "id type x y z diameter", "1 1 2.9 5.9 0.6 1", "2 3 -1.2 4 3 0.6"));
        TestStageContext c = load(Map.of("file", file, "length_unit", "mm", "active_types", List.of(1, 3)));
        ParticlePacking p = c.given(ParticlePacking.KEY);
        assertArrayEquals(new double[] {3.9e-3, 3.8e-3}, p.x(), 1e-15, "x - x_lo, the second wrapped by Lx = 4 mm");
        assertArrayEquals(new double[] {3.9e-3, 2e-3}, p.y(), 1e-15);
        assertArrayEquals(new double[] {0.1e-3, 2.5e-3}, p.z(), 1e-15, "from the lower box face");
        assertArrayEquals(new double[] {0.5e-3, 0.3e-3}, p.radius(), 1e-15);
        assertEquals(4e-3, p.boxX(), 1e-15);
        assertEquals(2.8e-3, p.boxZ(), 1e-15);
        assertEquals(1, c.sink().get("wrapped_centres"));
        assertTrue(c.sink().notes.get("packing_source").contains("last of several"));
        assertTrue(c.sink().notes.get("packing_source").contains("length unit mm"));
    }

    static String dump(String flags, String x, String y, String z, String columns, String... rows) {
        return "ITEM: TIMESTEP\n100\nITEM: NUMBER OF ATOMS\n" + rows.length + "\nITEM: BOX BOUNDS " + flags + "\n"
                + x + "\n" + y + "\n" + z + "\nITEM: ATOMS " + columns + "\n" + String.join("\n", rows) + "\n";
    }

    Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Runs packing.load on a file, expecting bad input; checks the message names the field and never the text. */
    InvalidInputException refused(String file, String text, Map<String, Object> with, String field, String... says)
            throws IOException {
        Path f = write(file, text);
        Map<String, Object> m = new HashMap<>(Map.of("file", f, "active_types", List.of(1)));
        m.putAll(with);
        InvalidInputException x = assertThrows(InvalidInputException.class, () -> load(m));
        assertEquals(field, x.field(), x.getMessage());
        for (String s : says) {
            assertTrue(x.getMessage().contains(s), x.getMessage());
        }
        assertFalse(x.getMessage().contains("SECRET"), x.getMessage());
        return x;
    }

    static final String FILE = "stages[0].with.file";

    @Test
    void badInputIsRefusedBeforeWorkNamingTheField() throws Exception {
        refused("text.dump", "SECRET text that is no dump\n", Map.of(), FILE, "text.dump", "line 1", "LAMMPS");
        refused("empty.dump", "", Map.of(), FILE, "empty.dump", "items TIMESTEP");
        refused("noradius.dump", dump("pp pp ff", "0 1", "0 1", "0 1", "id type x y z SECRET", "1 1 0.5 0.5 0.1 9"),
                Map.of(), FILE, "line 9", "radius");
        refused("short.dump", dump("pp pp ff", "0 1", "0 1", "0 1", "id type x y z radius", "1 1 0.5 0.5 0.1 0.1")
                .replace("NUMBER OF ATOMS\n1", "NUMBER OF ATOMS\n2"), Map.of(), FILE, "2 atom rows");
        refused("nan.dump", dump("pp pp ff", "0 1", "0 1", "0 1", "id type x y z radius",
                "1 1 0.5 SECRET 0.1 0.1"), Map.of(), FILE, "line 10, column 4", "a coordinate");
        refused("wall.dump", dump("ff pp ff", "0 1", "0 1", "0 1", "id type x y z radius", "1 1 0.5 0.5 0.1 0.1"),
                Map.of(), FILE, "line 5", "periodic in x and y", "the x boundary");
        refused("zperiodic.dump", dump("pp pp pp", "0 1", "0 1", "0 1", "id type x y z radius",
                "1 1 0.5 0.5 0.1 0.1"), Map.of(), FILE, "fixed lower z boundary", "ff, fs or fm");
        refused("tilted.dump", dump("xy xz yz pp pp ff", "0 1 0", "0 1 0", "0 1 0", "id type x y z radius",
                "1 1 0.5 0.5 0.1 0.1"), Map.of(), FILE, "orthogonal box");
        refused("negative.dump", dump("pp pp ff", "0 1", "0 1", "0 1", "id type x y z radius",
                "1 1 0.5 0.5 0.1 0.1", "2 1 0.5 0.5 0.3 -0.1"), Map.of(), FILE, "line 11, column 6", "radius > 0");
        refused("outside.dump", dump("pp pp ff", "0 1", "0 1", "0 1", "id type x y z radius",
                "1 1 1.2 0.5 0.1 0.1"), Map.of(), FILE, "line 10, column 3", "inside the periodic box in x");
        refused("above.dump", dump("pp pp ff", "0 1", "0 1", "0 1", "id type x y z radius",
                "1 1 0.5 0.5 1.2 0.1"), Map.of(), FILE, "line 10, column 5", "inside the box in z");
        refused("huge.dump", dump("pp pp ff", "0 1", "0 1", "0 1", "id type x y z radius").replace(
                "NUMBER OF ATOMS\n0", "NUMBER OF ATOMS\n2000000000"), Map.of(), FILE, "line 4", "<= 5,000,000");
        refused("none.dump", dump("pp pp ff", "0 1", "0 1", "0 1", "id type x y z radius"), Map.of(), FILE,
                "at least one sphere");
        refused("small.dump", dump("pp pp ff", "0 1", "0 1", "0 1", "id type x y z radius",
                "1 1 0.5 0.5 0.3 0.3"), Map.of(), FILE, "twice the largest sphere diameter (0.6 m)");
        InvalidInputException x = refused("types.dump", dump("pp pp ff", "0 1", "0 1", "0 1",
                "id type x y z radius", "1 1 0.5 0.5 0.1 0.1", "2 7 0.5 0.5 0.3 0.1"), Map.of(),
                "stages[0].with.active_types, cbd_types", "type 7 (first at line 11)", "types.dump", "[1, 7]");
        assertEquals("active_types [1]", x.value());
        refused("twice.dump", dump("pp pp ff", "0 1", "0 1", "0 1", "id type x y z radius", "1 1 0.5 0.5 0.1 0.1"),
                Map.of("cbd_types", List.of(2, 1)), "stages[0].with.cbd_types[1]", "either active_types or cbd_types");
        refused("half.dump", dump("pp pp ff", "0 1", "0 1", "0 1", "id type x y z radius", "1 1 0.5 0.5 0.1 0.1"),
                Map.of("active_types", List.of(1.5)), "stages[0].with.active_types[0]", "whole type number");
        refused("box.dump", dump("pp pp ff", "0 1", "0 1", "0 1", "id type x y z radius", "1 1 0.5 0.5 0.1 0.1"),
                Map.of("box_x_um", 5), "stages[0].with.box_x_um", "BOX BOUNDS give the box");

        String csv = "x_um,y_um,z_um,radius_um,type\n10,10,10,5,1\n";
        Files.write(dir.resolve("binary.csv"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 'S', 'E', 'C', 'R', 'E', 'T'});
        InvalidInputException binary = assertThrows(InvalidInputException.class, () -> load(Map.of("file",
                dir.resolve("binary.csv"), "format", "csv", "box_x_um", 100, "box_y_um", 100, "active_types",
                List.of(1))));
        assertEquals(FILE, binary.field());
        assertTrue(binary.getMessage().contains("readable UTF-8"), binary.getMessage());
        refused("nounit.csv", "x,y_um,z_um,radius_um,type\n10,10,10,5,1\n", Map.of("format", "csv", "box_x_um", 100,
                "box_y_um", 100), FILE, "line 1", "x_m, x_mm or x_um is missing");
        refused("notype.csv", "x_um,y_um,z_um,radius_um\n10,10,10,5\n", Map.of("format", "csv", "box_x_um", 100,
                "box_y_um", 100), FILE, "the column type is missing");
        refused("cells.csv", csv + "10,10,SECRET,5,1\n", Map.of("format", "csv", "box_x_um", 100, "box_y_um", 100),
                FILE, "line 3, column 3", "a finite number");
        refused("unit.csv", csv, Map.of("format", "csv", "box_x_um", 100, "box_y_um", 100, "length_unit", "mm"),
                "stages[0].with.length_unit", "names the unit of each length column");
        refused("nobox.csv", csv, Map.of("format", "csv", "box_x_um", 100), "stages[0].with.box_y_um",
                "a box length > 0 um");
        refused("below.csv", csv + "10,10,-1,5,1\n", Map.of("format", "csv", "box_x_um", 100, "box_y_um", 100),
                FILE, "line 3, column 3", "z >= 0");
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> load(Map.of("file",
                dir.resolve("absent.dump"), "active_types", List.of(1))));
        assertEquals(FILE, missing.field());
    }

    /**
     * dem.calender compresses the imported LIGGGHTS bed (no generator description, no bonds): a plate pressed 2 %
     * into it at 0.5 m/s, briefly held and released, leaves it denser than it came.
     */
    @Test
    void anImportedBedCalenders() throws Exception {
        ParticlePacking bed = load(Map.of("file", SETTLED, "active_types", List.of(1))).given(ParticlePacking.KEY);
        double before = 1 - bed.solidVolume() / (bed.boxX() * bed.boxY() * bed.boxZ());
        TestStageContext c = context().with(ParticlePacking.KEY, bed).run(new CalenderStage(), Map.of(
                "target_compaction", 0.02, "plate_speed_m_per_s", 0.5, "hold_steps", 20, "relax_steps", 50,
                "sample_every_steps", 50, "threads", 1));
        double after = c.given(CoatingKeys.POROSITY);
        assertTrue(after < before - 0.004, "porosity " + before + " -> " + after);
        assertEquals(bed.size(), c.given(ParticlePacking.KEY).size());
        assertTrue(c.sink().notes.get("packing_without_generator").contains("d50 6000 um"),
                c.sink().notes.get("packing_without_generator"));
    }
}
