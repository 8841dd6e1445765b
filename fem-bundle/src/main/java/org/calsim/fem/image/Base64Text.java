package org.calsim.fem.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The characters of a base64 text in an XML file without its white space, ending at the next {@code <} or after
 * {@code limit} bytes of the file, whichever comes first.
 */
final class Base64Text extends FilterInputStream {
    private long left;

    /** @param limit bytes of {@code in} at most, white space included */
    Base64Text(InputStream in, long limit) {
        super(in);
        left = limit;
    }

    @Override
    public int read() throws IOException {
        while (left > 0) {
            int c = in.read();
            left--;
            if (c < 0 || c == '<') {
                left = 0;
                return -1;
            }
            if (!Character.isWhitespace(c)) {
                return c;
            }
        }
        return -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = 0;
        while (n < len) {
            int c = read();
            if (c < 0) {
                return n == 0 ? -1 : n;
            }
            b[off + n++] = (byte) c;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && read() >= 0) {
            skipped++;
        }
        return skipped;
    }

    @Override
    public int available() {
        return 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
