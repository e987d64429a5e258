package se.jobbtorg.coach;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import javafx.application.Platform;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/**
 * The arrows of design.md: ui → service → domain; store beside service; app wires them. The
 * files package (whole-file writes) is outside the layers: every layer may use it.
 */
@AnalyzeClasses(packages = "se.jobbtorg.coach", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("app")
            .definedBy("..coach.app..")
            .layer("cli")
            .definedBy("..coach.cli..")
            .layer("bench")
            .definedBy("..coach.bench..")
            .layer("ui")
            .definedBy("..coach.ui..")
            .layer("service")
            .definedBy("..coach.service..")
            .layer("report")
            .definedBy("..coach.report..")
            .layer("sync")
            .definedBy("..coach.sync..")
            .layer("i18n")
            .definedBy("..coach.i18n..")
            .layer("store")
            .definedBy("..coach.store..")
            .layer("domain")
            .definedBy("..coach.domain..")
            .whereLayer("app")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("cli")
            .mayOnlyBeAccessedByLayers("app")
            .whereLayer("bench")
            .mayOnlyBeAccessedByLayers("app")
            .whereLayer("ui")
            .mayOnlyBeAccessedByLayers("app")
            .whereLayer("service")
            .mayOnlyBeAccessedByLayers("ui", "cli", "bench", "app")
            .whereLayer("report")
            .mayOnlyBeAccessedByLayers("ui", "cli", "bench", "app")
            .whereLayer("sync")
            .mayOnlyBeAccessedByLayers("service", "ui", "cli", "bench", "app")
            .whereLayer("i18n")
            .mayOnlyBeAccessedByLayers("ui", "report", "cli", "app")
            .whereLayer("store")
            .mayOnlyBeAccessedByLayers("service", "report", "sync", "cli", "bench", "app")
            .whereLayer("domain")
            .mayOnlyBeAccessedByLayers("ui", "service", "report", "sync", "store", "cli", "bench", "app", "i18n");

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that()
            .resideInAPackage("..coach.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "javafx..",
                    "org.jooq..",
                    "java.sql..",
                    "org.sqlite..",
                    "..coach.store..",
                    "..coach.service..",
                    "..coach.ui..");

    /**
     * The screens know a refused package by its exception and its reason (the service's contract),
     * nothing else of the format.
     */
    @ArchTest
    static final ArchRule uiSeesOnlyTheRefusalOfSync = noClasses()
            .that()
            .resideInAPackage("..coach.ui..")
            .should()
            .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("..coach.sync..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.simpleNameEndingWith("RefusedException")
                            .or(JavaClass.Predicates.simpleName("Refusal")))));

    @ArchTest
    static final ArchRule uiNeverSeesTheDatabase = noClasses()
            .that()
            .resideInAPackage("..coach.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jooq..", "java.sql..", "org.sqlite..", "..coach.store..");

    @ArchTest
    static final ArchRule servicesSpeakDomainNotJooq = noClasses()
            .that()
            .resideInAPackage("..coach.service..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jooq..", "java.sql..", "javafx..", "..coach.store.generated..");

    @ArchTest
    static final ArchRule viewModelsHoldNoControls = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..");

    @ArchTest
    static final ArchRule textsAreFreeOfScreens = noClasses()
            .that()
            .resideInAnyPackage("..coach.i18n..", "..coach.report..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "..coach.ui..");

    /** Whole-file writes are for every layer, so they lean on nothing but the JDK. */
    @ArchTest
    static final ArchRule filesStandAlone = classes()
            .that()
            .resideInAPackage("..coach.files..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "..coach.files..");

    @ArchTest
    static final ArchRule jooqOnlyInTheStore = noClasses()
            .that()
            .resideOutsideOfPackages("..coach.store..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.jooq..");

    /**
     * One JSON library, one generation: Jackson 2, which the schema validator reads too, so each
     * package line is parsed once. Jackson 3 (tools.jackson) beside it would mean a second parse.
     */
    @ArchTest
    static final ArchRule oneJsonLibrary = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "tools.jackson..",
                    "org.json..",
                    "com.google.gson..",
                    "javax.json..",
                    "jakarta.json..",
                    "org.glassfish.json..",
                    "net.minidev.json..",
                    "com.alibaba.fastjson..",
                    "com.alibaba.fastjson2..",
                    "com.jsoniter..",
                    "com.squareup.moshi..",
                    "org.codehaus.jackson..",
                    "com.eclipsesource.json..",
                    "org.apache.johnzon..")
            .because("the caseload package is read with Jackson 2 only (see pom.xml)");

    /**
     * Dialogs and file choosers are built in one place, so every one has an owner, the user's
     * language and the same keys: a screen asks the DialogService, or extends ui.common's FormDialog
     * (whose constructor, not JavaFX's, it then calls). A JavaFX dialog's constructor called
     * anywhere else breaks this; so does a class of one's own that extends Dialog directly.
     * No exception for app: its messages before the window (and after) go through FxDialogService too.
     */
    @ArchTest
    static final ArchRule dialogsAreBuiltInUiCommon = noClasses()
            .that()
            .resideOutsideOfPackage("..coach.ui.common..")
            .should()
            .callConstructorWhere(
                    new DescribedPredicate<JavaConstructorCall>(
                            "a constructor of a JavaFX dialog, FileChooser or DirectoryChooser") {
                        @Override
                        public boolean test(JavaConstructorCall call) {
                            JavaClass owner = call.getTarget().getOwner();
                            return owner.getPackageName().startsWith("javafx.")
                                    && (owner.isAssignableTo("javafx.scene.control.Dialog")
                                            || owner.isEquivalentTo(FileChooser.class)
                                            || owner.isEquivalentTo(DirectoryChooser.class));
                        }
                    });

    /**
     * Views show and ask; view models call the use cases. A view (a class in ui named *View, *Pane
     * or *Dialog, with its inner classes) does not depend on the service layer.
     *
     * <p>Frozen exception, to be removed by whoever rewrites it: SyncView, which reads the
     * service's Conflict and Device through SyncViewModel's rows (the view model, being changed
     * now, should give the values the buttons need: the shown value, the one other, the count).
     */
    @ArchTest
    static final ArchRule viewsDoNotDependOnServices = noClasses()
            .that()
            .resideInAPackage("..coach.ui..")
            .and()
            .haveNameMatching(".*(View|Pane|Dialog)(\\$.*)?")
            .and()
            .haveNameNotMatching(".*\\.ui\\.sync\\.SyncView(\\$.*)?")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..coach.service..");

    /**
     * Work that comes back from another thread comes back through the TaskRunner (ui.common), so
     * its failures are never lost. app also may: what calls it from elsewhere is no task (the
     * uncaught-exception handler, the single-instance listener's socket thread, the window
     * placement's screen listener), and it has nothing else to return to the FX thread with.
     */
    @ArchTest
    static final ArchRule runLaterOnlyInCommonAndApp = noClasses()
            .that()
            .resideOutsideOfPackages("..coach.ui.common..", "..coach.app..")
            .should()
            .callMethod(Platform.class, "runLater", Runnable.class);
}
