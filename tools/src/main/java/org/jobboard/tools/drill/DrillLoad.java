package org.jobboard.tools.drill;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Steady load for the rolling-restart drill: N clients reading postings through the gateway until a stop file
 * appears, then a report of every answer that was not a 200.
 * Args: url concurrency stopFile
 */
public class DrillLoad {
    public static void main(String[] args) throws Exception {
        // HTTP/1.1 like browsers behind TLS-less proxies; the JDK client would otherwise try an h2c upgrade
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(args[0]);
        int concurrency = Integer.parseInt(args[1]);
        Path stop = Path.of(args[2]);
        AtomicLong ok = new AtomicLong();
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(concurrency);
        long started = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            new Thread(() -> {
                while (!Files.exists(stop)) {
                    try {
                        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
                                .GET().build(), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 200) {
                            ok.incrementAndGet();
                        } else {
                            failures.computeIfAbsent("HTTP " + response.statusCode(), k -> new AtomicLong()).incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                    }
                }
                done.countDown();
            }).start();
        }
        done.await();
        long failed = failures.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf("  %d requests in %.0f s through the gateway during the restarts: %d ok, %d failed %s%n",
                ok.get() + failed, (System.nanoTime() - started) / 1e9, ok.get(), failed, new TreeMap<>(failures));
        System.exit(failed == 0 ? 0 : 1);
    }
}
