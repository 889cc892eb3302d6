package dev.earshot.schemas.views;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The aggregate views: each counts posts per cell, a combination of one label from each of its
 * dimensions. A post with two brands and one topic is in two brand x topic cells. Each view has its
 * own window stores, its own final and updates topics per window size, and its own query path, all
 * named after {@link #id()}.
 */
public enum View {
  AUDIENCE_TOPIC("audience-topic", Dimension.AUDIENCE, Dimension.TOPIC),
  BRAND_TOPIC("brand-topic", Dimension.BRAND, Dimension.TOPIC),
  BRAND_AUDIENCE("brand-audience", Dimension.BRAND, Dimension.AUDIENCE),
  BRAND("brand", Dimension.BRAND),
  TOPIC("topic", Dimension.TOPIC),
  DEPARTMENT_BRAND("department-brand", Dimension.DEPARTMENT, Dimension.BRAND),
  STAGE_BRAND("stage-brand", Dimension.STAGE, Dimension.BRAND);

  private final String id;
  private final List<Dimension> dimensions;

  View(String id, Dimension... dimensions) {
    this.id = id;
    this.dimensions = List.of(dimensions);
  }

  public String id() {
    return id;
  }

  public List<Dimension> dimensions() {
    return dimensions;
  }

  public static Optional<View> byId(String id) {
    return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
  }
}
