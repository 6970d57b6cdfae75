/**
 * The structural manifest of the reference platform's GraphQL schema, kept in the repository
 * (server/graphql/reference-manifest.json) so that the conformance test runs wherever the
 * reference SDL is absent. It holds the shape only — type kinds, field, argument, input-field and
 * enum-value names, type signatures with nullability and lists, default values, deprecation flags,
 * interfaces, union members, root types — and fingerprints (truncated SHA-256) of the reference's
 * descriptions, never their text, so that the test can still tell a copied description.
 *
 *   npm run graphql:manifest [-- <path to ds-schema.graphql>]   (default ../shared/reference/ds-schema.graphql)
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  astFromValue,
  buildSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  print,
} from "graphql";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const REFERENCE_SDL_PATH = path.resolve(ROOT, "../shared/reference/ds-schema.graphql");
export const MANIFEST_PATH = path.join(ROOT, "server/graphql/reference-manifest.json");

/** An argument or input field: its type signature (`[Int!]!`), default (GraphQL literal) and deprecation. */
interface ManifestValue {
  type: string;
  default?: string;
  deprecated?: true;
}
interface ManifestField {
  type: string;
  args?: Record<string, ManifestValue>;
  deprecated?: true;
}
type ManifestType =
  | { kind: "scalar" }
  | { kind: "object" | "interface"; interfaces?: string[]; fields: Record<string, ManifestField> }
  | { kind: "union"; members: string[] }
  | { kind: "enum"; values: string[] }
  | { kind: "input"; fields: Record<string, ManifestValue>; oneOf?: true };

export interface SchemaManifest {
  roots: { query?: string; mutation?: string; subscription?: string };
  types: Record<string, ManifestType>;
  /** Fingerprints of the descriptions of types, fields and arguments (see descriptionFingerprint). */
  descriptions: string[];
}

export function descriptionFingerprint(description: string): string {
  return createHash("sha256").update(description.trim()).digest("hex").slice(0, 16);
}

function defaultOf(value: GraphQLArgument | GraphQLInputField): string | undefined {
  if (value.defaultValue === undefined) return undefined;
  const ast = astFromValue(value.defaultValue, value.type);
  return ast ? print(ast) : String(value.defaultValue);
}

function manifestValue(value: GraphQLArgument | GraphQLInputField): ManifestValue {
  const dflt = defaultOf(value);
  return {
    type: String(value.type),
    ...(dflt !== undefined ? { default: dflt } : {}),
    ...(value.deprecationReason ? { deprecated: true as const } : {}),
  };
}

function fieldOf(field: GraphQLField<unknown, unknown>): ManifestField {
  return {
    type: String(field.type),
    ...(field.args.length > 0 ? { args: Object.fromEntries(field.args.map((a) => [a.name, manifestValue(a)])) } : {}),
    ...(field.deprecationReason ? { deprecated: true as const } : {}),
  };
}

function typeOf(type: GraphQLNamedType): ManifestType {
  if (isObjectType(type) || isInterfaceType(type)) {
    const interfaces = type.getInterfaces().map((i) => i.name);
    return {
      kind: isObjectType(type) ? "object" : "interface",
      ...(interfaces.length > 0 ? { interfaces } : {}),
      fields: Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, fieldOf(f)])),
    };
  }
  if (isUnionType(type)) return { kind: "union", members: type.getTypes().map((t) => t.name) };
  if (isEnumType(type)) return { kind: "enum", values: type.getValues().map((v) => v.name) };
  if (isInputObjectType(type)) {
    return {
      kind: "input",
      fields: Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, manifestValue(f)])),
      ...(type.isOneOf ? { oneOf: true as const } : {}),
    };
  }
  return { kind: "scalar" };
}

const isOwnType = (type: GraphQLNamedType) => !type.name.startsWith("__") && !(isScalarType(type) && isSpecifiedScalarType(type));

export function buildManifest(schema: GraphQLSchema): SchemaManifest {
  const types = Object.values(schema.getTypeMap())
    .filter(isOwnType)
    .sort((a, b) => a.name.localeCompare(b.name));
  const descriptions = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.description) descriptions.add(descriptionFingerprint(type.description));
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.description) descriptions.add(descriptionFingerprint(field.description));
        for (const arg of field.args) if (arg.description) descriptions.add(descriptionFingerprint(arg.description));
      }
    }
  }
  return {
    roots: {
      query: schema.getQueryType()?.name,
      mutation: schema.getMutationType()?.name,
      subscription: schema.getSubscriptionType()?.name,
    },
    types: Object.fromEntries(types.map((t) => [t.name, typeOf(t)])),
    descriptions: [...descriptions].sort(),
  };
}

function valueSdl(name: string, value: ManifestValue): string {
  return `${name}: ${value.type}${value.default !== undefined ? ` = ${value.default}` : ""}${value.deprecated ? " @deprecated" : ""}`;
}

/** A description-less schema of the manifest's shape, to compare ours against with graphql-js. */
export function schemaFromManifest(manifest: SchemaManifest): GraphQLSchema {
  const blocks: string[] = [];
  const roots = Object.entries(manifest.roots).filter(([, name]) => name);
  if (roots.length > 0) blocks.push(`schema {\n${roots.map(([root, name]) => `  ${root}: ${name}`).join("\n")}\n}`);
  for (const [name, type] of Object.entries(manifest.types)) {
    switch (type.kind) {
      case "scalar":
        blocks.push(`scalar ${name}`);
        break;
      case "union":
        blocks.push(`union ${name} = ${type.members.join(" | ")}`);
        break;
      case "enum":
        blocks.push(`enum ${name} {\n${type.values.map((v) => `  ${v}`).join("\n")}\n}`);
        break;
      case "input":
        blocks.push(
          `input ${name}${type.oneOf ? " @oneOf" : ""} {\n${Object.entries(type.fields)
            .map(([field, value]) => `  ${valueSdl(field, value)}`)
            .join("\n")}\n}`,
        );
        break;
      default: {
        const fields = Object.entries(type.fields).map(([field, spec]) => {
          const args = Object.entries(spec.args ?? {}).map(([arg, value]) => valueSdl(arg, value));
          return `  ${field}${args.length > 0 ? `(${args.join(", ")})` : ""}: ${spec.type}${spec.deprecated ? " @deprecated" : ""}`;
        });
        const implementsClause = type.interfaces?.length ? ` implements ${type.interfaces.join(" & ")}` : "";
        blocks.push(`${type.kind === "object" ? "type" : "interface"} ${name}${implementsClause} {\n${fields.join("\n")}\n}`);
      }
    }
  }
  return buildSchema(blocks.join("\n\n"));
}

export function readManifest(file = MANIFEST_PATH): SchemaManifest {
  return JSON.parse(readFileSync(file, "utf8")) as SchemaManifest;
}

export function manifestOfSdl(sdl: string): SchemaManifest {
  return buildManifest(buildSchema(sdl));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const source = path.resolve(process.argv[2] ?? REFERENCE_SDL_PATH);
  writeFileSync(MANIFEST_PATH, JSON.stringify(manifestOfSdl(readFileSync(source, "utf8"))));
  // Laid out as the linter wants it (`biome check .` runs in CI); the test compares the parsed content.
  const biome = spawnSync(path.join(ROOT, "node_modules/.bin/biome"), ["format", "--write", MANIFEST_PATH], { stdio: "inherit" });
  if (biome.status !== 0) process.exit(biome.status ?? 1);
  console.log(`${path.relative(ROOT, MANIFEST_PATH)} written from ${source}`);
}
