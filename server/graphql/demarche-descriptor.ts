/**
 * The démarche descriptor of /preremplir/<path>/schema: what the reference serves there is the
 * `demarcheDescriptor` of its stored query `getDemarcheDescriptor` (with `includeRevision`), so we
 * run that query document on our own executable schema, as an internal caller allowed to read this
 * one démarche. Fields and fragments our schema does not have yet are pruned from the document, so
 * the JSON grows with the schema and never duplicates the resolvers' logic.
 */
import DataLoader from "dataloader";
import {
  type DocumentNode,
  execute,
  type ExecutionResult,
  type GraphQLSchema,
  Kind,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
} from "graphql";
import type { Db } from "../db/client";
import type { ApiTokenContext } from "./auth";
import { fragmentTypesOf } from "./execute";
import { createLoaders } from "./loaders";
import type { GraphqlContext } from "./resolvers/context";
import { buildGraphqlSchema } from "./resolvers/index";
import { VALIDATION_RULES } from "./resolvers/validation";

/**
 * The reference's descriptor query, read through `Query.demarche` (our schema has no separate
 * `DemarcheDescriptor` yet): aliases give the reference's names. Annotations privées are left out:
 * this endpoint is public, and the reference only opens it for open-data démarches.
 */
const DESCRIPTOR_QUERY = /* GraphQL */ `
  query getDemarcheDescriptor($number: Int!) {
    demarcheDescriptor: demarche(number: $number) {
      id
      number
      title
      description
      state
      declarative
      dateCreation
      datePublication
      dateDerniereModification
      dateDepublication
      dateFermeture
      notice {
        url
      }
      deliberation {
        url
      }
      demarcheURL
      cadreJuridiqueURL
      revision: activeRevision {
        ...RevisionFragment
      }
    }
  }

  fragment RevisionFragment on Revision {
    id
    datePublication
    champDescriptors {
      ...ChampDescriptorFragment
      ... on RepetitionChampDescriptor {
        champDescriptors {
          ...ChampDescriptorFragment
        }
      }
    }
  }

  fragment ChampDescriptorFragment on ChampDescriptor {
    __typename
    id
    label
    description
    required
    ... on DropDownListChampDescriptor {
      options
      otherOption
    }
    ... on MultipleDropDownListChampDescriptor {
      options
    }
    ... on LinkedDropDownListChampDescriptor {
      options
    }
    ... on PieceJustificativeChampDescriptor {
      fileTemplate {
        __typename
        filename
        contentType
        checksum
        byteSize: byteSizeBigInt
        url
        createdAt
      }
    }
    ... on ExplicationChampDescriptor {
      collapsibleExplanationEnabled
      collapsibleExplanationText
    }
  }
`;

/** Removes what the schema does not define: unknown fields, fragments on unknown types, then emptied selections. */
export function pruneToSchema(schema: GraphQLSchema, document: DocumentNode): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  const pruned = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.name.value !== "__typename" && !typeInfo.getFieldDef()) return null;
        return undefined;
      },
      InlineFragment(node) {
        if (node.typeCondition && !schema.getType(node.typeCondition.name.value)) return null;
        return undefined;
      },
    }),
  );
  // A field or fragment whose whole selection was pruned cannot stay (empty selections are invalid).
  return visit(pruned, {
    leave(node) {
      if ((node.kind === Kind.FIELD || node.kind === Kind.INLINE_FRAGMENT) && node.selectionSet?.selections.length === 0) {
        return null;
      }
      return undefined;
    },
  });
}

/** Top-level keys of the reference's descriptor, in its order. */
const DESCRIPTOR_KEYS = [
  "id",
  "number",
  "title",
  "description",
  "state",
  "declarative",
  "dateCreation",
  "datePublication",
  "dateDerniereModification",
  "dateDepublication",
  "dateFermeture",
  "notice",
  "deliberation",
  "demarcheURL",
  "cadreJuridiqueURL",
  "revision",
] as const;

let prepared: { schema: GraphQLSchema; document: DocumentNode } | null = null;

function prepare() {
  if (prepared) return prepared;
  const schema = buildGraphqlSchema();
  const document = pruneToSchema(schema, parse(DESCRIPTOR_QUERY));
  const errors = validate(schema, document, VALIDATION_RULES);
  if (errors.length > 0) throw new Error(`descriptor query invalid: ${errors.map((e) => e.message).join("; ")}`);
  prepared = { schema, document };
  return prepared;
}

/** What the descriptor adds to the API's fields: the démarche's links. */
export interface DescriptorLinks {
  demarcheURL: string;
  cadreJuridiqueURL: string | null;
}

/**
 * The descriptor of démarche `number` as JSON (null if the schema's resolvers refuse it). Access
 * is granted for this démarche only, the way the reference's internal calls bypass tokens.
 */
export async function demarcheDescriptor(
  db: Db,
  number: number,
  links: DescriptorLinks,
): Promise<Record<string, unknown> | null> {
  const { schema, document } = prepare();
  const token: ApiTokenContext = { id: "internal", administrateurId: 0, allowedDemarcheIds: [number], writeAccess: false };
  const loaders = {
    ...createLoaders(db, token),
    demarcheAccess: new DataLoader<number, boolean>(async (ids) => ids.map((id) => id === number)),
  };
  const context: GraphqlContext = {
    db,
    token,
    loaders,
    fragmentTypes: fragmentTypesOf(document),
    deadline: Date.now() + 30_000,
  };
  const result = (await execute({ schema, document, variableValues: { number }, contextValue: context })) as ExecutionResult<{
    demarcheDescriptor: Record<string, unknown> | null;
  }>;
  if (result.errors?.length) throw result.errors[0];
  const descriptor = result.data?.demarcheDescriptor ?? null;
  if (!descriptor) return null;
  // The reference's keys in its order: what our schema answers, the links, and null for what
  // Guichet does not have (declarative démarches, notice and délibération files).
  const extras: Record<string, unknown> = { demarcheURL: links.demarcheURL, cadreJuridiqueURL: links.cadreJuridiqueURL };
  const ordered: Record<string, unknown> = {};
  for (const key of DESCRIPTOR_KEYS) ordered[key] = key in descriptor ? descriptor[key] : (extras[key] ?? null);
  return ordered;
}
