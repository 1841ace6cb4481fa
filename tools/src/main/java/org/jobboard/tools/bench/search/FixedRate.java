package org.jobboard.tools.bench.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * An open-loop load generator: request {@code i} is due at {@code start + i / rate}, whether or not earlier ones have
 * answered, and its latency is measured from that due time. A server that falls behind therefore shows its queueing
 * in the percentiles instead of silently slowing the generator down (no coordinated omission).
 *
 * <p>A rate is <b>sustained</b> when the achieved rate (successful responses per second over the offered window, or
 * from the first due time to the last response when that is longer) is at least 95 % of the offered rate, p99 is at most 100 ms, and at most 0.1 % of requests
 * failed. A step whose backlog exceeds one second of requests is cut short (not sustained), so an overloaded target is
 * never flooded for long. The max sustainable QPS is the highest sustained rate of a ladder; the max throughput the
 * highest rate the target kept up with whatever the latency (see {@link #ladder}).
 */
final class FixedRate {
    static final double MIN_ACHIEVED_SHARE = 0.95;
    static final double MAX_P99_MS = 100;
    static final double MAX_ERROR_SHARE = 0.001;

    /** Sends request {@code index} of the mix and returns when it is answered; an exception counts as an error. */
    @FunctionalInterface
    interface Request {
        void run(int index) throws Exception;
    }

    record Step(double offeredQps, int scheduled, int ok, int errors, int abandoned, double achievedQps,
            Latencies all, Map<BenchQuery.Kind, Latencies> byKind, boolean cutShort) {

        boolean sustained() {
            return keepsUp() && all.p99() <= MAX_P99_MS;
        }

        /** Throughput only: the target answered (almost) everything at the offered rate, however slowly. */
        boolean keepsUp() {
            return !cutShort && achievedQps >= MIN_ACHIEVED_SHARE * offeredQps
                    && errors + abandoned <= MAX_ERROR_SHARE * scheduled;
        }

        String verdict() {
            if (sustained()) {
                return "sustained";
            }
            if (cutShort) {
                return "saturated (backlog > 1 s, cut short)";
            }
            List<String> why = new ArrayList<>();
            if (achievedQps < MIN_ACHIEVED_SHARE * offeredQps) {
                why.add("achieved < 95 %");
            }
            if (!(all.p99() <= MAX_P99_MS)) {
                why.add("p99 > 100 ms");
            }
            if (errors + abandoned > MAX_ERROR_SHARE * scheduled) {
                why.add("errors");
            }
            return "missed: " + String.join(", ", why);
        }

        String line() {
            return String.format(Locale.ROOT, "%8.0f %10.1f %9.2f %9.2f %9.2f %7d  %s", offeredQps, achievedQps,
                    all.p50(), all.p99(), all.max(), errors + abandoned, verdict());
        }
    }

    /**
     * {@code maxKeptUpQps}: the highest rate the target kept up with, latency aside (its throughput);
     * {@code capped}: it kept up even with the highest rate offered, so both maxima are lower bounds.
     */
    record Ladder(String name, int workers, List<Step> steps, double maxSustainedQps, double maxKeptUpQps,
            boolean capped) {
        /** The step run at exactly this rate, or null. */
        Step at(double qps) {
            return steps.stream().filter(s -> s.offeredQps() == qps).findFirst().orElse(null);
        }
    }

    static final String HEADER = String.format(Locale.ROOT, "%8s %10s %9s %9s %9s %7s  %s", "offered", "achieved",
            "p50 ms", "p99 ms", "max ms", "errors", "verdict");

    private FixedRate() {
    }

    /**
     * Climbs the rates while the target keeps up (whatever its latency), bisects once towards the first rate it could
     * not keep up with, then refines the sustained rate: one bisection above the highest sustained rate, or halving
     * below the lowest rate when none was sustained.
     */
    static Ladder ladder(String name, List<Double> rates, double seconds, int workers, List<BenchQuery> mix,
            Request request, Consumer<Step> progress) throws InterruptedException {
        List<Step> steps = new ArrayList<>();
        AtomicInteger offset = new AtomicInteger();
        Double keptUp = null;
        Double lost = null;
        for (double rate : rates) {
            Step step = step(rate, seconds, workers, mix, offset, request, progress);
            steps.add(step);
            if (!step.keepsUp()) {
                lost = rate;
                break;
            }
            keptUp = rate;
        }
        if (keptUp != null && lost != null) {
            double mid = Math.round((keptUp + lost) / 2);
            if (mid > keptUp && mid < lost) {
                steps.add(step(mid, seconds, workers, mix, offset, request, progress));
            }
        }
        Double sustained = highest(steps, Step::sustained);
        if (sustained == null) {
            double lowest = steps.stream().mapToDouble(Step::offeredQps).min().orElse(2);
            for (int tries = 0; sustained == null && lowest >= 2 && tries < 3; tries++) {
                lowest = Math.floor(lowest / 2);
                Step step = step(lowest, seconds, workers, mix, offset, request, progress);
                steps.add(step);
                sustained = step.sustained() ? lowest : null;
            }
        } else {
            double best = sustained;
            double next = steps.stream().filter(s -> s.offeredQps() > best && !s.sustained())
                    .mapToDouble(Step::offeredQps).min().orElse(Double.NaN);
            double mid = Math.round((best + next) / 2);
            if (!Double.isNaN(next) && mid > best && mid < next && steps.stream().noneMatch(s -> s.offeredQps() == mid)) {
                steps.add(step(mid, seconds, workers, mix, offset, request, progress));
            }
        }
        steps.sort(Comparator.comparingDouble(Step::offeredQps));
        Double maxSustained = highest(steps, Step::sustained);
        Double maxKeptUp = highest(steps, Step::keepsUp);
        return new Ladder(name, workers, List.copyOf(steps), maxSustained == null ? 0 : maxSustained,
                maxKeptUp == null ? 0 : maxKeptUp, lost == null);
    }

    private static Double highest(List<Step> steps, java.util.function.Predicate<Step> condition) {
        return steps.stream().filter(condition).map(Step::offeredQps).max(Double::compare).orElse(null);
    }

    private static Step step(double rate, double seconds, int workers, List<BenchQuery> mix, AtomicInteger offset,
            Request request, Consumer<Step> progress) throws InterruptedException {
        int first = offset.get();
        Step step = run(rate, seconds, workers, mix, first, request);
        offset.addAndGet(step.scheduled());
        progress.accept(step);
        Thread.sleep(1000); // let queues drain and the collector settle before the next rate
        return step;
    }

    /** Offers {@code rate} requests per second for {@code seconds}, mix entries from {@code first} on. */
    static Step run(double rate, double seconds, int workers, List<BenchQuery> mix, int first, Request request)
            throws InterruptedException {
        int count = Math.max(1, (int) Math.round(rate * seconds));
        long interval = Math.round(1e9 / rate);
        long[] latencies = new long[count];
        boolean[] answered = new boolean[count];
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong lastAnswer = new AtomicLong();
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread thread = new Thread(r, "load-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.prestartAllCoreThreads();
        long backlogLimit = Math.max(2L * workers, (long) Math.ceil(rate)); // one second of requests
        long start = System.nanoTime() + 20_000_000;
        int submitted = 0;
        boolean cut = false;
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (submitted - completed.get() > backlogLimit) {
                cut = true;
                break;
            }
            int index = i;
            pool.execute(() -> {
                try {
                    request.run(first + index);
                    latencies[index] = System.nanoTime() - due;
                    answered[index] = true;
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                    completed.incrementAndGet();
                }
            });
            submitted++;
        }
        List<Runnable> neverStarted = new ArrayList<>();
        if (cut) {
            pool.getQueue().drainTo(neverStarted); // an overloaded target gets no more than it already has
        }
        pool.shutdown();
        if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            cut = true;
        }
        int abandoned = neverStarted.size() + (count - submitted);
        long[] all = new long[count];
        int ok = 0;
        Map<BenchQuery.Kind, long[]> perKind = new EnumMap<>(BenchQuery.Kind.class);
        Map<BenchQuery.Kind, Integer> perKindCount = new EnumMap<>(BenchQuery.Kind.class);
        for (int i = 0; i < count; i++) {
            if (answered[i]) {
                all[ok++] = latencies[i];
                BenchQuery.Kind kind = mix.get((first + i) % mix.size()).kind();
                long[] samples = perKind.computeIfAbsent(kind, k -> new long[count]);
                int n = perKindCount.merge(kind, 1, Integer::sum);
                samples[n - 1] = latencies[i];
            }
        }
        Map<BenchQuery.Kind, Latencies> byKind = new EnumMap<>(BenchQuery.Kind.class);
        perKind.forEach((kind, samples) -> byKind.put(kind, Latencies.of(samples, perKindCount.get(kind))));
        // the offered window is count / rate; answers arriving later stretch it (the target fell behind)
        double elapsed = Math.max(lastAnswer.get() - start, count * (double) interval) / 1e9;
        return new Step(rate, count, ok, errors.get(), abandoned, ok / elapsed, Latencies.of(all, ok), byKind, cut);
    }
}
