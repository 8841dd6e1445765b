package org.calsim.fem.microstructure;

import java.io.IOException;
import java.nio.file.Path;
import org.calsim.api.structure.VoxelImage;
import org.calsim.support.vtk.VtkXmlFile;

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
        byte[] labels = image.labels();
        VtkXmlFile.image(image.nx(), image.ny(), image.nz(), image.voxelSize())
                .comment("phases: " + String.join(", ", image.phases()) + " (labels 0, 1, 2, ...)")
                .array("phase", VtkXmlFile.Type.UINT8, 1, i -> labels[i]).write(file);
    }
}
