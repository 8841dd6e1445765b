package org.calsim.runtime.cli;

/** Exit codes of the calsim command line. */
final class ExitCodes {
    /** success */
    static final int OK = 0;
    /** a stage failed; earlier stages' results were kept */
    static final int FAILED = 1;
    /** bad input: the job file, an option or the stage chain; nothing ran */
    static final int BAD_INPUT = 2;
    /** the job was cancelled */
    static final int CANCELLED = 3;

    private ExitCodes() {
    }
}
