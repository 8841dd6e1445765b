package org.calsim.support.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a reader never sees half of one: into a temporary file beside the target (named
 * {@code .<name>.part}, hidden, and not ending in the target's extension, so that a folder watcher ignores it), forced
 * to the disk, then renamed over the target, and the rename forced too. A write that fails leaves the target as it
 * was and removes its temporary file.
 */
public final class AtomicFiles {

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        /** @param out the file's stream; closing it only flushes */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target}: the content goes to a temporary file, which is forced to the disk and then renamed over
     * the target, and the rename itself is forced (the folder is synced), so that a file reported written is on the
     * disk, not only in the operating system's cache.
     */
    public static void write(Path target, Content content) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                // a writer may close its stream (Jackson does): that only flushes, the channel is forced and closed here
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        syncFolder(target.toAbsolutePath().getParent());
    }

    /** Writes {@code bytes} to {@code target} as {@link #write(Path, Content)} does. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Copies {@code source} to {@code target} as {@link #write(Path, Content)} writes. */
    public static void copy(Path source, Path target) throws IOException {
        write(target, out -> Files.copy(source, out));
    }

    /**
     * Forces a folder's entries (a rename into it) to the disk. Where a folder cannot be opened for that (Windows),
     * nothing happens: the file system orders the rename itself.
     */
    public static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not supported for folders on this platform
        }
    }
}
