package com.livestormconnect;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The README's architecture, checked on the compiled classes of {@code src/main}: which feature may
 * use which, the sandbox apart, no cycles, nothing tied to one server, and the naming rules. A rule
 * broken here names the offending class and the dependency.
 */
@AnalyzeClasses(
    packages = "com.livestormconnect",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /**
   * Features depend in one direction: {@code admin → dashboard → livestorm → token} and {@code
   * connect → livestorm}; {@code dashboard}, {@code connect} and {@code admin → copy → livestorm}
   * (the local copy); {@code webhook → copy} (Livestorm's webhooks, shown by connect, dashboard and
   * admin); {@code partner → copy} with only {@code admin} above {@code partner}; {@code connect}
   * and {@code dashboard} do not know each other; the shared packages ({@code account}, {@code
   * web}, {@code database}, {@code logging}, {@code config}) use nothing above them; the sandbox
   * uses nothing of the app and nothing uses it.
   */
  @ArchTest
  static final ArchRule featuresDependInOneDirection =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("config")
          .definedBy("com.livestormconnect.config..")
          .layer("database")
          .definedBy("com.livestormconnect.database..")
          .layer("logging")
          .definedBy("com.livestormconnect.logging..")
          .layer("web")
          .definedBy("com.livestormconnect.web..")
          .layer("account")
          .definedBy("com.livestormconnect.account..")
          .layer("token")
          .definedBy("com.livestormconnect.token..")
          .layer("livestorm")
          .definedBy("com.livestormconnect.livestorm..")
          .layer("copy")
          .definedBy("com.livestormconnect.copy..")
          .layer("webhook")
          .definedBy("com.livestormconnect.webhook..")
          .layer("partner")
          .definedBy("com.livestormconnect.partner..")
          .layer("connect")
          .definedBy("com.livestormconnect.connect..")
          .layer("dashboard")
          .definedBy("com.livestormconnect.dashboard..")
          .layer("admin")
          .definedBy("com.livestormconnect.admin..")
          .layer("sandbox")
          .definedBy("com.livestormconnect.sandbox..")
          .whereLayer("admin")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("dashboard")
          .mayOnlyBeAccessedByLayers("admin")
          .whereLayer("connect")
          .mayOnlyBeAccessedByLayers("admin")
          .whereLayer("webhook")
          .mayOnlyBeAccessedByLayers("connect", "dashboard", "admin")
          .whereLayer("partner")
          .mayOnlyBeAccessedByLayers("admin")
          .whereLayer("copy")
          .mayOnlyBeAccessedByLayers("webhook", "partner", "connect", "dashboard", "admin")
          .whereLayer("livestorm")
          .mayOnlyBeAccessedByLayers("copy", "webhook", "connect", "dashboard", "admin")
          .whereLayer("token")
          .mayOnlyBeAccessedByLayers(
              "livestorm", "copy", "webhook", "connect", "dashboard", "admin")
          .whereLayer("account")
          .mayOnlyBeAccessedByLayers(
              "token", "livestorm", "copy", "webhook", "connect", "dashboard", "admin")
          .whereLayer("web")
          .mayOnlyBeAccessedByLayers("account", "copy", "webhook", "connect", "dashboard", "admin")
          .whereLayer("logging")
          .mayOnlyBeAccessedByLayers("admin")
          .whereLayer("database")
          .mayOnlyBeAccessedByLayers(
              "web",
              "account",
              "token",
              "livestorm",
              "copy",
              "webhook",
              "partner",
              "connect",
              "dashboard",
              "admin")
          .whereLayer("config")
          .mayOnlyBeAccessedByLayers(
              "database",
              "logging",
              "web",
              "account",
              "token",
              "livestorm",
              "copy",
              "webhook",
              "partner",
              "connect",
              "dashboard",
              "admin")
          .whereLayer("sandbox")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("sandbox")
          .mayNotAccessAnyLayer();

  /**
   * The call budget has one public face: every other class of the package is package-private, so
   * pages and operators read a connection's budget in one place.
   */
  @ArchTest
  static final ArchRule theCallBudgetHasOnePublicClass =
      classes()
          .that()
          .resideInAPackage("com.livestormconnect.livestorm.budget..")
          .and()
          .areTopLevelClasses()
          .and()
          .arePublic()
          .should()
          .haveSimpleName("CallBudget");

  /** The budget knows nothing of the client that asks it (no cycle inside {@code livestorm}). */
  @ArchTest
  static final ArchRule theCallBudgetDoesNotKnowTheClient =
      noClasses()
          .that()
          .resideInAPackage("com.livestormconnect.livestorm.budget..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.livestormconnect.livestorm");

  /** Every class of the app lives in one of the feature packages above. */
  @ArchTest
  static final ArchRule everyClassBelongsToAFeature =
      noClasses()
          .should()
          .resideInAPackage("com.livestormconnect")
          .because("a class in the root package escapes the dependency rules");

  @ArchTest
  static final ArchRule noCycles =
      slices().matching("com.livestormconnect.(*)..").should().beFreeOfCycles();

  /** The same WAR runs on Payara, WildFly, GlassFish and Open Liberty: standard APIs only. */
  @ArchTest
  static final ArchRule noServerSpecificApi =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "fish.payara..",
              "org.glassfish..",
              "com.sun.enterprise..",
              "org.jboss..",
              "org.wildfly..",
              "io.undertow..",
              "com.ibm..",
              "io.openliberty..",
              "org.eclipse.persistence..",
              "org.hibernate..",
              "org.apache.cxf..",
              "org.eclipse.yasson..",
              "org.eclipse.parsson..");

  /** Only the data source knows which database drivers exist. */
  @ArchTest
  static final ArchRule driversOnlyInDatabase =
      noClasses()
          .that()
          .resideOutsideOfPackage("com.livestormconnect.database..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.derby..", "org.postgresql..");

  /** Classes are named for what they are (style guide). */
  @ArchTest
  static final ArchRule namedForWhatTheyAre =
      noClasses()
          .should()
          .haveSimpleNameEndingWith("Impl")
          .orShould()
          .haveSimpleNameEndingWith("Helper")
          .orShould()
          .haveSimpleNameEndingWith("Util")
          .orShould()
          .haveSimpleNameEndingWith("Utils")
          .orShould()
          .haveSimpleNameEndingWith("Service")
          .orShould()
          .haveSimpleNameEndingWith("Manager");
}
