package org.calsim.server.queue;

/**
 * A submission brings more input files or more bytes than the server's {@link JobInputs.Limits} allow; the API
 * answers it with 413. The message names the limit and the configuration key that sets it.
 */
public final class InputsTooLargeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what was too large, the limit and its configuration key */
    public InputsTooLargeException(String message) {
        super(message);
    }
}
