package dev.earshot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.earshot.schemas.registry.SchemaRegistryException;
import dev.earshot.schemas.registry.SchemaRegistryUnavailableException;
import java.time.Duration;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class FailuresTest {
  private static final Duration NO_LOOP = Duration.ofSeconds(5);

  @Test
  void shouldSeeARegistryOutageDeepInTheCauseChain() {
    Throwable t =
        new StreamsException(
            "task failed",
            new SerializationException(
                "cannot read posts.raw",
                new RuntimeException(
                    "wrapper",
                    new SchemaRegistryUnavailableException("registry down", 503, null))));

    assertThat(Failures.isOutage(t)).isTrue();
  }

  @Test
  void shouldSeeARegistryOutageAtTheTopOfTheChain() {
    assertThat(Failures.isOutage(new SchemaRegistryUnavailableException("down", 0, null))).isTrue();
  }

  @Test
  void shouldTreatARetriableKafkaErrorAsAnOutage() {
    assertThat(Failures.isOutage(new TimeoutException("metadata not available"))).isTrue();
    assertThat(Failures.isOutage(new StreamsException(new NotLeaderOrFollowerException("moved"))))
        .isTrue();
  }

  @Test
  void shouldTreatASerializationExceptionAsBadInput() {
    assertThat(Failures.isOutage(new SerializationException("unknown magic byte"))).isFalse();
    assertThat(
            Failures.isOutage(
                new StreamsException(
                    new SerializationException("bad", new IllegalArgumentException("x")))))
        .isFalse();
  }

  @Test
  void shouldNotTreatARegistryRefusalAsAnOutage() {
    assertThat(
            Failures.isOutage(new SchemaRegistryException("schema 7 not found", 404, 40403, null)))
        .isFalse();
  }

  @Test
  void shouldAnswerFalseForNull() {
    assertThat(Failures.isOutage(null)).isFalse();
  }

  @Test
  void shouldNotLoopOnACauseThatIsItself() {
    Throwable self =
        new RuntimeException("self") {
          @Override
          public synchronized Throwable getCause() {
            return this;
          }
        };

    boolean outage = assertTimeoutPreemptively(NO_LOOP, () -> Failures.isOutage(self));

    assertThat(outage).isFalse();
  }

  @Test
  void shouldNotLoopOnACycleOfTwoCauses() {
    // Throwable.initCause only refuses a direct self-cause; a longer cycle is allowed (and
    // printStackTrace guards against it with "CIRCULAR REFERENCE").
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b");
    a.initCause(b);
    b.initCause(a);

    boolean outage = assertTimeoutPreemptively(NO_LOOP, () -> Failures.isOutage(a));

    assertThat(outage).isFalse();
  }

  @Test
  void shouldStillSeeAnOutageThatIsPartOfACycle() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b");
    SchemaRegistryUnavailableException down =
        new SchemaRegistryUnavailableException("down", 503, a);
    a.initCause(b);
    b.initCause(down);

    boolean outage = assertTimeoutPreemptively(NO_LOOP, () -> Failures.isOutage(a));

    assertThat(outage).isTrue();
  }

  @Test
  void theRootCauseIsTheInnermostEvenInACycle() {
    IllegalStateException inner = new IllegalStateException("registry said no");
    RuntimeException outer = new RuntimeException("wrapped", inner);
    assertThat(Failures.rootCause(outer)).isSameAs(inner);
    assertThat(Failures.rootCause(inner)).isSameAs(inner);

    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertThat(Failures.rootCause(b)).isSameAs(a);
  }

  @Test
  void aStoreThatCannotBeWrittenIsALocalStateFailureButABadRecordsIoErrorIsNot() {
    assertThat(
            Failures.isLocalStateFailure(
                new org.apache.kafka.streams.errors.ProcessorStateException(
                    "Error while putting key", new org.rocksdb.RocksDBException("No space left"))))
        .isTrue();
    assertThat(
            Failures.isLocalStateFailure(
                new RuntimeException("cannot decode", new java.io.EOFException("truncated"))))
        .isFalse();
  }
}
