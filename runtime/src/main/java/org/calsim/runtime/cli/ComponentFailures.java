package org.calsim.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** The components of one bundle that failed to activate, as SCR reports them: the first cause of each. */
final class ComponentFailures {
    /** What SCR says of a component whose reference's service failed to activate. */
    private static final String NO_SERVICE = "Unable to get service for reference";

    private ComponentFailures() {
    }

    /**
     * @return "component C failed to activate: cause" for each component of the bundle {@code symbolicName} whose
     *         activation failed (leaving out those that failed only because a service they need did), joined with
     *         "; ", or {@code null} if none failed
     */
    static String of(BundleContext context, String symbolicName) {
        ServiceReference<ServiceComponentRuntime> ref = context.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime scr = ref == null ? null : context.getService(ref);
        if (scr == null) {
            return null;
        }
        try {
            List<String> failures = new ArrayList<>();
            for (ComponentDescriptionDTO component : scr.getComponentDescriptionDTOs()) {
                if (!symbolicName.equals(context.getBundle(component.bundle.id).getSymbolicName())) {
                    continue;
                }
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(component)) {
                    if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        failures.add("component " + component.name + " failed to activate: " + rootCause(c.failure));
                    }
                }
            }
            // a component that failed because a component it needs failed says nothing more: name the first cause
            List<String> causes = failures.stream().filter(f -> !f.contains(NO_SERVICE)).toList();
            List<String> shown = causes.isEmpty() ? failures : causes;
            return shown.isEmpty() ? null : String.join("; ", shown);
        } finally {
            context.ungetService(ref);
        }
    }

    /**
     * @return the message of the innermost cause in a stack trace that has one (the last "Caused by:" line with a
     *         message), without the exception's class name; else the trace's first line
     */
    static String rootCause(String stackTrace) {
        String found = stackTrace.lines().findFirst().orElse(stackTrace);
        for (String line : stackTrace.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("Caused by: ") && trimmed.indexOf(": ", "Caused by: ".length()) > 0) {
                found = trimmed.substring("Caused by: ".length());
            }
        }
        return found.replaceFirst("^[\\w.$]+(Exception|Error): ", "");
    }
}
