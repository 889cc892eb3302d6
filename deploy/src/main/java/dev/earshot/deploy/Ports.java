package dev.earshot.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks, so a taken port is reported by name instead of deep inside a server's logs. */
public final class Ports {
  /** Throws naming the component and the port when something already listens there. */
  public static void requireFree(String what, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new IllegalStateException(
          what
              + " port "
              + port
              + " on 127.0.0.1 is already taken; free it or choose another"
              + " port (see --help)");
    }
  }

  /** A port that was free a moment ago, for tests and for --ports-from 0. */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Ports() {}
}
