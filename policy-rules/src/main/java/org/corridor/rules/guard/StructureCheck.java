package org.corridor.rules.guard;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Checks what the Drools parser made of the DRL, that is what the compiler would get: no
 * package members but rules; for each rule only salience and no-loop, conditions that are
 * patterns of fact types (under not, exists, and, or), each constraint checked against
 * its pattern's type by {@link ConstraintCheck}, and a consequence checked by
 * {@link ConsequenceCheck}.
 */
final class StructureCheck {

    static final String PACKAGE_NAME = "org.corridor.rules";

    private static final Pattern BINDING_NAME = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*");

    private static final Pattern RULE_NAME = Pattern.compile("[\\p{L}\\p{N} _\\-.,'()&:]{1,120}");

    private static final Pattern SALIENCE = Pattern.compile("-?[0-9]{1,6}");

    private static final Set<Class<?>> COMBINATIONS = Set.of(AndDescr.class, OrDescr.class, NotDescr.class,
            ExistsDescr.class);

    /**
     * Deeper than any condition within {@link DrlGuard#MAX_NESTING} parentheses needs.
     */
    private static final int MAX_CONDITION_DEPTH = 2 * DrlGuard.MAX_NESTING + 2;

    /**
     * Drools compiles one rule per alternative of its 'or's; this keeps that number
     * small.
     */
    static final int MAX_ALTERNATIVES = 64;

    private final String source;

    private final Problems problems;

    private final FactVocabulary facts = FactVocabulary.INSTANCE;

    StructureCheck(String source, Problems problems) {
        this.source = source;
        this.problems = problems;
    }

    static boolean isBindingName(String name) {
        return BINDING_NAME.matcher(name).matches();
    }

    void check(PackageDescr pkg) {
        if (!PACKAGE_NAME.equals(pkg.getName())) {
            problems.atLine(1, 1, "the rule set must begin with 'package org.corridor.rules;'");
        }
        rejectAll(pkg.getImports(), "imports are not allowed; rules can use only the fact types, Flag and Severity");
        rejectAll(pkg.getFunctionImports(), "imports are not allowed");
        rejectAll(pkg.getAccumulateImports(), "imports are not allowed");
        rejectAll(pkg.getGlobals(), "globals are not allowed in rules");
        rejectAll(pkg.getFunctions(), "functions are not allowed in rules");
        rejectAll(pkg.getTypeDeclarations(), "declaring types is not allowed");
        rejectAll(pkg.getEnumDeclarations(), "declaring types is not allowed");
        rejectAll(pkg.getEntryPointDeclarations(), "entry points are not allowed");
        rejectAll(pkg.getWindowDeclarations(), "windows are not allowed");
        rejectAll(pkg.getAttributes(), "package attributes are not allowed");
        if (pkg.getUnit() != null) {
            report(pkg.getUnit(), "rule units are not allowed");
        }
        if (pkg.getRules().size() > DrlGuard.MAX_RULES) {
            report(pkg.getRules().get(DrlGuard.MAX_RULES),
                    "a rule set may have at most " + DrlGuard.MAX_RULES + " rules");
            return;
        }
        for (RuleDescr rule : pkg.getRules()) {
            checkRule(rule);
        }
    }

    private void checkRule(RuleDescr rule) {
        if (rule.getClass() != RuleDescr.class || rule.isQuery()) {
            report(rule, "queries are not allowed");
            return;
        }
        String name = rule.getName();
        if (name == null || !RULE_NAME.matcher(name).matches()) {
            report(rule, "a rule name may have only letters, digits, spaces and - _ . , ' ( ) & : "
                    + "(at most 120 characters)");
        }
        if (rule.hasParent()) {
            report(rule, "rules may not extend other rules");
        }
        if (!rule.getAnnotations().isEmpty()) {
            report(rule, "annotations are not allowed");
        }
        if (rule.getUnit() != null) {
            report(rule, "rule units are not allowed");
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            report(rule, "named consequences are not allowed; a rule has one 'then'");
        }
        rule.getAttributes().forEach((attribute, descr) -> checkAttribute(attribute, descr));
        Map<String, Binding> bindings = new HashMap<>();
        AndDescr conditions = rule.getLhs();
        if (conditions != null) {
            int before = problems.size();
            checkCondition(conditions, bindings, 0);
            long alternatives = alternatives(conditions, 0);
            if (problems.size() == before && alternatives > MAX_ALTERNATIVES) {
                report(rule, "this rule's conditions have more than " + MAX_ALTERNATIVES
                        + " alternatives ('or'); simplify them");
            }
        }
        new ConsequenceCheck(source, problems).check(rule, bindings);
    }

    private void checkAttribute(String attribute, AttributeDescr descr) {
        String value = descr.getValue() == null ? "" : descr.getValue().trim();
        switch (attribute) {
            case "salience" -> {
                if (!SALIENCE.matcher(value).matches()) {
                    report(descr, "salience must be a whole number, such as salience 10");
                }
            }
            case "no-loop" -> {
                if (!value.isEmpty() && !value.equals("true") && !value.equals("false")) {
                    report(descr, "no-loop takes no value, or true or false");
                }
            }
            default -> report(descr, "the rule attribute '" + attribute
                    + "' is not allowed; the only rule attributes allowed are salience and no-loop");
        }
    }

