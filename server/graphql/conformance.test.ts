/**
 * Our SDL must be a structural subset of the reference platform's: every type, field, argument,
 * enum value, input field, interface and union member we declare exists there with the identical
 * type (nullability and lists included) and default value. Fields we declare carry all of the
 * reference's arguments, and enums all of its values, so that any query written for the reference
 * against these fields is valid here too.
 *
 * The reference SDL lives outside the repository (../shared/reference), and its text is never
 * copied in: the comparison runs against its structural manifest, server/graphql/reference-manifest.json
 * (shapes and description fingerprints, no text; `npm run graphql:manifest` writes it). Where the
 * reference is present, the manifest must be the one it produces.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  print,
  validateSchema,
  astFromValue,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";
import { describe, expect, it } from "vitest";
import {
  descriptionFingerprint,
  MANIFEST_PATH,
  manifestOfSdl,
  readManifest,
  REFERENCE_SDL_PATH,
  schemaFromManifest,
} from "../../scripts/graphql-manifest";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ourPath = path.resolve(repoRoot, "server/graphql/schema.graphql");

function kindOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return "object";
  if (isInterfaceType(type)) return "interface";
  if (isUnionType(type)) return "union";
  if (isEnumType(type)) return "enum";
  if (isInputObjectType(type)) return "input";
  return "scalar";
}

function defaultOf(arg: GraphQLArgument | GraphQLInputField): string | undefined {
  if (arg.defaultValue === undefined) return undefined;
  const ast = astFromValue(arg.defaultValue, arg.type);
  return ast ? print(ast) : String(arg.defaultValue);
}

function compareArgs(where: string, ours: readonly GraphQLArgument[], ref: readonly GraphQLArgument[], problems: string[]) {
  for (const arg of ours) {
    const refArg = ref.find((a) => a.name === arg.name);
    if (!refArg) {
      problems.push(`${where}(${arg.name}:) does not exist in the reference`);
      continue;
    }
    if (String(arg.type) !== String(refArg.type)) {
      problems.push(`${where}(${arg.name}:) is ${arg.type}, the reference has ${refArg.type}`);
    }
    if (defaultOf(arg) !== defaultOf(refArg)) {
      problems.push(`${where}(${arg.name}:) defaults to ${defaultOf(arg)}, the reference to ${defaultOf(refArg)}`);
    }
    if (Boolean(arg.deprecationReason) !== Boolean(refArg.deprecationReason)) {
      problems.push(`${where}(${arg.name}:) deprecation differs from the reference`);
    }
  }
  for (const refArg of ref) {
    if (!ours.some((a) => a.name === refArg.name)) problems.push(`${where}(${refArg.name}:) of the reference is missing`);
  }
}

function compareFields(
  typeName: string,
  ours: Record<string, GraphQLField<unknown, unknown>>,
  ref: Record<string, GraphQLField<unknown, unknown>>,
  problems: string[],
) {
  for (const field of Object.values(ours)) {
    const where = `${typeName}.${field.name}`;
    const refField = ref[field.name];
    if (!refField) {
      problems.push(`${where} does not exist in the reference`);
      continue;
    }
    if (String(field.type) !== String(refField.type))
      problems.push(`${where} is ${field.type}, the reference has ${refField.type}`);
    if (Boolean(field.deprecationReason) !== Boolean(refField.deprecationReason)) {
      problems.push(`${where} deprecation differs from the reference`);
    }
    compareArgs(where, field.args, refField.args, problems);
  }
}

/** Every difference between our schema and the reference, as readable sentences (empty: conformant). */
function schemaDifferences(ours: GraphQLSchema, ref: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const type of Object.values(ours.getTypeMap())) {
    if (type.name.startsWith("__") || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    const refType = ref.getType(type.name);
    if (!refType) {
      problems.push(`type ${type.name} does not exist in the reference`);
      continue;
    }
    if (kindOf(type) !== kindOf(refType)) {
      problems.push(`${type.name} is a ${kindOf(type)}, the reference has a ${kindOf(refType)}`);
      continue;
    }
    if ((isObjectType(type) && isObjectType(refType)) || (isInterfaceType(type) && isInterfaceType(refType))) {
      compareFields(type.name, type.getFields(), refType.getFields(), problems);
      const refInterfaces = new Set(refType.getInterfaces().map((i) => i.name));
      for (const iface of type.getInterfaces()) {
        if (!refInterfaces.has(iface.name)) problems.push(`${type.name} implements ${iface.name}, the reference does not`);
      }
    } else if (isUnionType(type) && isUnionType(refType)) {
      const members = new Set(refType.getTypes().map((t) => t.name));
      for (const member of type.getTypes()) {
        if (!members.has(member.name)) problems.push(`${member.name} is a member of ${type.name}, not in the reference`);
      }
    } else if (isEnumType(type) && isEnumType(refType)) {
      const ourValues = type
        .getValues()
        .map((v) => v.name)
        .sort();
      const refValues = refType
        .getValues()
        .map((v) => v.name)
        .sort();
      if (ourValues.join(",") !== refValues.join(",")) {
        problems.push(`enum ${type.name} has [${ourValues}], the reference [${refValues}]`);
      }
    } else if (isInputObjectType(type) && isInputObjectType(refType)) {
      const refFields = refType.getFields();
      for (const field of Object.values(type.getFields())) {
        const refField = refFields[field.name];
        if (!refField) problems.push(`${type.name}.${field.name} does not exist in the reference`);
        else if (String(field.type) !== String(refField.type) || defaultOf(field) !== defaultOf(refField)) {
          problems.push(`${type.name}.${field.name} differs from the reference`);
        }
      }
      for (const refField of Object.values(refFields)) {
        if (String(refField.type).endsWith("!") && refField.defaultValue === undefined && !type.getFields()[refField.name]) {
          problems.push(`${type.name}.${refField.name} is required by the reference and missing`);
        }
      }
    }
  }
  for (const root of ["query", "mutation", "subscription"] as const) {
    const ourRoot =
      root === "query" ? ours.getQueryType() : root === "mutation" ? ours.getMutationType() : ours.getSubscriptionType();
    const refRoot =
      root === "query" ? ref.getQueryType() : root === "mutation" ? ref.getMutationType() : ref.getSubscriptionType();
    if (ourRoot && ourRoot.name !== refRoot?.name)
      problems.push(`the ${root} root is ${ourRoot.name}, the reference's ${refRoot?.name}`);
  }
  return problems;
}

