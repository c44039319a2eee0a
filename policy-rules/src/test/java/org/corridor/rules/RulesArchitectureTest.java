package org.corridor.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules know Drools and nothing of the process engine or of the service that keeps
 * passes.
 */
@AnalyzeClasses(packages = "org.corridor.rules", importOptions = ImportOption.DoNotIncludeTests.class)
class RulesArchitectureTest {

    @ArchTest
    static final ArchRule rulesNeverTouchCamunda = noClasses().should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.camunda..", "org.corridor.workflow..")
        .because("lifecycles run in workflows; rules only judge the facts they are given");

    @ArchTest
    static final ArchRule rulesNeverTouchSpring = noClasses().should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..")
        .because("the service wires the rules; policy-rules stays a plain library");

}
