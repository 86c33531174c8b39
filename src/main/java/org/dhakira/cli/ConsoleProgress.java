package org.dhakira.cli;

import org.dhakira.ingest.Progress;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars on standard error, one per phase of a long command. */
final class ConsoleProgress implements Progress {

    private ProgressBar bar;

    @Override
    public void start(String phase, long total) {
        bar = new ProgressBarBuilder().setTaskName(phase).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUnit(phase.equals("Checking") ? " MB" : "", phase.equals("Checking") ? 1_000_000 : 1)
                .setUpdateIntervalMillis(500)
                .build();
    }

    @Override
    public void advance(long units) {
        bar.stepBy(units);
    }

    @Override
    public void end() {
        if (bar != null) bar.close();
        bar = null;
    }
}
