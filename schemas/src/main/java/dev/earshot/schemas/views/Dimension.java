package dev.earshot.schemas.views;

import dev.earshot.avro.EnrichedPost;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A label family an aggregate view groups by, and where an enriched post carries it. A post without
 * a label of the family is counted under {@link #UNASSIGNED}, so that a view's cells add up to all
 * posts and analysts see how much the taxonomy does not yet explain.
 */
public enum Dimension {
  AUDIENCE("audience", EnrichedPost::getAudiences),
  TOPIC("topic", EnrichedPost::getTopics),
  BRAND("brand", EnrichedPost::getBrands),
  DEPARTMENT("department", post -> one(post.getDepartment())),
  STAGE("stage", post -> one(post.getStage()));

  public static final String UNASSIGNED = "unassigned";

  private final String field;
  private final Function<EnrichedPost, List<String>> labels;

  Dimension(String field, Function<EnrichedPost, List<String>> labels) {
    this.field = field;
    this.labels = labels;
  }

  /** Its name in paths, query parameters and the flat output records. */
  public String field() {
    return field;
  }

  /** The post's labels of this family, each once, or {@link #UNASSIGNED} when it has none. */
  public List<String> of(EnrichedPost post) {
    List<String> found = labels.apply(post);
    if (found == null || found.isEmpty()) {
      return List.of(UNASSIGNED);
    }
    List<String> distinct = new ArrayList<>(found.size());
    for (String label : found) {
      if (!distinct.contains(label)) {
        distinct.add(label);
      }
    }
    return distinct;
  }

  private static List<String> one(String label) {
    return label == null ? List.of() : List.of(label);
  }
}
