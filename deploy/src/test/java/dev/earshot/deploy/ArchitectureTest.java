package dev.earshot.deploy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The house rules, checked on the main classes of every module (this module's test class path holds
 * them all): no package cycles anywhere, the labelling library free of Kafka, and the modules
 * layered so that no import runs back up.
 */
class ArchitectureTest {
  private static final JavaClasses EARSHOT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // The modules come as jars here; their test jars (TestCertificates) are not main code.
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages("dev.earshot");

  @Test
  void thereAreClassesToCheck() {
    // Guards the rules below against passing on an empty import.
    for (String module :
        new String[] {"schemas", "service", "ingest", "labels", "enrich", "aggregate", "tools"}) {
      org.assertj.core.api.Assertions.assertThat(
              EARSHOT.stream()
                  .anyMatch(c -> c.getPackageName().startsWith("dev.earshot." + module)))
          .as(module)
          .isTrue();
    }
  }

  @Test
  void noPackageDependsOnItselfThroughAnother() {
    slices().matching("dev.earshot.(**)").should().beFreeOfCycles().check(EARSHOT);
  }

  @Test
  void theLabellingLibraryHasNoKafkaAndNoServiceCode() {
    noClasses()
        .that()
        .resideInAPackage("dev.earshot.labels..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "dev.earshot.service..",
            "dev.earshot.enrich..",
            "dev.earshot.tools..",
            "io.javalin..",
            "io.micrometer..")
        .check(EARSHOT);
  }

  @Test
  void servicesShipNoToolsOrLocalStack() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.earshot.schemas..",
            "dev.earshot.service..",
            "dev.earshot.ingest..",
            "dev.earshot.labels..",
            "dev.earshot.enrich..",
            "dev.earshot.aggregate..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.earshot.tools..", "dev.earshot.deploy..")
        .check(EARSHOT);
  }

  @Test
  void stagesDoNotDependOnEachOther() {
    slices()
        .matching("dev.earshot.(ingest|enrich|aggregate)..")
        .should()
        .notDependOnEachOther()
        .check(EARSHOT);
  }

  @Test
  void theContractDependsOnNoOtherModule() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.earshot.schemas..", "dev.earshot.avro..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.earshot.service..",
            "dev.earshot.ingest..",
            "dev.earshot.labels..",
            "dev.earshot.enrich..",
            "dev.earshot.aggregate..",
            "dev.earshot.tools..",
            "dev.earshot.deploy..")
        .check(EARSHOT);
  }
}
