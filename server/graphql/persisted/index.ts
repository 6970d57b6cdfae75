/**
 * Persisted queries of the reference (`queryId` instead of `query`): `ds-query-v2` and
 * `ds-mutation-v2` (our documents, same operations and answer shapes as the reference's) and
 * `introspection` (the standard introspection query). The only requests accepted without a token,
 * and then only `demarcheDescriptor` of an open-data démarche can be read.
 */
import { getIntrospectionQuery } from "graphql";
import { DS_MUTATION_V2 } from "./ds-mutation-v2";
import { DS_QUERY_V2 } from "./ds-query-v2";

export const PERSISTED_QUERIES: Readonly<Record<string, string>> = {
  "ds-query-v2": DS_QUERY_V2,
  "ds-mutation-v2": DS_MUTATION_V2,
  introspection: getIntrospectionQuery(),
};

/** The document of `queryId`, or null when there is none of that id. */
export function persistedQuery(queryId: string): string | null {
  return Object.hasOwn(PERSISTED_QUERIES, queryId) ? (PERSISTED_QUERIES[queryId] ?? null) : null;
}
