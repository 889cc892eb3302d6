package dev.earshot.labels.model;

/**
 * Where the bundled models are, relative to the class path root (and to {@code
 * labels/src/main/resources}, where {@code ./earshot train} writes them): one place for the library
 * that reads them and the trainer that writes them.
 */
public final class ModelFiles {
  public static final String SENTIMENT = "sentiment/model.tsv";
  public static final String TOPICS = "topics/model.tsv";
  public static final String DEPARTMENT = "routing/department.tsv";
  public static final String STAGE = "routing/stage.tsv";

  /** Where the models' sources are in the repository, for {@code train --out}'s default. */
  public static final String SOURCE_DIRECTORY = "labels/src/main/resources/";

  private ModelFiles() {}

  /** The class path resource of one of the names above. */
  public static String resource(String name) {
    return "/" + name;
  }
}
