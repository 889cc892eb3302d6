package dev.earshot.deploy;

import dev.earshot.schemas.Topics;
import dev.earshot.schemas.views.View;
import dev.earshot.schemas.views.WindowSize;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Exactly the Kafka ACLs each earshot service needs on a cluster with an authorizer, and nothing
 * more: the README's table, and what the security integration test grants before it runs each
 * service as its own SCRAM principal. The Streams apps also own every topic and transactional id
 * that starts with their application id (Kafka Streams' internal topics and EOS producers).
 */
public final class ServiceAcls {
  public static List<AclBinding> ingest(String principal) {
    List<AclBinding> acls = new ArrayList<>();
    topic(acls, principal, Topics.POSTS_RAW, AclOperation.WRITE);
    topic(acls, principal, Topics.INGEST_DLQ, AclOperation.WRITE);
    return acls;
  }

  public static List<AclBinding> enrich(String principal, String applicationId) {
    List<AclBinding> acls = streamsApp(principal, applicationId);
    topic(acls, principal, Topics.POSTS_RAW, AclOperation.READ);
    topic(acls, principal, Topics.TAXONOMY, AclOperation.READ);
    topic(acls, principal, Topics.POSTS_ENRICHED, AclOperation.WRITE);
    topic(acls, principal, Topics.ENRICH_DLQ, AclOperation.WRITE);
    return acls;
  }

  public static List<AclBinding> aggregate(String principal, String applicationId) {
    List<AclBinding> acls = streamsApp(principal, applicationId);
    topic(acls, principal, Topics.POSTS_ENRICHED, AclOperation.READ);
    for (View view : View.values()) {
      for (WindowSize size : WindowSize.DEFAULTS) {
        topic(acls, principal, Topics.viewFinal(view, size), AclOperation.WRITE);
        topic(acls, principal, Topics.viewUpdates(view, size), AclOperation.WRITE);
      }
    }
    topic(acls, principal, Topics.ALERTS, AclOperation.WRITE);
    topic(acls, principal, Topics.AGGREGATE_DLQ, AclOperation.WRITE);
    return acls;
  }

  /** The consumer group, internal topics and transactional ids of a Kafka Streams app. */
  private static List<AclBinding> streamsApp(String principal, String applicationId) {
    List<AclBinding> acls = new ArrayList<>();
    allow(
        acls, principal, ResourceType.GROUP, applicationId, PatternType.LITERAL, AclOperation.READ);
    allow(
        acls,
        principal,
        ResourceType.TOPIC,
        applicationId + "-",
        PatternType.PREFIXED,
        AclOperation.ALL);
    for (AclOperation op : List.of(AclOperation.WRITE, AclOperation.DESCRIBE)) {
      allow(
          acls,
          principal,
          ResourceType.TRANSACTIONAL_ID,
          applicationId + "-",
          PatternType.PREFIXED,
          op);
    }
    return acls;
  }

  private static void topic(
      List<AclBinding> acls, String principal, String topic, AclOperation operation) {
    allow(acls, principal, ResourceType.TOPIC, topic, PatternType.LITERAL, operation);
    allow(acls, principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE);
  }

  private static void allow(
      List<AclBinding> acls,
      String principal,
      ResourceType type,
      String name,
      PatternType pattern,
      AclOperation operation) {
    AclBinding acl =
        new AclBinding(
            new ResourcePattern(type, name, pattern),
            new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW));
    if (!acls.contains(acl)) {
      acls.add(acl);
    }
  }

  private ServiceAcls() {}
}
