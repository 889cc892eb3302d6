package dev.earshot.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A TLS context that trusts the certificates of one trust store (the registry's, the peers'). */
public final class TrustStores {
  public static SSLContext sslContext(Path path, String password, String type) {
    try (InputStream in = Files.newInputStream(path)) {
      KeyStore trustStore = KeyStore.getInstance(type);
      trustStore.load(in, password == null ? null : password.toCharArray());
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trustStore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot load trust store " + path + ": " + e.getMessage(), e);
    }
  }

  private TrustStores() {}
}
