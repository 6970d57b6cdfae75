import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { buildGraphqlSchema } from "../resolvers/index";
import { VALIDATION_RULES } from "../resolvers/validation";
import { PERSISTED_QUERIES, persistedQuery } from "./index";

const schema = buildGraphqlSchema();

describe("persisted queries", () => {
  it.each(Object.keys(PERSISTED_QUERIES))("%s is valid against our schema", (id) => {
    expect(validate(schema, parse(persistedQuery(id) as string), VALIDATION_RULES).map((e) => e.message)).toEqual([]);
  });

  it("knows no other id", () => {
    expect(persistedQuery("ds-query-v3")).toBeNull();
    expect(persistedQuery("toString")).toBeNull();
  });
});
