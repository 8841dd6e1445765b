package org.calsim.dem.output;

import java.io.IOException;
import java.nio.file.Path;
import org.calsim.dem.engine.Particles;
import org.calsim.support.vtk.VtkXmlFile;

/**
 * Writes particles as a VTK PolyData file ({@code .vtp}, XML, binary appended raw as ParaView writes it) for
 * ParaView: one vertex per sphere at its centre [m] with point data {@code radius} [m], {@code type} (material index),
 * {@code velocity} [m/s] and {@code force_magnitude} [N], all Float64 but the type (Int32). In ParaView, show spheres
 * with the "Point Gaussian" representation scaled by {@code radius} (or a Glyph filter with a sphere source scaled by
 * radius, factor 2 for the diameter).
 */
public final class VtkParticles {
    private VtkParticles() {
    }

    /** Writes the current state of {@code p} to {@code file}. */
    public static void write(Particles p, Path file) throws IOException {
        VtkXmlFile.points(p.size(), k -> k % 3 == 0 ? p.x(k / 3) : k % 3 == 1 ? p.y(k / 3) : p.z(k / 3))
                .array("radius", VtkXmlFile.Type.FLOAT64, 1, p::radius)
                .array("type", VtkXmlFile.Type.INT32, 1, p::type)
                .array("velocity", VtkXmlFile.Type.FLOAT64, 3, k -> p.velocity(k / 3, k % 3))
                .array("force_magnitude", VtkXmlFile.Type.FLOAT64, 1, p::forceMagnitude)
                .write(file);
    }
}
