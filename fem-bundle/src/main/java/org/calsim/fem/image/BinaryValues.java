package org.calsim.fem.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.calsim.api.stage.InvalidInputException;

/** Decodes a stream of binary values of one {@link SampleType} and byte order, a chunk at a time. */
final class BinaryValues {
    /** Values per chunk handed to a {@link Volume.ValueSink}. */
    static final int CHUNK = 1 << 16;

    private BinaryValues() {
    }

    /** @return the bytes {@link #stream} and a buffered file stream of 64 KiB hold while reading {@code type} */
    static long bufferBytes(SampleType type) {
        return (long) CHUNK * (type.bytes() + Integer.BYTES) + (1 << 16);
    }

    /**
     * Reads {@code count} values from {@code in} into {@code sink}.
     *
     * @param field the job-file field of the file, for messages
     * @param file  the file, for messages (its name only)
     * @throws InvalidInputException if the stream ends before {@code count} values
     */
    static void stream(InputStream in, SampleType type, ByteOrder order, long count, Volume.ValueSink sink,
                       String field, Path file) throws IOException {
        byte[] bytes = new byte[CHUNK * type.bytes()];
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(order);
        int[] values = new int[CHUNK];
        long done = 0;
        while (done < count) {
            int n = (int) Math.min(CHUNK, count - done);
            int read = in.readNBytes(bytes, 0, n * type.bytes());
            if (read < n * type.bytes()) {
                throw new InvalidInputException(field, file.getFileName() + " (ends after " + (done + read / type.bytes())
                        + " of " + count + " values)", "a file holding every value its header or the job announces");
            }
            buffer.clear();
            for (int v = 0; v < n; v++) {
                values[v] = type.read(buffer);
            }
            sink.accept(values, n);
            done += n;
        }
    }
}
