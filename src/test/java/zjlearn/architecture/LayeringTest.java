package zjlearn.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The flow scan → probe → check → report → pack, with the rules and the texts beneath everything and the
 * commands on top: a package may use the layers below it, never one above. Reading archives is part of
 * reading the input (scan): the archive package reports what it finds as the scan's layout issues.
 */
class LayeringTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("zjlearn");

    @Test
    void layersOnlyUseTheLayersBelow() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("Texts").definedBy("zjlearn.i18n..")
                .layer("Rules").definedBy("zjlearn.rules..")
                .layer("Scan").definedBy("zjlearn.scan..", "zjlearn.archive..")
                .layer("Probe").definedBy("zjlearn.probe..")
                .layer("Check").definedBy("zjlearn.check..")
                .layer("Report").definedBy("zjlearn.report..")
                .layer("Pack").definedBy("zjlearn.pack..")
                .layer("Fix").definedBy("zjlearn.fix..")
                .layer("Cli").definedBy("zjlearn.cli..")
                .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("Fix").mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("Pack").mayOnlyBeAccessedByLayers("Fix", "Cli")
                .whereLayer("Report").mayOnlyBeAccessedByLayers("Pack", "Fix", "Cli")
                .whereLayer("Check").mayOnlyBeAccessedByLayers("Report", "Pack", "Fix", "Cli")
                .whereLayer("Probe").mayOnlyBeAccessedByLayers("Check", "Report", "Pack", "Fix", "Cli")
                .whereLayer("Scan").mayOnlyBeAccessedByLayers("Probe", "Check", "Report", "Pack", "Fix", "Cli")
                .whereLayer("Rules").mayOnlyBeAccessedByLayers("Scan", "Probe", "Check", "Report", "Pack", "Fix", "Cli")
                .check(MAIN);
    }
}
