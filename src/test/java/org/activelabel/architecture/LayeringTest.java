package org.activelabel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rooms of the code and which way their doors open (see the architecture notes): the model side knows
 * nothing of sessions, workspaces, commands or windows; sessions know nothing of workspaces; only the window
 * speaks JavaFX; and no two packages lean on each other.
 */
@AnalyzeClasses(packages = "org.activelabel", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final String ROOT = "org.activelabel.";
    private static final String[] CORE = {ROOT + "image..", ROOT + "backbone..", ROOT + "features..",
        ROOT + "model..", ROOT + "query..", ROOT + "learning.."};

    @ArchTest
    static final ArchRule theCoreUsesNothingAboveIt = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + "session..", ROOT + "workspace..", ROOT + "cli..",
                    ROOT + "ui..")
            .because("simulate, the session commands and the window build on the core, never the other way");

    @ArchTest
    static final ArchRule sessionsKnowNothingOfWorkspaces = noClasses().that().resideInAPackage(ROOT + "session..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + "workspace..")
            .because("a workspace is built on a session");

    @ArchTest
    static final ArchRule onlyTheWindowSpeaksJavaFx = noClasses().that().resideOutsideOfPackage(ROOT + "ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("everything but the window runs and is tested with no display");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching(ROOT + "(*)..").should().beFreeOfCycles();
}
