/**
 * Cursor pagination with the semantics of the reference platform's connections (graphql-ruby with
 * its own keyset cursor): `first`/`last` and `after`/`before` are exclusive pairs, negative sizes
 * are refused, sizes are capped at 100 (the default size too), and the deprecated `order: DESC`
 * means "read from the end", i.e. it behaves as `last`. Pure: the caller runs the query.
 */
import { apiError } from "./errors";

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  order?: "ASC" | "DESC" | null;
}

export interface PagePlan {
  /** Rows to fetch: one more than the page size, to know whether another page exists. */
  limit: number;
  /** Fetch in descending order (reading from the end), then reverse. */
  inverted: boolean;
  before: string | null;
  after: string | null;
  pageSize: number;
  hasPreviousPage(fetched: number): boolean;
  hasNextPage(fetched: number): boolean;
}

const present = (value: string | null | undefined): value is string => typeof value === "string" && value !== "";

export function planPage(args: PageArgs): PagePlan {
  let first = args.first ?? null;
  let last = args.last ?? null;
  const after = present(args.after) ? args.after : null;
  const before = present(args.before) ? args.before : null;

  if (first !== null && last !== null) throw apiError('Arguments "first" and "last" are exclusive', "bad_request");
  if (before !== null && after !== null) throw apiError('Arguments "before" and "after" are exclusive', "bad_request");
  if (first !== null && first < 0) throw apiError('Argument "first" must be a non-negative integer', "bad_request");
  if (last !== null && last < 0) throw apiError('Argument "last" must be a non-negative integer', "bad_request");

  if (args.order === "DESC") {
    if (last !== null) {
      first = Math.min(last, MAX_PAGE_SIZE);
      last = null;
    } else {
      last = Math.min(first ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
      first = null;
    }
  }

  const limit = Math.min(first ?? last ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) + 1;
  const inverted = last !== null || before !== null;
  return {
    limit,
    inverted,
    before,
    after,
    pageSize: limit - 1,
    hasPreviousPage: (fetched) => after !== null || (fetched >= limit && inverted),
    hasNextPage: (fetched) => before !== null || (fetched >= limit && !inverted),
  };
}

/** The page of rows fetched with `plan` (in query order), in list order. */
export function pageRows<T>(plan: PagePlan, fetched: T[]): T[] {
  const page = fetched.slice(0, plan.pageSize);
  if (plan.inverted) page.reverse();
  return page;
}
