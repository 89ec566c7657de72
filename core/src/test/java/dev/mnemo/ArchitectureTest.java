package dev.mnemo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows between core's packages point one way, and core never reaches into a kernel module,
 * a plugin, the command or the examples. From the bottom: {@code tensor}; {@code kernel},
 * {@code io} and {@code data} on it; {@code autograd} on kernel; {@code optim} on autograd (never
 * nn); {@code nn} on autograd, kernel and io; {@code train} on all of those; {@code task} on top.
 * Checked on the compiled classes (ArchUnit), so a fully qualified name or a static import counts
 * as much as an import line.
 */
class ArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.mnemo");
    }

    @Test
    void packagesDependOnlyOnThoseBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("tensor").definedBy("dev.mnemo.tensor..")
                .layer("kernel").definedBy("dev.mnemo.kernel..")
                .layer("io").definedBy("dev.mnemo.io..")
                .layer("data").definedBy("dev.mnemo.data..")
                .layer("autograd").definedBy("dev.mnemo.autograd..")
                .layer("optim").definedBy("dev.mnemo.optim..")
                .layer("nn").definedBy("dev.mnemo.nn..")
                .layer("train").definedBy("dev.mnemo.train..")
                .layer("task").definedBy("dev.mnemo.task..")
                .whereLayer("task").mayNotBeAccessedByAnyLayer()
                .whereLayer("train").mayOnlyBeAccessedByLayers("task")
                .whereLayer("nn").mayOnlyBeAccessedByLayers("train", "task")
                .whereLayer("optim").mayOnlyBeAccessedByLayers("train", "task")
                .whereLayer("data").mayOnlyBeAccessedByLayers("train", "task")
                .whereLayer("autograd").mayOnlyBeAccessedByLayers("optim", "nn", "train", "task")
                .whereLayer("io").mayOnlyBeAccessedByLayers("nn", "train", "task")
                .whereLayer("kernel").mayOnlyBeAccessedByLayers("autograd", "nn", "train", "task")
                .check(core);
    }

    @Test
    void coreReachesIntoNoModuleBuiltOnIt() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "dev.mnemo.kernels..", "dev.mnemo.text..", "dev.mnemo.cli..", "dev.mnemo.examples..", "dev.mnemo.benchmarks..")
                .because("core is what the kernel modules, plugins and the command build on")
                .check(core);
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("dev.mnemo.(*)..").should().beFreeOfCycles().check(core);
    }
}
