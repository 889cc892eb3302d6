package dev.earshot.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local stack for the integration tests whose checks do not depend on what else ran on it (each
 * posts its own data and compares against what it saw before). Started by the first test class that
 * asks for it ({@code @ExtendWith(SharedStack.class)}), closed when the run ends. Tests that need
 * exact totals or a restart start a stack of their own.
 */
public final class SharedStack implements BeforeAllCallback {
  private static LocalStack stack;

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(SharedStack.class, key -> new Running(), Running.class);
  }

  public static LocalStack stack() {
    if (stack == null) {
      throw new IllegalStateException(
          "annotate the test class with @ExtendWith(SharedStack.class)");
    }
    return stack;
  }

  private static final class Running implements ExtensionContext.Store.CloseableResource {
    private final Path dataDir;

    Running() {
      try {
        dataDir = Files.createTempDirectory("earshot-shared-stack");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      stack =
          LocalStack.start(LocalStack.Settings.onFreePorts(dataDir, ApicurioDistribution.locate()));
    }

    @Override
    public void close() throws IOException {
      stack.close();
      stack = null;
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
