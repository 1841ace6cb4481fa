package org.jobboard.tools.bench.search;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's PNG chart, drawn with java.awt (headless). */
final class BenchChart {
    private static final Color SERVICE = new Color(0x1f77b4);
    private static final Color POSTGRES = new Color(0xd62728);
    private static final Color CEILING = new Color(0x2ca02c);

    private final BenchRun run;
    private final String mixLabel;

    BenchChart(BenchRun run, String mixLabel) {
        this.run = run;
        this.mixLabel = mixLabel;
    }

    /** Left: p99 against offered rate (log-log); right: max sustainable QPS bars. False when it cannot be drawn. */
    boolean draw(Path file) {
        try {
            System.setProperty("java.awt.headless", "true");
            int width = 1400;
            int height = 600;
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "./dev bench search — %,d postings, %s", run.postings, mixLabel), 20, 28);
            latencyPanel(g, 70, 60, 760, 460);
            barsPanel(g, 930, 60, 420, 460);
            g.dispose();
            ImageIO.write(image, "png", file.toFile());
            return true;
        } catch (Exception | Error e) {
            System.out.println("==> no chart (" + e + ")");
            return false;
        }
    }

    private void latencyPanel(Graphics2D g, int x, int y, int w, int h) {
        List<FixedRate.Ladder> ladders = new ArrayList<>();
        if (run.service != null) {
            ladders.add(run.service);
        }
        if (run.pg != null) {
            ladders.add(run.pg);
        }
        double minRate = ladders.stream().flatMap(l -> l.steps().stream()).mapToDouble(FixedRate.Step::offeredQps)
                .min().orElse(10);
        double maxRate = ladders.stream().flatMap(l -> l.steps().stream()).mapToDouble(FixedRate.Step::offeredQps)
                .max().orElse(1000);
        double x0 = Math.log10(Math.max(1, minRate / 1.5));
        double x1 = Math.log10(Math.max(maxRate * 1.5, BenchReport.TARGET_RATE * 1.5));
        double y0 = Math.log10(0.5);
        double y1 = Math.log10(20_000);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(Color.BLACK);
        g.drawString("p99 latency (ms, log) against offered rate (QPS, log), open loop", x, y - 8);
        g.setColor(new Color(0xf4f4f4));
        g.fillRect(x, y, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (double v : new double[] { 1, 10, 100, 1000, 10_000 }) {
            int py = (int) (y + h - (Math.log10(v) - y0) / (y1 - y0) * h);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, py, x + w, py);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.0f", v), x - 45, py + 4);
        }
        for (double v : new double[] { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000 }) {
            if (Math.log10(v) < x0 || Math.log10(v) > x1) {
                continue;
            }
            int px = (int) (x + (Math.log10(v) - x0) / (x1 - x0) * w);
            g.setColor(new Color(0xdddddd));
            g.drawLine(px, y, px, y + h);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.0f", v), px - 10, y + h + 16);
        }
        // the target (15 ms at 200 QPS) and the sustain limit (100 ms)
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] { 6, 4 }, 0));
        int p15 = (int) (y + h - (Math.log10(BenchReport.TARGET_P99_MS) - y0) / (y1 - y0) * h);
        int p100 = (int) (y + h - (Math.log10(FixedRate.MAX_P99_MS) - y0) / (y1 - y0) * h);
        int x200 = (int) (x + (Math.log10(BenchReport.TARGET_RATE) - x0) / (x1 - x0) * w);
        g.setColor(new Color(0x2ca02c));
        g.drawLine(x, p15, x + w, p15);
        g.drawLine(x200, y, x200, y + h);
        g.drawString("target: p99 15 ms at 200 QPS", x + 6, p15 - 4);
        g.setColor(Color.GRAY);
        g.drawLine(x, p100, x + w, p100);
        g.drawString("sustained: p99 <= 100 ms", x + 6, p100 - 4);
        g.setStroke(new BasicStroke(2.5f));
        int legend = 0;
        for (FixedRate.Ladder ladder : ladders) {
            Color color = ladder == run.service ? SERVICE : POSTGRES;
            g.setColor(color);
            int[] previous = null;
            for (FixedRate.Step s : ladder.steps()) {
                double p99 = Math.min(Math.max(s.all().p99(), 0.5), 20_000);
                if (Double.isNaN(s.all().p99())) {
                    p99 = 20_000;
                }
                int px = (int) (x + (Math.log10(s.offeredQps()) - x0) / (x1 - x0) * w);
                int py = (int) (y + h - (Math.log10(p99) - y0) / (y1 - y0) * h);
                if (previous != null) {
                    g.drawLine(previous[0], previous[1], px, py);
                }
                if (s.sustained()) {
                    g.fillOval(px - 5, py - 5, 10, 10);
                } else {
                    g.drawOval(px - 5, py - 5, 10, 10);
                }
                previous = new int[] { px, py };
            }
            g.fillRect(x + 12, y + 14 + legend * 20, 14, 10);
            g.setColor(Color.BLACK);
            g.drawString(ladder.name() + String.format(Locale.ROOT, " — max sustainable %.0f QPS, throughput %.0f",
                    ladder.maxSustainedQps(), ladder.maxKeptUpQps()), x + 32, y + 24 + legend * 20);
            legend++;
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString("filled: sustained (>= 95 % achieved, p99 <= 100 ms); hollow: missed", x + 12, y + 24 + legend * 20);
        g.setStroke(new BasicStroke(1));
        g.setColor(Color.BLACK);
        g.drawRect(x, y, w, h);
        g.drawString("offered QPS", x + w / 2 - 30, y + h + 34);
    }

    private void barsPanel(Graphics2D g, int x, int y, int w, int h) {
        record Bar(String label, double value, Color color) {
        }
        List<Bar> bars = new ArrayList<>();
        if (run.service != null) {
            bars.add(new Bar("search-service, HTTP (sustained)", run.service.maxSustainedQps(), SERVICE));
            bars.add(new Bar("search-service, HTTP (throughput)", run.service.maxKeptUpQps(), SERVICE.brighter()));
        }
        if (run.inProcessCeilingQps > 0) {
            bars.add(new Bar("in-process, " + run.ceilingThreads + " threads", run.inProcessCeilingQps, CEILING));
        }
        if (run.pg != null) {
            bars.add(new Bar("PostgreSQL FTS, JDBC pool (sustained)", run.pg.maxSustainedQps(), POSTGRES));
            bars.add(new Bar("PostgreSQL FTS, JDBC pool (throughput)", run.pg.maxKeptUpQps(), POSTGRES.brighter()));
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(Color.BLACK);
        g.drawString("max QPS on the same machine (mix)", x, y - 8);
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        int barHeight = 34;
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int top = y + 20 + i * (barHeight + 30);
            g.setColor(Color.BLACK);
            g.drawString(bar.label(), x, top - 4);
            g.setColor(bar.color());
            int length = (int) Math.max(2, bar.value() / max * (w - 70));
            g.fillRect(x, top, length, barHeight);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.0f", bar.value()), x + length + 6, top + barHeight / 2 + 5);
        }
        int textTop = y + 20 + bars.size() * (barHeight + 30) + 10;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        if (run.freshness != null) {
            g.drawString(String.format(Locale.ROOT, "freshness (publish -> first hit): p50 %.0f ms, p99 %.0f ms",
                    run.freshness.latencies().p50(), run.freshness.latencies().p99()), x, textTop);
            textTop += 20;
        }
        g.drawString("sustained: p99 <= 100 ms; throughput: kept up (open loop)", x, textTop);
        g.drawString("in-process: closed loop, one thread per core (ceiling)", x, textTop + 20);
    }
}