const ourSdl = readFileSync(ourPath, "utf8");
const manifest = readManifest();

describe("GraphQL schema", () => {
  it("is a valid schema whose types carry every field of their interfaces", () => {
    expect(validateSchema(buildSchema(ourSdl)).map((e) => e.message)).toEqual([]);
  });

  it("has the root fields of the API", () => {
    const query = buildSchema(ourSdl).getQueryType();
    const fields = query?.getFields() ?? {};
    expect(String(fields.demarche?.type)).toBe("Demarche!");
    expect(fields.demarche?.args.map((a) => `${a.name}: ${a.type}`)).toEqual(["number: Int!"]);
    expect(String(fields.dossier?.type)).toBe("Dossier!");
    expect(fields.dossier?.args.map((a) => `${a.name}: ${a.type}`)).toEqual(["number: Int!"]);
  });

  it("describes every type and field in its own words", () => {
    const schema = buildSchema(ourSdl);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__") || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  describe("against the reference's manifest", () => {
    const ref = schemaFromManifest(manifest);

    it.skipIf(!existsSync(REFERENCE_SDL_PATH))("is the manifest of the reference SDL as it is now", () => {
      expect(manifest, `${MANIFEST_PATH} is out of date: run \`npm run graphql:manifest\``).toEqual(
        manifestOfSdl(readFileSync(REFERENCE_SDL_PATH, "utf8")),
      );
    });

    it("declares nothing the reference does not have, with identical types and defaults", () => {
      expect(schemaDifferences(buildSchema(ourSdl), ref)).toEqual([]);
    });

    it("uses none of the reference's descriptions", () => {
      const refDescriptions = new Set(manifest.descriptions);
      const copied: string[] = [];
      const ours = buildSchema(ourSdl);
      for (const type of Object.values(ours.getTypeMap())) {
        if (type.name.startsWith("__") || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
        if (type.description && refDescriptions.has(descriptionFingerprint(type.description))) copied.push(type.name);
        if (isObjectType(type) || isInterfaceType(type)) {
          for (const field of Object.values(type.getFields())) {
            if (field.description && refDescriptions.has(descriptionFingerprint(field.description))) {
              copied.push(`${type.name}.${field.name}`);
            }
          }
        }
      }
      expect(copied).toEqual([]);
    });

    it("detects a changed nullability, a missing argument and an extra enum value", () => {
      const nullable = ourSdl.replace("dateDepot: ISO8601DateTime!", "dateDepot: ISO8601DateTime");
      expect(nullable).not.toBe(ourSdl);
      expect(schemaDifferences(buildSchema(nullable), ref)).toContain(
        "Dossier.dateDepot is ISO8601DateTime, the reference has ISO8601DateTime!",
      );
      const listItem = ourSdl.replace("champs(\n", "champs(\n    minimum: Int\n");
      expect(schemaDifferences(buildSchema(listItem), ref)).toContain("Dossier.champs(minimum:) does not exist in the reference");
      const noRevisionArg = ourSdl.replace(/\n {4}revision: ID\n/, "\n    revisionNumber: ID\n");
      expect(noRevisionArg).not.toBe(ourSdl);
      expect(schemaDifferences(buildSchema(noRevisionArg), ref)).toContain(
        "Demarche.dossiers(revision:) of the reference is missing",
      );
      const extraValue = ourSdl.replace("enum Order {\n", "enum Order {\n  RANDOM\n");
      expect(schemaDifferences(buildSchema(extraValue), ref).some((p) => p.startsWith("enum Order"))).toBe(true);
      const otherDefault = ourSdl.replace("order: Order = ASC", "order: Order = DESC");
      expect(schemaDifferences(buildSchema(otherDefault), ref)).toContain(
        "Demarche.dossiers(order:) defaults to DESC, the reference to ASC",
      );
    });
  });
});
