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
interface Volume {

    /** @return the size along x, y and z [voxels] */
    int[] size();

    /** @return whether the file stores x fastest (else z fastest, then y, then x: a Fortran-order NumPy array) */
    boolean xFastest();

    /** @return the type of the values in the file */
    SampleType type();

    /** @return bytes the reading itself holds at a time (buffers, a decompressed block), beside the image */
    long bufferBytes();

    /**
     * Reads every value, in the file's order, into {@code sink} a chunk at a time.
     *
     * @throws IOException if the file cannot be read
     * @throws org.calsim.api.stage.InvalidInputException if the file holds fewer values than its header says
     */
    void stream(ValueSink sink) throws IOException;

    /** Receives the values of a {@link Volume} in the file's order. */
    @FunctionalInterface
    interface ValueSink {
        /** @param values the next {@code count} values (the array is reused for the next chunk) */
        void accept(int[] values, int count);
    }
}
