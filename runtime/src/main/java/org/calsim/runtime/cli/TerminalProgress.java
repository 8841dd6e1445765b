package org.calsim.runtime.cli;

import java.io.PrintStream;
import org.calsim.api.job.JobListener;
import org.calsim.api.job.JobProgress;

/**
 * Shows a job's progress on the terminal: a redrawn bar when standard error is a terminal, otherwise
 * one line per stage start, per quarter of a stage and per pause (logs stay readable in CI).
 */
final class TerminalProgress implements JobListener {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;
    private final PrintStream out;
    private final boolean interactive;
    private long lastDraw;
    private int lastStage = -1;
    private int lastQuarter = -1;
    private String lastMessage = "";

    TerminalProgress(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public synchronized void onProgress(JobProgress p) {
        if (interactive) {
            long now = System.nanoTime();
            if (now - lastDraw < REDRAW_NANOS && p.stageIndex() == lastStage && !p.state().isFinal()) {
                return;
            }
            lastDraw = now;
            lastStage = p.stageIndex();
            int filled = (int) Math.round(p.overall() * WIDTH);
            String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
            String line = String.format("\r[%s] %3.0f%% stage %d/%d %s: %s", bar, 100 * p.overall(),
                    p.stageIndex() + 1, p.stageCount(), p.stage(), p.message());
            out.print(line.length() > 120 ? line.substring(0, 120) : line + "\033[K");
            if (p.state().isFinal()) {
                out.println();
            }
            out.flush();
            return;
        }
        int quarter = (int) Math.floor(4 * Math.min(1, p.fraction()));
        boolean paused = p.message().startsWith("paused") && !p.message().equals(lastMessage);
        if (p.stageIndex() != lastStage || quarter != lastQuarter || paused || p.state().isFinal()) {
            lastStage = p.stageIndex();
            lastQuarter = quarter;
            out.printf("[%3.0f%%] stage %d/%d %s: %s%n", 100 * p.overall(), p.stageIndex() + 1, p.stageCount(),
                    p.stage(), p.message());
        }
        lastMessage = p.message();
    }
}
