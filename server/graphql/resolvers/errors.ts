/**
 * Errors of the GraphQL API, with the reference platform's messages and `extensions.code` values.
 */
import { GraphQLError } from "graphql";

export type ApiErrorCode =
  | "not_found"
  | "unauthorized"
  | "forbidden"
  | "bad_request"
  | "timeout"
  | "too_many_requests"
  | "method_not_allowed"
  | "payload_too_large"
  | "graphql_parse_failed"
  | "internal_server_error";

export function apiError(message: string, code: ApiErrorCode): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** "Demarche not found", as the reference says for a missing record. */
export function notFound(typename: string): GraphQLError {
  return apiError(`${typename} not found`, "not_found");
}

/** The object exists but the token may not see it. */
export function hiddenByPermissions(typename: string): GraphQLError {
  return apiError(`An object of type ${typename} was hidden due to permissions`, "unauthorized");
}

/** The transport-level envelope of the reference: `{ errors: [{ message, extensions: { code } }], data: null }`. */
export function errorEnvelope(message: string, code: ApiErrorCode) {
  return { errors: [{ message, extensions: { code } }], data: null };
}
