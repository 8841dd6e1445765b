package org.calsim.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads that run one {@link Task} together and wait for each other, without allocating
 * (spin, then park). The calling thread is worker 0; {@code threads − 1} daemon threads are the others.
 * Each worker gets the same task and its own worker index, and divides the work by that index, so the
 * division (and therefore every floating-point sum) is fixed by the caller, not by scheduling.
 */
public final class WorkerTeam implements AutoCloseable {
    /** A piece of parallel work. */
    @FunctionalInterface
    public interface Task {
        /** Runs worker {@code worker}'s share (0 ≤ worker &lt; workers). */
        void run(int worker, int workers);
    }

    private static final int SPINS = 2000;

    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Task task;
    private volatile int generation;
    private volatile boolean closed;
    private volatile Thread caller;
    private volatile Throwable failure;

    /** @param threads number of workers including the caller, ≥ 1 */
    public WorkerTeam(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int w = 1; w < threads; w++) {
            int index = w;
            Thread t = new Thread(() -> loop(index), name + "-" + w);
            t.setDaemon(true);
            workers[w - 1] = t;
            t.start();
        }
    }

    /** @return number of workers including the caller */
    public int size() {
        return threads;
    }

    /** Runs {@code t} on every worker and returns when all are done; rethrows a worker's failure. */
    public void run(Task t) {
        if (threads == 1) {
            t.run(0, 1);
            return;
        }
        caller = Thread.currentThread();
        task = t;
        pending.set(threads - 1);
        generation++;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        Throwable own = null;
        try {
            t.run(0, threads);
        } catch (RuntimeException | Error e) {
            own = e;
        }
        int spins = 0;
        while (pending.get() > 0) {
            if (spins++ < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        task = null;
        Throwable other = failure;
        failure = null;
        if (own != null) {
            rethrow(own);
        }
        if (other != null) {
            rethrow(other);
        }
    }

    private static void rethrow(Throwable e) {
        if (e instanceof RuntimeException r) {
            throw r;
        }
        throw (Error) e;
    }

    private void loop(int index) {
        int seen = 0;
        while (true) {
            int spins = 0;
            while (generation == seen && !closed) {
                if (spins++ < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                task.run(index, threads);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}
