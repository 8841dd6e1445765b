package org.calsim.cluster.member;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The calsim bundles a container runs: symbolic name and version of every bundle named {@code org.calsim.*} and of
 * every other bundle that imports a calsim API package (plugins such as custom contact laws). Members of one cluster
 * must run the same set, or the same sweep point could give different numbers depending on where it ran.
 *
 * @param versions version by symbolic name, sorted by name
 */
public record BundleSet(Map<String, String> versions) {
    private static final String API_PREFIX = "org.calsim.api";

    public BundleSet {
        versions = Map.copyOf(new TreeMap<>(versions));
    }

    /** @return the calsim bundles installed in the framework of {@code context} (installed, resolved or active) */
    public static BundleSet of(BundleContext context) {
        Map<String, String> v = new TreeMap<>();
        for (Bundle b : context.getBundles()) {
            String name = b.getSymbolicName();
            if (name == null || b.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            String imports = b.getHeaders("").get("Import-Package");
            if (name.startsWith("org.calsim.") || (imports != null && imports.contains(API_PREFIX))) {
                v.put(name, b.getVersion().toString());
            }
        }
        return new BundleSet(v);
    }

    /** @return the set as one line, {@code name version;name version;…}, to publish as a member attribute */
    public String encode() {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(versions).forEach((n, ver) -> parts.add(n + " " + ver));
        return String.join(";", parts);
    }

    /** @return the set read back from {@link #encode()} */
    public static BundleSet decode(String line) {
        Map<String, String> v = new TreeMap<>();
        if (line != null && !line.isBlank()) {
            for (String part : line.split(";")) {
                int space = part.indexOf(' ');
                v.put(part.substring(0, space), part.substring(space + 1));
            }
        }
        return new BundleSet(v);
    }

    /**
     * @return what differs between this set ("here") and {@code other} ("there"), e.g.
     *         {@code org.calsim.dem 0.1.0.2026 here, 0.1.0.2025 there; org.calsim.example.contact only there}, or an
     *         empty string if the sets are equal
     */
    public String difference(BundleSet other) {
        Set<String> names = new TreeSet<>(versions.keySet());
        names.addAll(other.versions.keySet());
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            String here = versions.get(name);
            String there = other.versions.get(name);
            if (here == null) {
                lines.add(name + " " + there + " only there");
            } else if (there == null) {
                lines.add(name + " " + here + " only here");
            } else if (!here.equals(there)) {
                lines.add(name + " " + here + " here, " + there + " there");
            }
        }
        return String.join("; ", lines);
    }

    /** @return a short fingerprint of the set (16 hex digits of the SHA-256 of {@link #encode()}) */
    public String digest() {
        return Sha256.hex(encode()).substring(0, 16);
    }
}
