package dev.earshot.deploy.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small file system of its own (a tmpfs mounted on a directory), so that a test can fill it up
 * under a running service and free it again. Mounting needs root: {@link #mount} returns null where
 * it is refused, and the test that needs it is skipped.
 */
final class SmallDisk implements AutoCloseable {
  private final Path root;
  private final Path filler;

  private SmallDisk(Path root) {
    this.root = root;
    this.filler = root.resolve("filler.bin");
  }

  /** A tmpfs of {@code megabytes} on {@code at} (created if missing), or null if refused. */
  static SmallDisk mount(Path at, int megabytes) throws IOException, InterruptedException {
    Files.createDirectories(at);
    boolean mounted =
        run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", at.toString());
    return mounted ? new SmallDisk(at) : null;
  }

  /** Writes a file until the file system says it is full; returns the bytes written. */
  long fill() throws IOException {
    byte[] chunk = new byte[1 << 20];
    long written = 0;
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(chunk);
        written += chunk.length;
      }
    } catch (IOException full) {
      if (root.toFile().getUsableSpace() > chunk.length) {
        throw full; // not the disk being full
      }
      return written;
    }
  }

  /** Deletes what {@link #fill} wrote. */
  void free() throws IOException {
    Files.deleteIfExists(filler);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    // Lazily: a process that died with files open there must not keep the mount.
    run("umount", "-l", root.toString());
  }

  private static boolean run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
  }
}
