package org.calsim.fem.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.calsim.api.stage.InvalidInputException;

/** Decodes whole numbers written as text, separated by white space (a VTK {@code ascii} array). */
final class AsciiValues {
    private AsciiValues() {
    }

    /**
     * Reads {@code count} values from the first {@code length} bytes of {@code in} into {@code sink}.
     *
     * @param field the job-file field of the file, for messages
     * @throws InvalidInputException if the text holds anything but {@code count} whole numbers of 32 bits
     */
    static void stream(InputStream in, long length, long count, Volume.ValueSink sink, String field, Path file)
            throws IOException {
        int[] values = new int[BinaryValues.CHUNK];
        int n = 0;
        long done = 0;
        long value = 0;
        boolean negative = false;
        int digits = 0;
        for (long p = 0; p <= length; p++) {
            int c = p < length ? in.read() : ' ';
            if (c >= '0' && c <= '9' && digits < 11) {
                value = 10 * value + (c - '0');
                digits++;
            } else if (c == '-' && digits == 0 && !negative) {
                negative = true;
            } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                if (digits == 0 && negative) {
                    throw bad(field, file, done, count);
                }
                if (digits > 0) {
                    long v = negative ? -value : value;
                    if (done == count || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                        throw bad(field, file, done, count);
                    }
                    values[n++] = (int) v;
                    done++;
                    if (n == values.length) {
                        sink.accept(values, n);
                        n = 0;
                    }
                }
                value = 0;
                digits = 0;
                negative = false;
            } else {
                throw bad(field, file, done, count);
            }
        }
        if (done != count) {
            throw bad(field, file, done, count);
        }
        sink.accept(values, n);
    }

    private static InvalidInputException bad(String field, Path file, long done, long count) {
        return new InvalidInputException(field, file.getFileName() + " (the ascii array is not " + count
                + " whole numbers: a problem after value " + done + ")", VtiFile.ALLOWED);
    }
}
