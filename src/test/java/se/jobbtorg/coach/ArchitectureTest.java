package se.jobbtorg.coach;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The arrows of design.md: ui → service → domain; store beside service; app wires them. The
 * files package (whole-file writes) is outside the layers: every layer may use it.
 */
@AnalyzeClasses(packages = "se.jobbtorg.coach", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("app").definedBy("..coach.app..")
            .layer("cli").definedBy("..coach.cli..")
            .layer("ui").definedBy("..coach.ui..")
            .layer("service").definedBy("..coach.service..")
            .layer("report").definedBy("..coach.report..")
            .layer("sync").definedBy("..coach.sync..")
            .layer("i18n").definedBy("..coach.i18n..")
            .layer("store").definedBy("..coach.store..")
            .layer("domain").definedBy("..coach.domain..")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
            .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
            .whereLayer("service").mayOnlyBeAccessedByLayers("ui", "cli", "app")
            .whereLayer("report").mayOnlyBeAccessedByLayers("ui", "cli", "app")
            .whereLayer("sync").mayOnlyBeAccessedByLayers("service", "ui", "cli", "app")
            .whereLayer("i18n").mayOnlyBeAccessedByLayers("ui", "report", "cli", "app")
            .whereLayer("store").mayOnlyBeAccessedByLayers("service", "report", "sync", "cli", "app")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("ui", "service", "report", "sync", "store", "cli", "app", "i18n");

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..coach.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jooq..", "java.sql..",
                    "org.sqlite..", "..coach.store..", "..coach.service..", "..coach.ui..");

    /**
     * The screens know a refused package by its exception and its reason (the service's contract),
     * nothing else of the format.
     */
    @ArchTest
    static final ArchRule uiSeesOnlyTheRefusalOfSync = noClasses().that().resideInAPackage("..coach.ui..")
            .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates
                    .resideInAPackage("..coach.sync..")
                    .and(com.tngtech.archunit.base.DescribedPredicate.not(
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith("RefusedException")
                                    .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("Refusal")))));

    @ArchTest
    static final ArchRule uiNeverSeesTheDatabase = noClasses().that().resideInAPackage("..coach.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "org.sqlite..",
                    "..coach.store..");

    @ArchTest
    static final ArchRule servicesSpeakDomainNotJooq = noClasses().that().resideInAPackage("..coach.service..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "javafx..",
                    "..coach.store.generated..");

    @ArchTest
    static final ArchRule viewModelsHoldNoControls = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                    "org.controlsfx..");

    @ArchTest
    static final ArchRule textsAreFreeOfScreens = noClasses().that().resideInAnyPackage("..coach.i18n..", "..coach.report..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "..coach.ui..");

    /** Whole-file writes are for every layer, so they lean on nothing but the JDK. */
    @ArchTest
    static final ArchRule filesStandAlone = classes().that().resideInAPackage("..coach.files..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..coach.files..");

    @ArchTest
    static final ArchRule jooqOnlyInTheStore = noClasses().that().resideOutsideOfPackages("..coach.store..")
            .should().dependOnClassesThat().resideInAPackage("org.jooq..");
}
