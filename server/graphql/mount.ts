import type { RequestHandler } from "express";
import type { AppServices } from "../http/context";
import { createGraphqlHandler } from "./handler";

/**
 * Mount point of the GraphQL API v2 (POST /api/v2/graphql). The schema and resolvers live beside
 * this file; see createGraphqlHandler.
 */
export function createGraphqlMount(services: AppServices): { path: string; handler: RequestHandler } {
  // The per-token rate limit is the reference's 400/min unless GRAPHQL_RATE_LIMIT says otherwise.
  return {
    path: "/api/v2/graphql",
    handler: createGraphqlHandler(services, { rateLimitPerMinute: services.config.graphqlRateLimitPerMinute }),
  };
}
