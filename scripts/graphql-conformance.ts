/**
 * The full structural difference between our SDL (server/graphql/schema.graphql) and the reference
 * platform's (through its manifest, server/graphql/reference-manifest.json), and how much of the
 * reference we cover.
 *
 * Each difference is one line in a fixed form, so that the allow-list
 * (server/graphql/conformance-allowlist.txt) can name it exactly:
 *
 *   missing type T · extra type T · kind of T: ours object, reference interface
 *   missing field T.f · extra field T.f · type of T.f: ours X, reference Y · deprecation of T.f: ours yes, reference no
 *   missing argument T.f(a:) · extra argument T.f(a:) · type / default / deprecation of argument T.f(a:): …
 *   missing input field I.f · extra input field I.f · type / default / deprecation of input field I.f: …
 *   missing enum value E.V · extra enum value E.V · oneOf of I: ours no, reference yes
 *   missing interface T implements I · extra interface T implements I
 *   missing union member U = T · extra union member U = T · root mutation: ours none, reference Mutation
 *
 * A type missing altogether is one line (its fields are not listed). Compared: kinds, fields,
 * arguments, input fields, enum values, type signatures (nullability and lists), default values,
 * deprecations of fields, arguments and input fields, `@oneOf`, interfaces, union members, roots.
 * Not compared: descriptions (conformance.test.ts checks none is copied), enum value deprecations
 * (the reference has none).
 *
 *   npx tsx scripts/graphql-conformance.ts            coverage numbers and the differences not allowed
 *   npx tsx scripts/graphql-conformance.ts --all      every difference

 */
import { readFileSync } from "node:fs";
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
import { readManifest, schemaFromManifest } from "./graphql-manifest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const OUR_SDL_PATH = path.join(ROOT, "server/graphql/schema.graphql");
export const ALLOWLIST_PATH = path.join(ROOT, "server/graphql/conformance-allowlist.txt");

function kindOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return "object";
  if (isInterfaceType(type)) return "interface";
  if (isUnionType(type)) return "union";
  if (isEnumType(type)) return "enum";
  if (isInputObjectType(type)) return "input";
  return "scalar";
}

function defaultOf(value: GraphQLArgument | GraphQLInputField): string {
  if (value.defaultValue === undefined) return "none";
  const ast = astFromValue(value.defaultValue, value.type);
  return ast ? print(ast) : String(value.defaultValue);
}

const yesNo = (flag: unknown) => (flag ? "yes" : "no");
const ownTypes = (schema: GraphQLSchema) =>
  Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith("__") && !(isScalarType(t) && isSpecifiedScalarType(t)));

/** Arguments or input fields: same names, types, defaults and deprecations. */
function compareValues(
  label: "argument" | "input field",
  where: (name: string) => string,
  ours: readonly (GraphQLArgument | GraphQLInputField)[],
  ref: readonly (GraphQLArgument | GraphQLInputField)[],
  out: string[],
) {
  for (const value of ours) {
    const refValue = ref.find((r) => r.name === value.name);
    if (!refValue) {
      out.push(`extra ${label} ${where(value.name)}`);
      continue;
    }
    if (String(value.type) !== String(refValue.type)) {
      out.push(`type of ${label} ${where(value.name)}: ours ${value.type}, reference ${refValue.type}`);
    }
    if (defaultOf(value) !== defaultOf(refValue)) {
      out.push(`default of ${label} ${where(value.name)}: ours ${defaultOf(value)}, reference ${defaultOf(refValue)}`);
    }
    if (Boolean(value.deprecationReason) !== Boolean(refValue.deprecationReason)) {
      out.push(
        `deprecation of ${label} ${where(value.name)}: ours ${yesNo(value.deprecationReason)}, reference ${yesNo(refValue.deprecationReason)}`,
      );
    }
  }
  for (const refValue of ref) {
    if (!ours.some((v) => v.name === refValue.name)) out.push(`missing ${label} ${where(refValue.name)}`);
  }
}