    /**
     * Recursive, but never deeper than {@link #MAX_CONDITION_DEPTH} (the text's nesting
     * is already limited).
     */
    private void checkCondition(BaseDescr condition, Map<String, Binding> bindings, int depth) {
        if (depth > MAX_CONDITION_DEPTH) {
            report(condition, "conditions are nested too deeply; simplify this rule");
            return;
        }
        if (condition.getClass() == PatternDescr.class) {
            checkPattern((PatternDescr) condition, bindings);
        }
        else if (COMBINATIONS.contains(condition.getClass())) {
            for (BaseDescr child : ((ConditionalElementDescr) condition).getDescrs()) {
                checkCondition(child, bindings, depth + 1);
            }
        }
        else {
            report(condition, describe(condition) + " is not allowed; conditions may only match facts, "
                    + "combined with not, exists, and, or");
        }
    }

    private static String describe(BaseDescr condition) {
        if (condition instanceof EvalDescr) {
            return "eval";
        }
        else if (condition instanceof AccumulateDescr) {
            return "accumulate";
        }
        else if (condition instanceof CollectDescr) {
            return "collect";
        }
        else if (condition instanceof ForallDescr) {
            return "forall";
        }
        else if (condition instanceof ConditionalBranchDescr || condition instanceof NamedConsequenceDescr) {
            return "a conditional or named consequence";
        }
        return "this kind of condition (" + condition.getClass().getSimpleName().replace("Descr", "") + ")";
    }

    private void checkPattern(PatternDescr pattern, Map<String, Binding> bindings) {
        String typeName = pattern.getObjectType();
        FactVocabulary.FactType type = facts.type(typeName);
        if (type == null) {
            report(pattern, "Flag".equals(typeName) ? "rules may not match Flag facts; they may only insert them"
                    : "'" + typeName + "' is not a fact type rules may match; use one of " + facts.listTypes());
            return;
        }
        if (pattern.getSource() != null) {
            report(pattern, "'from' and entry points are not allowed; match facts directly, e.g. "
                    + "DestinationStatus( open == false )");
        }
        if (pattern.isQuery() || pattern.isUnification()) {
            report(pattern, "queries and unification (:=) are not allowed");
        }
        if (pattern.getGenericType() != null && pattern.getGenericType().hasGenerics()) {
            report(pattern, "type parameters are not allowed");
        }
        if (!pattern.getBehaviors().isEmpty()) {
            report(pattern, "windows are not allowed");
        }
        if (!pattern.getAnnotations().isEmpty()) {
            report(pattern, "annotations are not allowed");
        }
        if (pattern.getIdentifier() != null) {
            declare(pattern.getIdentifier(), type, Place.of(pattern), bindings);
        }
        ConditionalElementDescr constraints = pattern.getConstraint();
        if (constraints.getClass() != AndDescr.class) {
            report(pattern, "this kind of constraint is not allowed");
            return;
        }
        for (BaseDescr constraint : constraints.getDescrs()) {
            if (constraint.getClass() != ExprConstraintDescr.class) {
                report(constraint, "this kind of constraint is not allowed");
            }
            else if (((ExprConstraintDescr) constraint).getType() != ExprConstraintDescr.Type.NAMED) {
                report(constraint, "positional constraints (with ';') are not allowed; name the property, "
                        + "e.g. passesToday >= 4");
            }
            else {
                String expression = ((ExprConstraintDescr) constraint).getExpression();
                Place place = Place.of(source, expression, constraint);
                ConstraintCheck.Declared declared = new ConstraintCheck(problems, place, type, bindings)
                    .check(expression);
                if (declared != null) {
                    declare(declared.name(), null, declared.place(), bindings);
                }
            }
        }
    }

    private void declare(String name, FactVocabulary.FactType type, Place place, Map<String, Binding> bindings) {
        if (!isBindingName(name)) {
            place.report(problems,
                    "name a binding with a leading $, e.g. $d : DestinationStatus() " + "or $used : passesToday");
            return;
        }
        Binding existing = bindings.get(name);
        if (existing != null && existing.factType() != type) {
            place.report(problems, "'" + name + "' is already bound earlier in this rule; choose another name");
            return;
        }
        bindings.put(name, new Binding(name, type));
    }

    /**
     * How many rules Drools makes of these conditions: a product over 'and', a sum over
     * 'or'.
     */
    private static long alternatives(BaseDescr condition, int depth) {
        if (depth > MAX_CONDITION_DEPTH || !COMBINATIONS.contains(condition.getClass())) {
            return 1;
        }
        boolean or = condition.getClass() == OrDescr.class;
        long total = or ? 0 : 1;
        for (BaseDescr child : ((ConditionalElementDescr) condition).getDescrs()) {
            long branch = alternatives(child, depth + 1);
            total = or ? total + branch : total * branch;
            total = Math.min(total, MAX_ALTERNATIVES + 1L);
        }
        return Math.max(total, 1);
    }

    private void rejectAll(Collection<? extends BaseDescr> descrs, String reason) {
        descrs.forEach(descr -> report(descr, reason));
    }

    private void report(BaseDescr descr, String reason) {
        Place.of(descr).report(problems, reason);
    }

}
