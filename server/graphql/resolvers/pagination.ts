/**
 * Cursor pagination with the semantics of the reference platform's connections (graphql-ruby with
 * its own keyset cursor): `first`/`last` and `after`/`before` are exclusive pairs, negative sizes
 * are refused, sizes are capped at 100 (the default size too).
 *
 * The deprecated `order: DESC` lists newest first, as the reference's current connection does:
 * `first` pages downwards from the newest, `after: <cursor>` continues below that cursor (older
 * rows), `before: <cursor>` reads the newest rows above it, and `last` is refused (« Argument "last"
 * is not supported with order "desc" »). `hasNextPage` is true when a full page came back (or with
 * `before`), `hasPreviousPage` when `after` was given. Pure: the caller runs the query.
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
  /** Fetch in descending order of the ordering column. */
  inverted: boolean;
  /** Reverse the fetched rows to give the page (reading backwards in ascending lists). */
  reverse: boolean;
  before: string | null;
  after: string | null;
  pageSize: number;
  hasPreviousPage(fetched: number): boolean;
  hasNextPage(fetched: number): boolean;
}

const present = (value: string | null | undefined): value is string => typeof value === "string" && value !== "";

export function planPage(args: PageArgs): PagePlan {
  const first = args.first ?? null;
  const last = args.last ?? null;
  const after = present(args.after) ? args.after : null;
  const before = present(args.before) ? args.before : null;

  if (first !== null && last !== null) throw apiError('Arguments "first" and "last" are exclusive', "bad_request");
  if (before !== null && after !== null) throw apiError('Arguments "before" and "after" are exclusive', "bad_request");
  if (first !== null && first < 0) throw apiError('Argument "first" must be a non-negative integer', "bad_request");
  if (last !== null && last < 0) throw apiError('Argument "last" must be a non-negative integer', "bad_request");

  if (args.order === "DESC") {
    if (last !== null) throw apiError('Argument "last" is not supported with order "desc"', "bad_request");
    const limit = Math.min(first ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) + 1;
    // Newest first: the cursors swap roles (`after` continues downwards, i.e. below the cursor).
    return {
      limit,
      inverted: true,
      reverse: false,
      before: after,
      after: before,
      pageSize: limit - 1,
      hasPreviousPage: () => after !== null,
      hasNextPage: (fetched) => before !== null || fetched >= limit,
    };
  }

  const limit = Math.min(first ?? last ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) + 1;
  const inverted = last !== null || before !== null;
  return {
    limit,
    inverted,
    reverse: inverted,
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
  if (plan.reverse) page.reverse();
  return page;
}
