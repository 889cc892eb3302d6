package dev.earshot.service;

/** A started earshot service: where its HTTP server listens, and how to stop it. */
public interface RunningService extends AutoCloseable {
  String baseUrl();

  @Override
  void close();
}
