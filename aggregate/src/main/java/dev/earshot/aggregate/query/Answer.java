package dev.earshot.aggregate.query;

import java.util.List;

/**
 * What a query found, independent of HTTP: a value with the instances that answered, or the reason
 * no trustworthy answer can be given now (the HTTP layer maps that to 503).
 */
public sealed interface Answer<T> {
  record Found<T>(T value, List<String> instances) implements Answer<T> {}

  record Unavailable<T>(String reason) implements Answer<T> {}
}
