package io.llmgateway.benchmarks.ratelimit;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import redis.embedded.core.ExecutableProvider;

/**
 * A redis-server on loopback for row g, no persistence: the one on the PATH, else the binary
 * embedded-redis ships. Started as a plain child process (embedded-redis's own server class waits
 * on log lines we do not need); stopped on close.
 */
final class LocalRedis implements AutoCloseable {
  private final Process process;
  private final File dir;
  private final int port;

  private LocalRedis(Process process, File dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  static LocalRedis start() throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    File dir = Files.createTempDirectory("llmgw-bench-redis").toFile();
    Process p =
        new ProcessBuilder(
                binary(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.getAbsolutePath())
            .redirectErrorStream(true)
            .redirectOutput(new File(dir, "redis.log"))
            .start();
    LocalRedis redis = new LocalRedis(p, dir, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline && p.isAlive()) {
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return redis;
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    redis.close();
    throw new IOException("redis-server did not start on port " + port);
  }

  private static String binary() throws IOException {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String d : path.split(File.pathSeparator)) {
        File f = new File(d, "redis-server");
        if (f.canExecute()) {
          return f.getAbsolutePath();
        }
      }
    }
    return ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    File[] files = dir.listFiles();
    if (files != null) {
      for (File f : files) {
        f.delete();
      }
    }
    dir.delete();
  }
}
