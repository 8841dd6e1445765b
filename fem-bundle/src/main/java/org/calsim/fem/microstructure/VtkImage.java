package org.calsim.fem.microstructure;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.calsim.api.structure.VoxelImage;

/**
 * Writes a voxel image as VTK ImageData ({@code .vti}, XML, ASCII) for ParaView: one cell per voxel with the
 * cell array {@code phase} (the label; the phase names are in the file's field data comment), spacing the voxel
 * size in metres, origin at the collector corner. In ParaView: Threshold on {@code phase} to show one phase.
 */
final class VtkImage {
    private VtkImage() {
    }

    static void write(VoxelImage image, Path file) throws IOException {
        double h = image.voxelSize();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("<?xml version=\"1.0\"?>\n");
            w.write("<!-- phases: " + String.join(", ", image.phases()) + " (labels 0, 1, 2, ...) -->\n");
            w.write("<VTKFile type=\"ImageData\" version=\"0.1\" byte_order=\"LittleEndian\">\n");
            w.write(String.format(Locale.ROOT, "<ImageData WholeExtent=\"0 %d 0 %d 0 %d\" Origin=\"0 0 0\" "
                    + "Spacing=\"%.9g %.9g %.9g\">\n", image.nx(), image.ny(), image.nz(), h, h, h));
            w.write(String.format(Locale.ROOT, "<Piece Extent=\"0 %d 0 %d 0 %d\">\n<CellData Scalars=\"phase\">\n",
                    image.nx(), image.ny(), image.nz()));
            w.write("<DataArray type=\"UInt8\" Name=\"phase\" format=\"ascii\">\n");
            byte[] labels = image.labels();
            for (int v = 0; v < labels.length; v++) {
                w.write(Integer.toString(labels[v]));
                w.write((v + 1) % image.nx() == 0 ? '\n' : ' ');
            }
            w.write("</DataArray>\n</CellData>\n</Piece>\n</ImageData>\n</VTKFile>\n");
        }
    }
}
