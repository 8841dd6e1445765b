package org.calsim.fem.image;

import java.io.IOException;

/**
 * A voxel image in a file, its header read, its values not yet: the size along the image's axes x, y, z and the
 * order in which the file stores the values. One implementation per file format ({@link RawFile}, {@link NpyFile},
 * {@link VtiFile}, {@link TiffStack}).
 *
 * <p>The axes are the file's: for raw, VTK and TIFF files x varies fastest (a TIFF page is one z-slice), for NumPy
 * arrays {@code a[z, y, x]} (the last array axis is x). Which of them is through-plane is the job's choice
 * ({@link Reslice}).
 */
abstract class Volume {
    /** size along x, y and z [voxels] */
    protected final int[] size;
    /** type of the values in the file */
    protected final SampleType type;
    /** the job field naming the file, for error messages */
    protected final String field;

    Volume(int[] size, SampleType type, String field) {
        this.size = size;
        this.type = type;
        this.field = field;
    }

    /** @return the size along x, y and z [voxels] */
    final int[] size() {
        return size.clone();
    }

    /** @return the type of the values in the file */
    final SampleType type() {
        return type;
    }

    /**
     * @return whether the file stores x fastest (else z fastest, then y, then x: a Fortran-order NumPy array); x
     *         fastest unless a format says otherwise
     */
    boolean xFastest() {
        return true;
    }

    /**
     * @return bytes the reading itself holds at a time (buffers, a decompressed block), beside the image: the read
     *         buffers of {@link BinaryValues} unless a format needs more
     */
    long bufferBytes() {
        return BinaryValues.bufferBytes(type);
    }

    /**
     * Reads every value, in the file's order, into {@code sink} a chunk at a time.
     *
     * @throws IOException if the file cannot be read
     * @throws org.calsim.api.stage.InvalidInputException if the file holds fewer values than its header says
     */
    abstract void stream(ValueSink sink) throws IOException;

    /** Receives the values of a {@link Volume} in the file's order. */
    @FunctionalInterface
    interface ValueSink {
        /** @param values the next {@code count} values (the array is reused for the next chunk) */
        void accept(int[] values, int count);
    }
}
