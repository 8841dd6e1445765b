package org.calsim.runtime.cli;

import java.io.PrintStream;
import org.calsim.api.study.StudyListener;

/**
 * Shows a study's progress: a redrawn bar when standard error is a terminal, otherwise a line per tenth and per
 * change of message kind (logs stay readable in CI).
 */
final class StudyProgress implements StudyListener, AutoCloseable {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;
    private final PrintStream out;
    private final boolean interactive;
    private long lastDraw;
    private int lastTenth = -1;
    private boolean drawn;

    StudyProgress(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public synchronized void progress(double fraction, String message) {
        double f = Math.max(0, Math.min(1, fraction));
        if (interactive) {
            long now = System.nanoTime();
            if (now - lastDraw < REDRAW_NANOS && f < 1) {
                return;
            }
            lastDraw = now;
            int filled = (int) Math.round(f * WIDTH);
            String line = String.format("\r[%s%s] %3.0f%% %s", "#".repeat(filled), "-".repeat(WIDTH - filled), 100 * f,
                    message);
            out.print(line.length() > 120 ? line.substring(0, 120) : line + "\033[K");
            out.flush();
            drawn = true;
            return;
        }
        int tenth = (int) Math.floor(10 * f);
        if (tenth != lastTenth) {
            lastTenth = tenth;
            out.printf("[%3.0f%%] %s%n", 100 * f, message);
        }
    }

    @Override
    public synchronized void close() {
        if (interactive && drawn) {
            out.println();
        }
    }
}