function compareFields(
  typeName: string,
  ours: Record<string, GraphQLField<unknown, unknown>>,
  ref: Record<string, GraphQLField<unknown, unknown>>,
  out: string[],
) {
  for (const field of Object.values(ours)) {
    const where = `${typeName}.${field.name}`;
    const refField = ref[field.name];
    if (!refField) {
      out.push(`extra field ${where}`);
      continue;
    }
    if (String(field.type) !== String(refField.type))
      out.push(`type of ${where}: ours ${field.type}, reference ${refField.type}`);
    if (Boolean(field.deprecationReason) !== Boolean(refField.deprecationReason)) {
      out.push(`deprecation of ${where}: ours ${yesNo(field.deprecationReason)}, reference ${yesNo(refField.deprecationReason)}`);
    }
    compareValues("argument", (arg) => `${where}(${arg}:)`, field.args, refField.args, out);
  }
  for (const name of Object.keys(ref)) if (!ours[name]) out.push(`missing field ${typeName}.${name}`);
}

function compareNames(what: string, ours: string[], ref: string[], out: string[]) {
  const refSet = new Set(ref);
  const ourSet = new Set(ours);
  for (const name of ours) if (!refSet.has(name)) out.push(`extra ${what}${name}`);
  for (const name of ref) if (!ourSet.has(name)) out.push(`missing ${what}${name}`);
}

/** Every structural difference between `ours` and `ref`, one line each, sorted. Empty: identical. */
export function schemaDifferences(ours: GraphQLSchema, ref: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const type of ownTypes(ours)) {
    const refType = ref.getType(type.name);
    if (!refType) {
      out.push(`extra type ${type.name}`);
      continue;
    }
    if (kindOf(type) !== kindOf(refType)) {
      out.push(`kind of ${type.name}: ours ${kindOf(type)}, reference ${kindOf(refType)}`);
      continue;
    }
    if ((isObjectType(type) && isObjectType(refType)) || (isInterfaceType(type) && isInterfaceType(refType))) {
      compareFields(type.name, type.getFields(), refType.getFields(), out);
      compareNames(
        `interface ${type.name} implements `,
        type.getInterfaces().map((i) => i.name),
        refType.getInterfaces().map((i) => i.name),
        out,
      );
    } else if (isUnionType(type) && isUnionType(refType)) {
      compareNames(
        `union member ${type.name} = `,
        type.getTypes().map((t) => t.name),
        refType.getTypes().map((t) => t.name),
        out,
      );
    } else if (isEnumType(type) && isEnumType(refType)) {
      compareNames(
        `enum value ${type.name}.`,
        type.getValues().map((v) => v.name),
        refType.getValues().map((v) => v.name),
        out,
      );
    } else if (isInputObjectType(type) && isInputObjectType(refType)) {
      compareValues(
        "input field",
        (field) => `${type.name}.${field}`,
        Object.values(type.getFields()),
        Object.values(refType.getFields()),
        out,
      );
      if (type.isOneOf !== refType.isOneOf) {
        out.push(`oneOf of ${type.name}: ours ${yesNo(type.isOneOf)}, reference ${yesNo(refType.isOneOf)}`);
      }
    }
  }
  for (const refType of ownTypes(ref)) if (!ours.getType(refType.name)) out.push(`missing type ${refType.name}`);
  const roots = {
    query: [ours.getQueryType(), ref.getQueryType()],
    mutation: [ours.getMutationType(), ref.getMutationType()],
    subscription: [ours.getSubscriptionType(), ref.getSubscriptionType()],
  } as const;
  for (const [root, [own, theirs]] of Object.entries(roots)) {
    if (own?.name !== theirs?.name) out.push(`root ${root}: ours ${own?.name ?? "none"}, reference ${theirs?.name ?? "none"}`);
  }
  return [...new Set(out)].sort();
}

export interface AllowEntry {
  difference: string;
  /** The `## ` heading the entry is under: why the difference is there and which issue removes it. */
  reason: string | null;
  line: number;
}

/**
 * The allow-list: `#` lines are comments, `## <reason>` opens a section whose entries (one
 * difference per line, exactly as `schemaDifferences` writes it) share that reason.
 */
export function parseAllowlist(text: string): AllowEntry[] {
  const entries: AllowEntry[] = [];
  let reason: string | null = null;
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (line.startsWith("## ")) reason = line.slice(3).trim() || null;
    else if (line === "" || line.startsWith("#")) return;
    else entries.push({ difference: line, reason, line: index + 1 });
  });
  return entries;
}

