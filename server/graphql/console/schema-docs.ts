/**
 * The documentation of our schema (server/graphql/schema.graphql, as built) in plain data for the
 * console's server-rendered « Documentation du schéma »: the index of types by kind, and one type
 * with its fields, arguments, input fields, enum values, interfaces and members. The descriptions
 * are the SDL's (written in English by us).
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
} from "graphql";

export type DocKind = "object" | "interface" | "union" | "enum" | "input" | "scalar";

/** A type as written in a signature (`[Champ!]!`), and the named type it links to. */
export interface DocTypeRef {
  text: string;
  named: string;
}

export interface DocArgument {
  name: string;
  description: string | null;
  type: DocTypeRef;
  defaultValue: string | null;
  deprecationReason: string | null;
}

export interface DocField {
  name: string;
  description: string | null;
  type: DocTypeRef;
  args: DocArgument[];
  deprecationReason: string | null;
}

export interface DocType {
  name: string;
  kind: DocKind;
  description: string | null;
  fields: DocField[];
  inputFields: DocArgument[];
  enumValues: Array<{ name: string; description: string | null; deprecationReason: string | null }>;
  interfaces: string[];
  /** Members of a union, or implementations of an interface. */
  possibleTypes: string[];
}

export interface DocIndex {
  roots: string[];
  groups: Array<{ kind: DocKind; names: string[] }>;
}

const KIND_ORDER: DocKind[] = ["object", "interface", "union", "input", "enum", "scalar"];

function kindOf(type: GraphQLNamedType): DocKind {
  if (isObjectType(type)) return "object";
  if (isInterfaceType(type)) return "interface";
  if (isUnionType(type)) return "union";
  if (isEnumType(type)) return "enum";
  if (isInputObjectType(type)) return "input";
  return "scalar";
}

function ref(type: GraphQLType): DocTypeRef {
  return { text: String(type), named: getNamedType(type).name };
}

function argument(arg: GraphQLArgument | GraphQLInputField): DocArgument {
  const defaultValue = arg.astNode?.defaultValue;
  return {
    name: arg.name,
    description: arg.description ?? null,
    type: ref(arg.type),
    defaultValue: defaultValue ? printValue(defaultValue) : null,
    deprecationReason: arg.deprecationReason ?? null,
  };
}

function printValue(node: NonNullable<GraphQLArgument["astNode"]>["defaultValue"]): string | null {
  if (!node) return null;
  return node.loc ? node.loc.source.body.slice(node.loc.start, node.loc.end) : null;
}

const visible = (type: GraphQLNamedType) => !type.name.startsWith("__");

export function schemaIndex(schema: GraphQLSchema): DocIndex {
  const types = Object.values(schema.getTypeMap()).filter(visible);
  const roots = [schema.getQueryType(), schema.getMutationType()].filter((t) => t != null).map((t) => t.name);
  return {
    roots,
    groups: KIND_ORDER.map((kind) => ({
      kind,
      names: types
        .filter((t) => kindOf(t) === kind && !roots.includes(t.name))
        .map((t) => t.name)
        .sort((a, b) => a.localeCompare(b, "en")),
    })).filter((g) => g.names.length > 0),
  };
}

/** One type's documentation; null for a name the schema does not have. */
export function schemaType(schema: GraphQLSchema, name: string): DocType | null {
  const type = schema.getType(name);
  if (!type || !visible(type)) return null;
  const doc: DocType = {
    name: type.name,
    kind: kindOf(type),
    description: type.description ?? null,
    fields: [],
    inputFields: [],
    enumValues: [],
    interfaces: [],
    possibleTypes: [],
  };
  if (isObjectType(type) || isInterfaceType(type)) {
    doc.fields = Object.values(type.getFields()).map((field) => ({
      name: field.name,
      description: field.description ?? null,
      type: ref(field.type),
      args: field.args.map(argument),
      deprecationReason: field.deprecationReason ?? null,
    }));
    doc.interfaces = type.getInterfaces().map((i) => i.name);
  }
  if (isInterfaceType(type) || isUnionType(type)) doc.possibleTypes = schema.getPossibleTypes(type).map((t) => t.name);
  if (isInputObjectType(type)) doc.inputFields = Object.values(type.getFields()).map(argument);
  if (isEnumType(type)) {
    doc.enumValues = type.getValues().map((v) => ({
      name: v.name,
      description: v.description ?? null,
      deprecationReason: v.deprecationReason ?? null,
    }));
  }
  if (isScalarType(type)) doc.description ??= null;
  return doc;
}
