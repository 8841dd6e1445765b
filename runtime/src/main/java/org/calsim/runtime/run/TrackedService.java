package org.calsim.runtime.run;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.calsim.api.stage.ServiceProperties;
import org.calsim.api.stage.StageCancelledException;
import org.calsim.api.stage.Swappable;
import org.calsim.runtime.registry.ServiceCatalog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A {@link Swappable} backed by a service tracker. The tracker's callbacks (rare: a bundle deployed or
 * removed) recompute the best implementation; {@link #acquire(long)} (once per step) only reads a
 * volatile field, so the step loop allocates nothing. A change of implementation is reported once, at
 * the first acquire after it: the step boundary. A change of ranking (service property update) is a
 * swap like any other.
 *
 * @param <S> service type
 */
final class TrackedService<S> implements Swappable<S>, AutoCloseable {
    private final String stage;
    private final String requested;
    private final ServiceTracker<S, S> tracker;
    private final Consumer<SwapRecord> swaps;
    private final JobControl control;
    /** Tracked services in OSGi order: the last is the highest ranked. */
    private final TreeMap<ServiceReference<S>, S> available = new TreeMap<>();
    private volatile Choice<S> best;
    /** The last matching service that could not be obtained, or null. */
    private String failed;
    private Choice<S> current;

    private record Choice<S>(ServiceReference<S> ref, S service) {
    }

    TrackedService(BundleContext context, Class<S> type, String name, String stage, Consumer<SwapRecord> swaps,
                   JobControl control) {
        this.stage = stage;
        this.requested = ServiceCatalog.typeName(type) + (name == null ? " (highest ranked)" : " " + name);
        this.swaps = swaps;
        this.control = control;
        String filter = "(" + Constants.OBJECTCLASS + "=" + type.getName() + ")";
        if (name != null) {
            filter = "(&" + filter + "(" + ServiceProperties.NAME + "=" + ServiceCatalog.escape(name) + "))";
        }
        Filter f;
        try {
            f = context.createFilter(filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("cannot look up " + requested + ": " + e.getMessage(), e);
        }
        this.tracker = new ServiceTracker<>(context, f, null) {
            @Override
            public S addingService(ServiceReference<S> reference) {
                S service = super.addingService(reference);
                if (service != null) {
                    changed(reference, service);
                } else {
                    unusable(reference);
                }
                return service;
            }

            @Override
            public void modifiedService(ServiceReference<S> reference, S service) {
                changed(reference, service);
            }

            @Override
            public void removedService(ServiceReference<S> reference, S service) {
                changed(reference, null);
                super.removedService(reference, service);
            }
        };
        tracker.open();
    }

    /** Records a matching service whose object could not be obtained (its component failed to activate). */
    private synchronized void unusable(ServiceReference<S> reference) {
        failed = reference.getProperty("component.name") + " from " + reference.getBundle().getSymbolicName() + " "
                + reference.getBundle().getVersion();
        notifyAll();
    }

    /** Records an added, modified ({@code service} non-null) or removed service and picks the best. */
    private synchronized void changed(ServiceReference<S> reference, S service) {
        if (service == null) {
            available.remove(reference);
        } else {
            available.put(reference, service);
        }
        Map.Entry<ServiceReference<S>, S> top = available.isEmpty() ? null : available.lastEntry();
        Choice<S> previous = best;
        if (top == null) {
            best = null;
        } else if (previous == null || !previous.ref().equals(top.getKey())) {
            best = new Choice<>(top.getKey(), top.getValue());
        }
        notifyAll();
    }

    @Override
    public S acquire(long step) {
        Choice<S> choice = best;
        if (choice == null) {
            choice = awaitImplementation(step);
        }
        if (choice != current) {
            current = choice;
            ServiceReference<S> ref = choice.ref();
            Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
            swaps.accept(new SwapRecord(stage, requested, String.valueOf(ref.getProperty("component.name")),
                    ref.getBundle().getSymbolicName(), ref.getBundle().getVersion().toString(),
                    (Long) ref.getProperty(Constants.SERVICE_ID), ranking instanceof Integer r ? r : 0, step));
        }
        return choice.service();
    }

    private synchronized Choice<S> awaitImplementation(long step) {
        control.paused("no " + requested + " is available at step " + step
                + (failed == null ? "" : " (" + failed + " is registered but failed to activate: its bundle may have"
                + " been built against another calsim API; see the log)")
                + "; the job waits until one is deployed (or cancel it)");
        try {
            while (best == null) {
                if (control.isCancelled()) {
                    throw new StageCancelledException("cancelled while waiting for " + requested);
                }
                wait(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StageCancelledException("interrupted while waiting for " + requested);
        }
        control.resumed();
        return best;
    }

    @Override
    public String describeCurrent() {
        Choice<S> c = current;
        if (c == null) {
            return requested + ": none acquired yet";
        }
        return c.ref().getProperty("component.name") + " from " + c.ref().getBundle().getSymbolicName() + " "
                + c.ref().getBundle().getVersion();
    }

    @Override
    public void close() {
        tracker.close();
    }
}
