package org.calsim.fem.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Function;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.calsim.api.stage.InvalidInputException;

/**
 * The bytes of a VTK array compressed by {@code vtkZLibDataCompressor}: blocks of {@code blockSize} bytes (the last
 * one possibly shorter), each compressed on its own by zlib, their compressed sizes in the header
 * [blocks, block size, size of a partial last block or 0, compressed size of each block].
 */
final class ZlibBlocks extends InputStream {
    /** Largest block accepted [bytes]: VTK writes 32 KiB blocks. */
    static final int MAX_BLOCK = 1 << 26;

    private final InputStream in;
    private final long[] compressed;
    private final int blockSize;
    private final int lastSize;
    private final Function<String, InvalidInputException> problem;
    private final Inflater inflater = new Inflater();
    private final byte[] block;
    private int index;
    private int position;
    private int limit;

    private ZlibBlocks(InputStream in, long[] compressed, int blockSize, int lastSize,
                       Function<String, InvalidInputException> problem) {
        this.in = in;
        this.compressed = compressed;
        this.blockSize = blockSize;
        this.lastSize = lastSize;
        this.problem = problem;
        this.block = new byte[blockSize];
    }

    /**
     * @param in      the compressed blocks
     * @param header  the compression header (decoded)
     * @param word    bytes per header word (4 or 8)
     * @param bytes   bytes the array must hold uncompressed
     * @param problem makes the exception for a problem in the file (what is wrong, in words)
     * @throws InvalidInputException if the header does not announce {@code bytes} bytes or is implausible
     */
    static ZlibBlocks of(InputStream in, byte[] header, int word, ByteOrder order, long bytes,
                         Function<String, InvalidInputException> problem) {
        ByteBuffer b = ByteBuffer.wrap(header).order(order);
        long[] words = new long[header.length / word];
        for (int i = 0; i < words.length; i++) {
            words[i] = word == 8 ? b.getLong() : b.getInt() & 0xffffffffL;
        }
        if (words.length < 3 || words.length != 3 + words[0]) {
            throw problem.apply("a compression header that is cut off");
        }
        long blocks = words[0];
        long size = words[1];
        long last = words[2] == 0 ? size : words[2];
        if (size < 1 || size > MAX_BLOCK || last > size) {
            throw problem.apply("a compression block size out of range");
        }
        long total = blocks == 0 ? 0 : (blocks - 1) * size + last;
        if (total != bytes) {
            throw problem.apply("compressed data of " + total + " bytes where the extent needs " + bytes);
        }
        long[] compressed = Arrays.copyOfRange(words, 3, words.length);
        for (long c : compressed) {
            if (c < 0 || c > size + (size >> 3) + 1024) {
                throw problem.apply("a compressed block size out of range");
            }
        }
        return new ZlibBlocks(in, compressed, (int) size, (int) last, problem);
    }

    /** @return the bytes this stream holds: a block and a compressed block at most */
    long bufferBytes() {
        return 2L * blockSize + (blockSize >> 3) + 1024;
    }

    @Override
    public int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return block[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position == limit && !fill()) {
            return -1;
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(block, position, b, off, n);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        if (index == compressed.length) {
            return false;
        }
        int expected = index == compressed.length - 1 ? lastSize : blockSize;
        byte[] packed = in.readNBytes((int) compressed[index]);
        if (packed.length < compressed[index]) {
            throw problem.apply("compressed block " + (index + 1) + " of " + compressed.length + " is cut off");
        }
        inflater.reset();
        inflater.setInput(packed);
        int n = 0;
        try {
            while (n < expected && !inflater.finished() && !inflater.needsInput()) {
                n += inflater.inflate(block, n, expected - n);
            }
        } catch (DataFormatException e) {
            throw problem.apply("compressed block " + (index + 1) + " cannot be inflated");
        }
        if (n != expected) {
            throw problem.apply("compressed block " + (index + 1) + " inflates to " + n + " bytes, not "
                    + expected);
        }
        index++;
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