export interface Coverage {
  label: string;
  covered: number;
  total: number;
}

/** How much of the reference exists in ours with the reference's exact shape. */
export function coverage(ours: GraphQLSchema, ref: GraphQLSchema): Coverage[] {
  const count = {
    types: [0, 0],
    fields: [0, 0],
    arguments: [0, 0],
    inputFields: [0, 0],
    enumValues: [0, 0],
    mutations: [0, 0],
  } satisfies Record<string, [number, number]>;
  const mutationRoot = ref.getMutationType()?.name;
  for (const refType of ownTypes(ref)) {
    const own = ours.getType(refType.name);
    count.types[1]++;
    if (own && kindOf(own) === kindOf(refType)) count.types[0]++;
    if (isObjectType(refType) || isInterfaceType(refType)) {
      const ownFields = own && (isObjectType(own) || isInterfaceType(own)) ? own.getFields() : {};
      for (const field of Object.values(refType.getFields())) {
        const ownField = ownFields[field.name];
        const exact = ownField !== undefined && String(ownField.type) === String(field.type);
        const bucket = refType.name === mutationRoot ? count.mutations : count.fields;
        bucket[1]++;
        if (exact) bucket[0]++;
        for (const arg of field.args) {
          count.arguments[1]++;
          const ownArg = ownField?.args.find((a) => a.name === arg.name);
          if (ownArg && String(ownArg.type) === String(arg.type) && defaultOf(ownArg) === defaultOf(arg)) count.arguments[0]++;
        }
      }
    } else if (isInputObjectType(refType)) {
      const ownFields = own && isInputObjectType(own) ? own.getFields() : {};
      for (const field of Object.values(refType.getFields())) {
        count.inputFields[1]++;
        const ownField = ownFields[field.name];
        if (ownField && String(ownField.type) === String(field.type) && defaultOf(ownField) === defaultOf(field)) {
          count.inputFields[0]++;
        }
      }
    } else if (isEnumType(refType)) {
      const ownValues = own && isEnumType(own) ? new Set(own.getValues().map((v) => v.name)) : new Set<string>();
      for (const value of refType.getValues()) {
        count.enumValues[1]++;
        if (ownValues.has(value.name)) count.enumValues[0]++;
      }
    }
  }
  return [
    { label: "types", covered: count.types[0], total: count.types[1] },
    { label: "object and interface fields", covered: count.fields[0], total: count.fields[1] },
    { label: "mutations", covered: count.mutations[0], total: count.mutations[1] },
    { label: "arguments", covered: count.arguments[0], total: count.arguments[1] },
    { label: "input fields", covered: count.inputFields[0], total: count.inputFields[1] },
    { label: "enum values", covered: count.enumValues[0], total: count.enumValues[1] },
  ];
}

export function loadSchemas(): { ours: GraphQLSchema; ref: GraphQLSchema } {
  return { ours: buildSchema(readFileSync(OUR_SDL_PATH, "utf8")), ref: schemaFromManifest(readManifest()) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { ours, ref } = loadSchemas();
  const differences = schemaDifferences(ours, ref);
  const allowed = new Set(parseAllowlist(readFileSync(ALLOWLIST_PATH, "utf8")).map((e) => e.difference));
  console.log("Coverage of the reference schema (exact type signatures):");
  for (const { label, covered, total } of coverage(ours, ref)) {
    console.log(
      `  ${label.padEnd(28)} ${String(covered).padStart(5)} / ${String(total).padEnd(5)} (${Math.round((100 * covered) / total)} %)`,
    );
  }
  const unexpected = differences.filter((d) => !allowed.has(d));
  const stale = [...allowed].filter((d) => !differences.includes(d));
  console.log(`Differences: ${differences.length} (${differences.length - unexpected.length} allowed by the allow-list)`);
  if (process.argv.includes("--all")) for (const d of differences) console.log(`  ${d}`);
  for (const d of unexpected) console.log(`  NOT ALLOWED: ${d}`);
  for (const d of stale) console.log(`  STALE allow-list entry (the difference is gone, remove it): ${d}`);
  process.exitCode = unexpected.length > 0 || stale.length > 0 ? 1 : 0;
}
