package dev.earshot.deploy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the Apicurio Registry distribution that the deploy module's build unpacks from Maven
 * Central ({@code io.apicurio:apicurio-registry-app:zip:all}) into {@code target/apicurio}.
 */
public final class ApicurioDistribution {
  public static final String PROPERTY = "earshot.apicurio.home";

  public static Path locate() {
    List<Path> candidates = new ArrayList<>();
    String configured = System.getProperty(PROPERTY, System.getenv("EARSHOT_APICURIO_HOME"));
    if (configured != null) {
      candidates.add(Path.of(configured));
    }
    try {
      Path codeSource =
          Path.of(
              ApicurioDistribution.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI());
      // deploy/target/classes or deploy/target/earshot-local.jar -> deploy/target/apicurio
      candidates.add(codeSource.getParent().resolve("apicurio"));
    } catch (URISyntaxException | RuntimeException ignored) {
      // fall through to the working-directory guesses
    }
    candidates.add(Path.of("deploy", "target", "apicurio"));
    candidates.add(Path.of("target", "apicurio"));
    for (Path candidate : candidates) {
      if (Files.isDirectory(candidate)) {
        return candidate.toAbsolutePath();
      }
    }
    throw new IllegalStateException(
        "Apicurio Registry distribution not found (looked in "
            + candidates
            + "); build with ./mvnw -pl deploy -am package or pass --apicurio-home");
  }

  private ApicurioDistribution() {}
}
