package org.jobboard.tools.bench.search;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A second search-service process for the benchmark: the packaged jar on a free port, with its own index directory and
 * topic, the heap the issue allows (512 MB) and the garbage collector the local stack uses. Stopped with SIGTERM, so
 * the indexer commits what it applied, and killed if the benchmark itself is interrupted.
 */
final class ServiceProcess implements AutoCloseable {
    static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx512m", "-Xmn128m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError");

    private final Process process;
    private final int port;
    private final long startedNanos;
    private final Thread killer;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess(Process process, int port, long startedNanos) {
        this.process = process;
        this.port = port;
        this.startedNanos = startedNanos;
        this.killer = new Thread(process::destroyForcibly, "search-bench-service-killer");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    static ServiceProcess start(Path jar, Map<String, String> environment, Path log) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package search-service first");
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        // extra options for profiling the service under load, e.g. -XX:StartFlightRecording=...
        String extra = System.getenv("BENCH_SERVICE_JAVA_OPTIONS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        long started = System.nanoTime();
        return new ServiceProcess(builder.start(), port, started);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * CPU seconds the JVM's JIT compiler threads have used so far (from /proc), or -1 where that cannot be read.
     */
    double compilerCpuSeconds() {
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long ticks = 0;
        try (var threads = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) threads::iterator) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        String stat = Files.readString(task.resolve("stat"));
                        // fields after the parenthesised name: state is field 3, utime 14, stime 15
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended while reading: its time no longer counts
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks / 100.0; // USER_HZ is 100 on Linux
    }

    long pid() {
        return process.pid();
    }

    /** Waits until {@code /q/health/ready} is UP (the index caught up with the topic); seconds since the start. */
    double awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("search-service exited with " + process.exitValue() + " while starting");
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250); // each DOWN answer is logged by the service: poll gently
        }
        throw new IllegalStateException("search-service did not become ready within " + timeout);
    }

    /**
     * Heap in use right after a full collection (jcmd GC.run, then the service's own jvm_memory_used_bytes), i.e.
     * what the service really holds; -1 when jcmd is not available.
     */
    long heapAfterFullGc() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return -1;
        }
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
            return -1;
        }
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        long used = 0;
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return used;
    }

    /** Resident set size of the process in bytes (Linux), -1 elsewhere. */
    long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** SIGTERM and wait: the indexer commits its last offsets on the way down. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }
}
