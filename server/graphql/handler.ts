import type { RequestHandler } from "express";
import type { AppServices } from "../../app/context";

// Replaced by the GraphQL API implementation (in progress).
export function createGraphqlHandler(_services: AppServices): RequestHandler {
  return (_req, res) => {
    res.status(404).json({ errors: [{ message: "Not found", extensions: { code: "not_found" } }], data: null });
  };
}
