package dev.earshot.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call the APIs: bearer tokens read from a file (a mounted secret), one client per line:
 *
 * <pre>
 * # name      roles          token (or sha256:&lt;hex of the token&gt;, so the file holds no secret)
 * crawler     ingest         4f1c0b7e9a...
 * grafana     query          sha256:9b74c9897bac770ffc029102a200c5de...
 * aggregate   query,peer     7d2e...
 * </pre>
 *
 * Roles: {@code ingest} may post, {@code query} may read aggregates, {@code peer} marks another
 * instance of the service: not rate-limited, as each request it forwards was already charged to the
 * client that asked it (a refused forward would turn into a 503 for that client). Tokens are
 * compared by their SHA-256, so the lookup takes the same time whatever the token. No file: the
 * APIs are open (the local stack on 127.0.0.1).
 */
public final class ApiTokens {
  /** The role of another instance of the service (see the class doc). */
  public static final String PEER = "peer";

  /** A caller the token file names. */
  public record Client(String name, Set<String> roles) {}

  private final Map<String, Client> byDigest;

  private ApiTokens(Map<String, Client> byDigest) {
    this.byDigest = byDigest;
  }

  public static ApiTokens open() {
    return new ApiTokens(Map.of());
  }

  public static ApiTokens load(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the API token file " + file, e);
    }
    Map<String, Client> byDigest = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length != 3) {
        throw new IllegalArgumentException(
            file + ":" + (i + 1) + ": expected '<name> <role>[,<role>] <token>'");
      }
      String digest =
          parts[2].startsWith("sha256:") ? parts[2].substring(7).toLowerCase() : sha256(parts[2]);
      if (byDigest.put(digest, new Client(parts[0], Set.of(parts[1].split(",")))) != null) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": this token is listed twice");
      }
    }
    if (byDigest.isEmpty()) {
      throw new IllegalArgumentException(file + " lists no token: every request would be refused");
    }
    return new ApiTokens(Map.copyOf(byDigest));
  }

  /** Whether requests must carry a token. */
  public boolean required() {
    return !byDigest.isEmpty();
  }

  public Optional<Client> find(String token) {
    return Optional.ofNullable(byDigest.get(sha256(token)));
  }

  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
