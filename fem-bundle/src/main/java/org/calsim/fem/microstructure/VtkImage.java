package org.calsim.fem.microstructure;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.calsim.api.structure.VoxelImage;

/**
 * Writes a voxel image as VTK ImageData ({@code .vti}, XML) for ParaView, binary as ParaView writes it: the labels
 * as appended raw data ({@code <AppendedData encoding="raw">}, then {@code _}, a UInt64 byte count and one UInt8
 * per voxel, little-endian, x fastest). One cell per voxel with the cell array {@code phase} (the label; the phase
 * names are in the file's comment), spacing the voxel size in metres, origin at the collector corner. In ParaView:
 * Threshold on {@code phase} to show one phase. {@code image.load} reads it back.
 */
final class VtkImage {
    private VtkImage() {
    }

    static void write(VoxelImage image, Path file) throws IOException {
        double h = image.voxelSize();
        byte[] labels = image.labels();
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\"?>\n");
        xml.append("<!-- phases: ").append(String.join(", ", image.phases())).append(" (labels 0, 1, 2, ...) -->\n");
        xml.append("<VTKFile type=\"ImageData\" version=\"1.0\" byte_order=\"LittleEndian\" "
                + "header_type=\"UInt64\">\n");
        xml.append(String.format(Locale.ROOT, "  <ImageData WholeExtent=\"0 %d 0 %d 0 %d\" Origin=\"0 0 0\" "
                + "Spacing=\"%.9g %.9g %.9g\">\n", image.nx(), image.ny(), image.nz(), h, h, h));
        xml.append(String.format(Locale.ROOT, "    <Piece Extent=\"0 %d 0 %d 0 %d\">\n", image.nx(), image.ny(),
                image.nz()));
        xml.append("      <CellData Scalars=\"phase\">\n");
        xml.append("        <DataArray type=\"UInt8\" Name=\"phase\" format=\"appended\" RangeMin=\"0\" RangeMax=\"")
                .append(image.phases().size() - 1).append("\" offset=\"0\"/>\n");
        xml.append("      </CellData>\n    </Piece>\n  </ImageData>\n  <AppendedData encoding=\"raw\">\n   _");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(xml.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(labels.length).array());
            out.write(labels);
            out.write("\n  </AppendedData>\n</VTKFile>\n".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
