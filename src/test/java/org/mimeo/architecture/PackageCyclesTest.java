package org.mimeo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages read like the architecture (api, then the modes and schedule, then replication, copy and ddl,
 * source, config and job, and sql, error and internal at the ground): no cycle among them, and no generic
 * package names a replication type.
 */
@AnalyzeClasses(packages = "org.mimeo", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule noPackageCycle = slices().matching("org.mimeo.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule genericCodeNamesNoReplicationType = noClasses().that().resideInAnyPackage("org.mimeo.replication..",
                    "org.mimeo.copy..", "org.mimeo.ddl..", "org.mimeo.source..", "org.mimeo.config..", "org.mimeo.job..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mimeo.snapshot..", "org.mimeo.table..", "org.mimeo.incremental..",
                    "org.mimeo.queue..");
}
