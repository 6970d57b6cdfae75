import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { buildGraphqlSchema } from "./index";
import { VALIDATION_RULES } from "./validation";

const schema = buildGraphqlSchema();
const errorsOf = (query: string) => validate(schema, parse(query), VALIDATION_RULES).map((e) => e.message);

describe("validation rules", () => {
  it("accept same-named fields of different types on mutually exclusive types (as graphql-ruby does)", () => {
    const query = `{ dossier(number: 1) { champs { id
      ... on IntegerNumberChamp { value } ... on YesNoChamp { value } ... on CheckboxChamp { value } ... on TextChamp { value } } } }`;
    expect(errorsOf(query)).toEqual([]);
  });

  it("still refuse real conflicts: one response name for two different fields or arguments", () => {
    expect(errorsOf("{ dossier(number: 1) { a: number a: motivation } }")[0]).toMatch(
      /"number" and "motivation" are different fields/,
    );
    expect(errorsOf('{ dossier(number: 1) { champs(id: "a") { id } champs(id: "b") { id } } }')[0]).toMatch(
      /differing arguments/,
    );
  });

  it("refuse operations deeper than 15 fields, fragments included, introspection excluded", () => {
    const nest = (depth: number) => {
      let selection = "id";
      for (let i = 0; i < depth; i++) selection = `champDescriptors { ${selection} }`;
      return selection;
    };
    // demarche + publishedRevision + n nested + id
    expect(errorsOf(`{ demarche(number: 1) { publishedRevision { ${nest(12)} } } }`)).toEqual([]);
    expect(errorsOf(`{ demarche(number: 1) { publishedRevision { ${nest(13)} } } }`)).toEqual([
      "Query has depth of 16, which exceeds max depth of 15",
    ]);
    expect(
      errorsOf(`query { demarche(number: 1) { publishedRevision { ...F } } }
        fragment F on Revision { ${nest(13)} }`),
    ).toEqual(["Query has depth of 16, which exceeds max depth of 15"]);
    expect(errorsOf("{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }")).toEqual([]);
  });
});

describe("validation error codes", () => {
  const codesOf = (query: string) => validate(schema, parse(query), VALIDATION_RULES).map((e) => e.extensions.code);

  it("carries graphql-ruby's code for each rule, as the reference answers", () => {
    expect(codesOf("{ demarche(number: 1) { nope } }")).toEqual(["undefinedField"]);
    expect(codesOf("{ demarche(number: 1, other: 2) { id } }")).toEqual(["argumentNotAccepted"]);
    expect(codesOf("{ demarche { id } }")).toEqual(["missingRequiredArguments"]);
    expect(codesOf('{ demarche(number: "x") { id } }')).toEqual(["argumentLiteralsIncompatible"]);
    expect(codesOf("query($n: Int!) { demarche(number: 1) { id } }")).toEqual(["variableNotUsed"]);
    expect(codesOf("{ demarche(number: $n) { id } }")).toEqual(["variableNotDefined"]);
    expect(codesOf("{ demarche(number: 1) }")).toEqual(["selectionMismatch"]);
    expect(codesOf("{ demarche(number: 1) { ...F } }")).toEqual(["useAndDefineFragment"]);
  });

  it("names the type and field of an undefined field, as graphql-ruby does", () => {
    const [error] = validate(schema, parse("{ demarche(number: 1) { nope } }"), VALIDATION_RULES);
    expect(error?.extensions).toEqual({ code: "undefinedField", typeName: "Demarche", fieldName: "nope" });
  });
});
