package dev.earshot.tools.sample;

import java.time.Instant;

/** When the fraud wave happens, from {@code spike.yaml}: start included, end excluded. */
record SpikeWindow(long start, long end) {
  static SpikeWindow of(TextTables.Spike spike) {
    return new SpikeWindow(
        Instant.parse(spike.from()).getEpochSecond(), Instant.parse(spike.to()).getEpochSecond());
  }

  boolean contains(long epochSecond) {
    return epochSecond >= start && epochSecond < end;
  }
}
