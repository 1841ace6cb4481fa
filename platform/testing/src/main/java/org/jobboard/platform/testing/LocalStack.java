package org.jobboard.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The Docker-free stack as tests see it: where PostgreSQL and Kafka answer, read from the file {@code ./dev} writes
 * ({@code .local/run/stack.env}). When the pieces are not running (a single test started from an IDE), it runs
 * {@code ./dev stack start postgres kafka} itself; the pieces stay up for the next run and {@code ./dev down} ends them.
 */
public final class LocalStack {
    private static Properties cached;

    private LocalStack() {
    }

    public static synchronized Properties ensureRunning() {
        if (cached != null) {
            return cached;
        }
        Path root = repositoryRoot();
        Path envFile = root.resolve(".local/run/stack.env");
        Properties env = envFile.toFile().isFile() ? read(envFile) : null;
        if (env == null || !reachable(env.getProperty("JOBBOARD_KAFKA_BOOTSTRAP"))
                || !reachable(env.getProperty("JOBBOARD_DB_HOST") + ":" + env.getProperty("JOBBOARD_DB_PORT"))) {
            start(root);
            env = read(envFile);
        }
        cached = env;
        return env;
    }

    /** Stops one piece of the stack (e.g. "kafka"), for tests of what happens while it is down. */
    public static void stop(String piece) {
        run(repositoryRoot(), "stop", piece);
    }

    /** Starts one piece of the stack again (waits until it is ready). */
    public static void start(String piece) {
        run(repositoryRoot(), "start", piece);
    }

    private static void start(Path root) {
        run(root, "start", "postgres", "kafka");
    }

    private static void run(Path root, String action, String... pieces) {
        try {
            Path log = root.resolve(".local/logs/test-stack.log");
            Files.createDirectories(log.getParent());
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("bash",
                    root.resolve("dev").toString(), "stack", action));
            command.addAll(java.util.List.of(pieces));
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("could not " + action + " " + String.join(", ", pieces) + "; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean reachable(String hostPort) {
        if (hostPort == null || !hostPort.contains(":")) {
            return false;
        }
        String first = hostPort.split(",")[0];
        int colon = first.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))),
                    1000);
            return true;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return properties;
    }

    /** The directory holding {@code ./dev}, found upwards from the working directory (a module or the root). */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("dev")) && Files.isDirectory(dir.resolve("deploy/local"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the repository root (the folder holding ./dev)");
    }
}
