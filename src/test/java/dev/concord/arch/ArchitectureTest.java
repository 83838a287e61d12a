package dev.concord.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Holds the package rules of the developers' guide: dependencies point one way, logic never sees UI. */
@AnalyzeClasses(packages = "dev.concord", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPureValues = classes().that().resideInAPackage("dev.concord.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.concord.domain..", "java..", "com.fasterxml.jackson.annotation..");

    @ArchTest
    static final ArchRule mergeIsPureFunctions = classes().that().resideInAPackage("dev.concord.merge..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.concord.merge..", "dev.concord.domain..", "java..", "com.github.difflib..");

    @ArchTest
    static final ArchRule apiIsTheSharedContract = classes().that().resideInAPackage("dev.concord.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.concord.api..", "dev.concord.domain..", "java..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule clientKnowsOnlyTheContract = noClasses().that().resideInAPackage("dev.concord.client..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.concord.sync..", "dev.concord.ui..", "dev.concord.server..", "dev.concord.cli..",
                    "dev.concord.app..", "javafx..");

    @ArchTest
    static final ArchRule syncHasNoUi = noClasses().that().resideInAPackage("dev.concord.sync..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.concord.ui..", "dev.concord.server..", "dev.concord.cli..", "dev.concord.app..",
                    "javafx.scene..", "javafx.stage..", "javafx.application..");

    @ArchTest
    static final ArchRule serverIsIndependentOfClients = noClasses().that().resideInAPackage("dev.concord.server..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.concord.client..", "dev.concord.sync..", "dev.concord.ui..", "dev.concord.cli..",
                    "dev.concord.app..", "javafx..");

    @ArchTest
    static final ArchRule onlyTheEntryPointWiresUiAndServer = noClasses()
            .that().resideOutsideOfPackages("dev.concord.app..", "dev.concord.ui..", "dev.concord.server..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.concord.ui..", "dev.concord.server..");

    @ArchTest
    static final ArchRule uiDoesNotReachIntoTheServer = noClasses().that().resideInAPackage("dev.concord.ui..")
            .should().dependOnClassesThat().resideInAPackage("dev.concord.server..");

    @ArchTest
    static final ArchRule cliHasNoUi = noClasses().that().resideInAPackage("dev.concord.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.concord.ui..", "dev.concord.server..", "javafx..");

    /** Token validation is a library of the server: no routes, no database, no clients. */
    @ArchTest
    static final ArchRule serverAuthValidatesTokensOnly = classes().that().resideInAPackage("dev.concord.server.auth..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.concord.server.auth..", "java..", "com.nimbusds..", "org.slf4j..");
    @ArchTest
    static final ArchRule importerReadsFilesAndKnowsOnlyTheContract = classes().that()
            .resideInAPackage("dev.concord.importer..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.concord.importer..", "dev.concord.api..", "dev.concord.domain..", "java..",
                    "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule opsSeesNothingOfTheServerItWatches = noClasses()
            .that().resideInAPackage("dev.concord.server.ops..")
            .should().dependOnClassesThat().resideInAPackage("dev.concord.server");

    /**
     * The event streams stay a self-contained capability: servlet async I/O and a store interface, no
     * Javalin and none of the server's tables or routes (the server wires them together).
     */
    @ArchTest
    static final ArchRule eventStreamsKnowOnlyTheContractAndServletIo = classes()
            .that().resideInAPackage("dev.concord.server.events..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.concord.server.events..", "dev.concord.api..", "dev.concord.domain..", "java..",
                    "jakarta.servlet..", "org.postgresql..", "org.slf4j..", "com.fasterxml.jackson..");

    /** Desktop and CLI sign-in: OIDC, the session's tokens and the secret stores; no UI, no server, no sync. */
    @ArchTest
    static final ArchRule signInIsALibraryOfTheClients = classes().that().resideInAPackage("dev.concord.auth..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.concord.auth..", "dev.concord.client..", "java..", "com.nimbusds..",
                    "com.github.javakeyring..", "com.fasterxml.jackson..", "com.sun.net.httpserver..", "org.slf4j..");

    /** Words and formats of the console and the command line: the JDK and the domain, nothing else. */
    @ArchTest
    static final ArchRule localizationNeedsOnlyTheJdkAndTheDomain = classes().that().resideInAPackage("dev.concord.i18n..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.concord.i18n..", "dev.concord.domain..", "java..");

    /** Only what an agent reads is translated: the server, sync and the client speak English and codes. */
    @ArchTest
    static final ArchRule onlyTheFacesUseLocalization = noClasses()
            .that().resideOutsideOfPackages("dev.concord.i18n..", "dev.concord.wording..", "dev.concord.ui..",
                    "dev.concord.cli..", "dev.concord.app..")
            .should().dependOnClassesThat().resideInAPackage("dev.concord.i18n..");

    /**
     * The words for sync's reasons and sign-in failures, shared by the console and the command line: codes in,
     * sentences out; no controls, no I/O of its own, and neither face (they may not depend on each other).
     */
    @ArchTest
    static final ArchRule wordingTurnsCodesIntoSentences = classes().that().resideInAPackage("dev.concord.wording..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.concord.wording..", "dev.concord.i18n..",
                    "dev.concord.sync..", "dev.concord.auth..", "dev.concord.client..", "dev.concord.api..",
                    "dev.concord.domain..", "java..", "org.slf4j..");

    /** View models hold state and words only; the controls are the views' business (and testable without them). */
    @ArchTest
    static final ArchRule viewModelsSeeNoControls = noClasses()
            .that().resideInAPackage("dev.concord.ui..").and().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");

    /** The parts of the console's view model (what loads first, the open editors, retiring) see no controls either. */
    @ArchTest
    static final ArchRule consoleViewModelPartsSeeNoControls = noClasses()
            .that().haveNameMatching("dev\\.concord\\.ui\\.main\\.(ConsoleEditors|LoadingOrder|RecordRetirement)")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");

    /**
     * The live banner's parts (what moved, the server's clock, the words, the overlap check, the rebase) and the
     * live console's (banners by record, rows, own presence, the stream's start) are logic: only the banner's view
     * and the console wiring touch controls.
     */
    @ArchTest
    static final ArchRule liveBannerLogicSeesNoControls = noClasses()
            .that().resideInAPackage("dev.concord.ui.live..").and().haveSimpleNameNotEndingWith("View")
            .and().doNotHaveSimpleName("LiveConsole")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");
}
