package dev.earshot.schemas.serde;

import dev.earshot.avro.RawPost;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Since Avro 1.12.2 a record's class is loaded by the name its schema gives only when Avro trusts
 * that class (by default: a few JDK classes), so that a schema from outside cannot make a reader
 * load an arbitrary class. The classes generated from this project's schemas are trusted here, and
 * nothing else: every other class stays as Avro's global rule (and its system properties) says.
 */
public final class GeneratedAvroClasses {
  /** The one package the Avro Maven plugin writes the generated classes into. */
  public static final String PACKAGE = RawPost.class.getPackageName();

  private static boolean trusted;

  private GeneratedAvroClasses() {}

  /** Makes Avro trust the generated classes; the serializers call it, so can anything else. */
  public static synchronized void trust() {
    if (trusted) {
      return;
    }
    ClassSecurityPredicate generated = type -> type.getPackageName().equals(PACKAGE);
    ClassSecurityValidator.setGlobal(
        ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), generated));
    trusted = true;
  }
}
