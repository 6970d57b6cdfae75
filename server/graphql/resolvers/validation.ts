/**
 * Validation rules of the API: graphql-js's standard rules, a maximum depth of 15 (the reference's
 * `max_depth`), and the overlapping-fields rule relaxed the way graphql-ruby is: two fields with
 * the same response name on *mutually exclusive* types may return different types. Clients of the
 * reference rely on it (`... on IntegerNumberChamp { value } ... on YesNoChamp { value }`, and the
 * canonical `ds-query-v2` document), so the strict rule would reject their queries.
 */
import {
  ExecutableDefinitionsRule,
  FieldsOnCorrectTypeRule,
  FragmentsOnCompositeTypesRule,
  GraphQLError,
  KnownArgumentNamesRule,
  KnownDirectivesRule,
  KnownFragmentNamesRule,
  KnownTypeNamesRule,
  Kind,
  LoneAnonymousOperationRule,
  NoFragmentCyclesRule,
  NoUndefinedVariablesRule,
  NoUnusedFragmentsRule,
  NoUnusedVariablesRule,
  OverlappingFieldsCanBeMergedRule,
  PossibleFragmentSpreadsRule,
  ProvidedRequiredArgumentsRule,
  ScalarLeafsRule,
  specifiedRules,
  UniqueArgumentNamesRule,
  UniqueDirectivesPerLocationRule,
  UniqueFragmentNamesRule,
  UniqueInputFieldNamesRule,
  UniqueOperationNamesRule,
  UniqueVariableNamesRule,
  ValuesOfCorrectTypeRule,
  VariablesAreInputTypesRule,
  VariablesInAllowedPositionRule,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";

export const MAX_QUERY_DEPTH = 15;

function isTypeOnlyConflict(error: GraphQLError): boolean {
  const message = error.message;
  return (
    message.includes("they return conflicting types") &&
    !message.includes("are different fields") &&
    !message.includes("differing arguments")
  );
}

/** The standard rule, minus the reports that only concern return types of mutually exclusive fields. */
export const RelaxedOverlappingFieldsRule: ValidationRule = (context: ValidationContext): ASTVisitor => {
  const filtering = Object.create(context) as ValidationContext;
  filtering.reportError = (error: GraphQLError) => {
    if (!isTypeOnlyConflict(error)) context.reportError(error);
  };
  return OverlappingFieldsCanBeMergedRule(filtering);
};

function selectionDepth(
  selectionSet: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): number {
  if (!selectionSet) return 0;
  let max = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      // Introspection is not counted (graphql-ruby's default).
      if (selection.name.value.startsWith("__")) continue;
      max = Math.max(max, 1 + selectionDepth(selection.selectionSet, fragments, visiting));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, selectionDepth(selection.selectionSet, fragments, visiting));
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visiting.has(name)) continue; // cycles are reported by NoFragmentCycles
      visiting.add(name);
      max = Math.max(max, selectionDepth(fragment.selectionSet, fragments, visiting));
      visiting.delete(name);
    }
  }
  return max;
}

/** Refuses operations nested deeper than `maxDepth` fields. */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    return {
      OperationDefinition(node) {
        const depth = selectionDepth(node.selectionSet, fragments, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Query has depth of ${depth}, which exceeds max depth of ${maxDepth}`, {
              nodes: [node],
              extensions: { code: "bad_request" },
            }),
          );
        }
      },
    };
  };
}

/**
 * The `extensions.code` graphql-ruby (the reference's server) gives the errors of each static
 * validation rule, so that clients testing codes see the same ones (`undefinedField`…).
 */
const RULE_CODES = new Map<ValidationRule, string>([
  [ExecutableDefinitionsRule, "queryContainsSchemaDefinitions"],
  [UniqueOperationNamesRule, "uniquelyNamedOperations"],
  [LoneAnonymousOperationRule, "uniquelyNamedOperations"],
  [KnownTypeNamesRule, "undefinedType"],
  [FragmentsOnCompositeTypesRule, "fragmentOnNonCompositeType"],
  [VariablesAreInputTypesRule, "variableRequiresValidType"],
  [ScalarLeafsRule, "selectionMismatch"],
  [FieldsOnCorrectTypeRule, "undefinedField"],
  [UniqueFragmentNamesRule, "fragmentNotUnique"],
  [KnownFragmentNamesRule, "useAndDefineFragment"],
  [NoUnusedFragmentsRule, "useAndDefineFragment"],
  [PossibleFragmentSpreadsRule, "cannotSpreadFragment"],
  [NoFragmentCyclesRule, "infiniteLoop"],
  [UniqueVariableNamesRule, "variableNotUnique"],
  [NoUndefinedVariablesRule, "variableNotDefined"],
  [NoUnusedVariablesRule, "variableNotUsed"],
  [KnownDirectivesRule, "undefinedDirective"],
  [UniqueDirectivesPerLocationRule, "directiveNotUniqueForLocation"],
  [KnownArgumentNamesRule, "argumentNotAccepted"],
  [UniqueArgumentNamesRule, "argumentNotUnique"],
  [ValuesOfCorrectTypeRule, "argumentLiteralsIncompatible"],
  [ProvidedRequiredArgumentsRule, "missingRequiredArguments"],
  [VariablesInAllowedPositionRule, "variableMismatch"],
  [OverlappingFieldsCanBeMergedRule, "fieldConflict"],
  [UniqueInputFieldNamesRule, "inputFieldNotUnique"],
]);

/** The extra extensions graphql-ruby gives with some codes (`undefinedField`: `typeName`, `fieldName`). */
function detailsOf(code: string, message: string): Record<string, string> {
  if (code !== "undefinedField") return {};
  const match = /^Cannot query field "([^"]+)" on type "([^"]+)"/.exec(message);
  return match ? { typeName: match[2] as string, fieldName: match[1] as string } : {};
}

/** `rule`, its errors carrying `extensions.code` (unless they already have one). */
export function withCode(rule: ValidationRule, code: string): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const coding = Object.create(context) as ValidationContext;
    coding.reportError = (error: GraphQLError) => {
      if (error.extensions.code) return context.reportError(error);
      context.reportError(
        new GraphQLError(error.message, {
          nodes: error.nodes,
          source: error.source,
          positions: error.positions,
          path: error.path,
          originalError: error.originalError,
          extensions: { ...error.extensions, code, ...detailsOf(code, error.message) },
        }),
      );
    };
    return rule(coding);
  };
}

const coded = (rule: ValidationRule) => {
  const code = RULE_CODES.get(rule === RelaxedOverlappingFieldsRule ? OverlappingFieldsCanBeMergedRule : rule);
  return code ? withCode(rule, code) : rule;
};

export const VALIDATION_RULES: ReadonlyArray<ValidationRule> = [
  ...specifiedRules.filter((rule) => rule !== OverlappingFieldsCanBeMergedRule),
  RelaxedOverlappingFieldsRule,
  depthLimitRule(MAX_QUERY_DEPTH),
].map(coded);
