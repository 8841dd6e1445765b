package org.calsim.cluster.points;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.calsim.api.stage.InvalidInputException;

/**
 * Moves a point's results folder through the cluster: the files small enough travel in the point's entry (base64),
 * the others stay on the member that ran the point and are listed by path.
 */
public final class PointFiles {
    /** Largest file that travels, bytes. */
    static final long MAX_FILE = 1L << 20;
    /** Most bytes of files that travel per point (the map keeps each entry in memory, with a backup). */
    static final long MAX_TOTAL = 8L << 20;

    /** The folder's files: those that travel, and the rest. */
    public record Packed(Map<String, String> files, List<String> leftBehind) {
    }

    private PointFiles() {
    }

    /** @return the files of {@code folder} (paths relative to it, with {@code /}), smallest first until the budget */
    public static Packed pack(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        List<String> left = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new Packed(files, left);
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(folder)) {
            all = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        long total = 0;
        for (Path p : all.stream().sorted((a, b) -> Long.compare(size(a), size(b))).toList()) {
            String rel = folder.relativize(p).toString().replace('\\', '/');
            long size = size(p);
            if (size <= MAX_FILE && total + size <= MAX_TOTAL) {
                files.put(rel, Base64.getEncoder().encodeToString(Files.readAllBytes(p)));
                total += size;
            } else {
                left.add(rel);
            }
        }
        return new Packed(files, left);
    }

    /**
     * The input files a point takes to the member that runs it: all of them travel, or the point is refused.
     *
     * @param folder the job's folder
     * @param paths  the files the job reads, relative to {@code folder} ({@code JobService.inputFiles})
     * @return the files, base64 by relative path
     * @throws InvalidInputException naming a file larger than {@value #MAX_FILE} bytes, or the total if above
     *                               {@value #MAX_TOTAL} bytes
     * @throws IOException if a file cannot be read
     */
    public static Map<String, String> packInputs(Path folder, List<String> paths) throws IOException {
        Map<String, String> files = new TreeMap<>();
        long total = 0;
        for (String rel : paths) {
            long size = Files.size(folder.resolve(rel));
            total += size;
            if (size > MAX_FILE || total > MAX_TOTAL) {
                throw new InvalidInputException(size > MAX_FILE ? rel : "the job's input files", (size > MAX_FILE
                        ? size : total) + " bytes", "input files of at most " + MAX_FILE + " bytes each and "
                        + MAX_TOTAL + " together, to travel with each point of a cluster sweep");
            }
            files.put(rel, Base64.getEncoder().encodeToString(Files.readAllBytes(folder.resolve(rel))));
        }
        return files;
    }

    /**
     * Writes the travelling files into {@code folder}, which is emptied first so that it holds this result only.
     *
     * @throws IOException if a path would leave the folder (a corrupt or forged entry), a file is not base64, or a file
     *                     cannot be written
     */
    public static void unpack(Map<String, String> files, Path folder) throws IOException {
        deleteTree(folder);
        Files.createDirectories(folder);
        Path root = folder.toAbsolutePath().normalize();
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = root.resolve(f.getKey()).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw new IOException("a point result names the file " + f.getKey() + ", outside its folder");
            }
            Files.createDirectories(target.getParent());
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(f.getValue());
            } catch (IllegalArgumentException e) {
                throw new IOException("a point result's file " + f.getKey() + " is not base64", e);
            }
            Files.write(target, bytes);
        }
    }

    /** Deletes {@code p} and everything under it, if it exists. */
    public static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> children = Files.list(p)) {
                for (Path c : children.toList()) {
                    deleteTree(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
