package dev.earshot.schemas;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/** A topic name together with the serdes its records are written with; immutable. */
public record TopicWithSerdes<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
  public TopicWithSerdes {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
  }
}
