import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { pageRows, planPage, type PageArgs } from "./pagination";

function badRequest(args: PageArgs): string {
  try {
    planPage(args);
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe("bad_request");
    return (error as GraphQLError).message;
  }
  throw new Error("expected a bad_request error");
}

describe("planPage", () => {
  it("reads 100 forward by default, one extra row to detect a next page", () => {
    const plan = planPage({});
    expect(plan).toMatchObject({ limit: 101, inverted: false, pageSize: 100 });
    expect(plan.hasNextPage(101)).toBe(true);
    expect(plan.hasNextPage(100)).toBe(false);
    expect(plan.hasPreviousPage(101)).toBe(false);
  });

  it("caps page sizes at 100", () => {
    expect(planPage({ first: 1000 }).limit).toBe(101);
    expect(planPage({ last: 250 }).limit).toBe(101);
    expect(planPage({ first: 10 }).limit).toBe(11);
    expect(planPage({ first: 0 }).pageSize).toBe(0);
  });

  it("refuses misuse with bad_request", () => {
    expect(badRequest({ first: 1, last: 1 })).toBe('Arguments "first" and "last" are exclusive');
    expect(badRequest({ after: "a", before: "b" })).toBe('Arguments "before" and "after" are exclusive');
    expect(badRequest({ first: -1 })).toBe('Argument "first" must be a non-negative integer');
    expect(badRequest({ last: -5 })).toBe('Argument "last" must be a non-negative integer');
  });

  it("after a cursor: there is a previous page", () => {
    const plan = planPage({ first: 10, after: "c" });
    expect(plan.hasPreviousPage(0)).toBe(true);
    expect(plan.hasNextPage(5)).toBe(false);
  });

  it("last / before read backwards and give the page in list order", () => {
    const plan = planPage({ last: 2 });
    expect(plan.inverted).toBe(true);
    expect(plan.hasPreviousPage(3)).toBe(true);
    expect(plan.hasNextPage(3)).toBe(false);
    expect(pageRows(plan, [9, 8, 7])).toEqual([8, 9]);
    const before = planPage({ first: 2, before: "c" });
    expect(before.inverted).toBe(true);
    expect(before.hasNextPage(0)).toBe(true);
  });

  it("order DESC lists newest first, `after` continuing downwards, and refuses `last`", () => {
    const plan = planPage({ order: "DESC", first: 2 });
    expect(plan).toMatchObject({ inverted: true, reverse: false, limit: 3, before: null, after: null });
    expect(pageRows(plan, [9, 8, 7])).toEqual([9, 8]);
    expect(plan.hasNextPage(3)).toBe(true);
    expect(plan.hasNextPage(2)).toBe(false);
    expect(plan.hasPreviousPage(3)).toBe(false);
    const next = planPage({ order: "DESC", first: 2, after: "c" });
    expect(next).toMatchObject({ inverted: true, reverse: false, before: "c", after: null });
    expect(next.hasPreviousPage(0)).toBe(true);
    expect(planPage({ order: "DESC" })).toMatchObject({ limit: 101 });
    expect(() => planPage({ order: "DESC", last: 5 })).toThrow('Argument "last" is not supported with order "desc"');
  });

  it("treats empty cursors as absent", () => {
    expect(planPage({ after: "", before: "" })).toMatchObject({ after: null, before: null, inverted: false });
  });
});
