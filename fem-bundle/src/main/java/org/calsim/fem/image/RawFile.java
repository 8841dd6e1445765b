package org.calsim.fem.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.calsim.api.stage.InvalidInputException;

/**
 * A raw binary image: optionally a header of {@code headerBytes} that is skipped, then nx·ny·nz values of one type
 * and byte order, x fastest, then y, then z. Nothing in the file says its shape, so the job does, and the file
 * must hold exactly that many bytes after the header.
 */
final class RawFile extends Volume {
    private final Path file;
    private final ByteOrder order;
    private final long headerBytes;

    private RawFile(Path file, String field, int[] size, SampleType type, ByteOrder order, long headerBytes) {
        super(size, type, field);
        this.file = file;
        this.order = order;
        this.headerBytes = headerBytes;
    }

    /**
     * @param file        the image
     * @param field       job-file field of the file, for messages
     * @param size        nx, ny, nz [voxels]
     * @param shapeField  job-file field of the shape, for messages
     * @param headerBytes bytes before the first value
     * @throws InvalidInputException if the file cannot be read or its length does not match the shape
     */
    static RawFile open(Path file, String field, int[] size, String shapeField, SampleType type, ByteOrder order,
                        long headerBytes) {
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            throw InvalidInputException.inFile(field, file, 0, 0, "a readable raw image file");
        }
        long values = (long) size[0] * size[1] * size[2];
        long expected = headerBytes + values * type.bytes();
        if (length != expected) {
            throw new InvalidInputException(shapeField, size[0] + " x " + size[1] + " x " + size[2],
                    "a shape matching the file: " + file.getFileName() + " has " + length + " bytes, but "
                            + values + " values of " + type.jobName() + " after a header of " + headerBytes
                            + " bytes need " + expected);
        }
        return new RawFile(file, field, size, type, order, headerBytes);
    }

    @Override
    void stream(ValueSink sink) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.skipNBytes(headerBytes);
            BinaryValues.stream(in, type, order, (long) size[0] * size[1] * size[2], sink, field, file);
        }
    }
}
