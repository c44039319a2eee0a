package org.corridor.workflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The lifecycles know the engine and nothing of the rules engine or of the service that
 * keeps passes.
 */
@AnalyzeClasses(packages = "org.corridor.workflow", importOptions = ImportOption.DoNotIncludeTests.class)
class WorkflowsArchitectureTest {

    @ArchTest
    static final ArchRule workflowsNeverTouchDrools = noClasses().should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.drools..", "org.kie..", "org.corridor.rules..")
        .because("policy runs in policy-rules; a lifecycle only asks its PolicyCheck port");

    @ArchTest
    static final ArchRule workflowsNeverTouchSpring = noClasses().should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..")
        .because("the service wires the delegates (lifecycle.LifecycleConfiguration); the engine runs them");

}
