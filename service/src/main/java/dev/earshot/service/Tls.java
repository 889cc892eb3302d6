package dev.earshot.service;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** The HTTPS connector a service listens on when it is given a key store (and then no HTTP). */
final class Tls {
  static Connector connector(Server server, HttpConfiguration http, HttpSettings settings) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(settings.tls().keystore().toString());
    ssl.setKeyStorePassword(settings.tls().password());
    ssl.setKeyStoreType(settings.tls().type());
    HttpConfiguration https = new HttpConfiguration(http);
    // The certificate names the service's DNS name; clients check it, the server does not need to
    // check the Host header against it (pods are reached by several names).
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false);
    https.addCustomizer(secure);
    ServerConnector connector =
        new ServerConnector(
            server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    connector.setHost(settings.host());
    connector.setPort(settings.port());
    return connector;
  }

  private Tls() {}
}
