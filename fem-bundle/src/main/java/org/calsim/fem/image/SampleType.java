package org.calsim.fem.image;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The element type of the voxel values in an image file: whole numbers of one to four bytes. {@link #jobName} is
 * the job's {@code raw_type}; {@link #ofNumpy} and {@link #ofVtk} find a type by the name the other formats use.
 */
enum SampleType {
    /** unsigned 8-bit */
    UINT8(1, "u1", "UInt8"),
    /** signed 8-bit */
    INT8(1, "i1", "Int8"),
    /** unsigned 16-bit */
    UINT16(2, "u2", "UInt16"),
    /** signed 16-bit */
    INT16(2, "i2", "Int16"),
    /** signed 32-bit */
    INT32(4, "i4", "Int32"),
    /** NumPy's boolean, one byte 0 or 1 (no raw or VTK name) */
    BOOL(1, "b1", null);

    private final int bytes;
    private final String numpy;
    private final String vtk;

    SampleType(int bytes, String numpy, String vtk) {
        this.bytes = bytes;
        this.numpy = numpy;
        this.vtk = vtk;
    }

    /** @return bytes per value */
    int bytes() {
        return bytes;
    }

    /** @return the NumPy type code without its byte-order character, e.g. {@code u2} */
    String numpy() {
        return numpy;
    }

    /** @return the job-file name, e.g. {@code uint16} */
    String jobName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the type of this NumPy code (byte-order character removed), or {@code null} */
    static SampleType ofNumpy(String code) {
        for (SampleType t : values()) {
            if (t.numpy.equals(code)) {
                return t;
            }
        }
        return null;
    }

    /** @return the type of this VTK {@code DataArray type}, or {@code null} */
    static SampleType ofVtk(String name) {
        for (SampleType t : values()) {
            if (name.equals(t.vtk)) {
                return t;
            }
        }
        return null;
    }

    /** @return the type of this job-file name ({@code uint8}, ...), or {@code null} */
    static SampleType ofJobName(String name) {
        for (SampleType t : values()) {
            if (t != BOOL && t.jobName().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** @return the next value of {@code buffer} (its byte order set), as a whole number */
    int read(ByteBuffer buffer) {
        return switch (this) {
            case UINT8, BOOL -> buffer.get() & 0xff;
            case INT8 -> buffer.get();
            case UINT16 -> buffer.getShort() & 0xffff;
            case INT16 -> buffer.getShort();
            case INT32 -> buffer.getInt();
        };
    }
}
