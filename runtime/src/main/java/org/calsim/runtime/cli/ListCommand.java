package org.calsim.runtime.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.calsim.api.job.RegisteredService;
import org.calsim.api.job.Registry;
import picocli.CommandLine.Command;

/**
 * {@code calsim list}: every registered contact law, contact part (by role: contact-normal, contact-damping, …),
 * material, solver and coupler.
 */
@Command(name = "list", description = "List every registered contact law, contact part (by role), material, solver "
        + "and coupler with its calsim.name, bundle and version.", mixinStandardHelpOptions = true)
final class ListCommand implements Callable<Integer> {
    private final Registry registry;
    private final PrintStream out;

    ListCommand(Registry registry, PrintStream out) {
        this.registry = registry;
        this.out = out;
    }

    @Override
    public Integer call() {
        print(registry.services(), out);
        return ExitCodes.OK;
    }

    /** Prints the listing as an aligned table. */
    static void print(List<RegisteredService> services, PrintStream out) {
        int kind = "KIND".length();
        int name = "NAME".length();
        int bundle = "BUNDLE".length();
        for (RegisteredService s : services) {
            kind = Math.max(kind, s.kind().length());
            name = Math.max(name, s.name().length());
            bundle = Math.max(bundle, s.bundleSymbolicName().length() + 1 + s.bundleVersion().length());
        }
        String format = "%-" + kind + "s %-" + name + "s %-" + bundle + "s %7s  %s%n";
        out.printf(format, "KIND", "NAME", "BUNDLE", "RANKING", "DESCRIPTION");
        for (RegisteredService s : services) {
            out.printf(format, s.kind(), s.name(), s.bundleSymbolicName() + " " + s.bundleVersion(), s.ranking(),
                    s.description());
        }
    }
}
