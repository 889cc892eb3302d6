package dev.earshot.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A self-signed certificate for 127.0.0.1 made with the JDK's keytool, and a trust store. */
public final class TestCertificates {
  public static final String PASSWORD = "test-secret";

  /** Writes {@code server.p12} (key and certificate) and {@code trust.p12} (the certificate). */
  public static void make(Path dir) throws IOException, InterruptedException {
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(
        keytool,
        "-genkeypair",
        "-alias",
        "server",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-storetype",
        "PKCS12",
        "-keystore",
        dir.resolve("server.p12").toString(),
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    run(
        keytool,
        "-exportcert",
        "-alias",
        "server",
        "-rfc",
        "-keystore",
        dir.resolve("server.p12").toString(),
        "-storepass",
        PASSWORD,
        "-file",
        dir.resolve("server.pem").toString());
    run(
        keytool,
        "-importcert",
        "-noprompt",
        "-alias",
        "server",
        "-file",
        dir.resolve("server.pem").toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        dir.resolve("trust.p12").toString(),
        "-storepass",
        PASSWORD);
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("keytool failed: " + out);
    }
  }

  private TestCertificates() {}
}
