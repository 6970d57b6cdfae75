/**
 * Why an operation did not do what was asked, in one shape for every operation that can refuse
 * user input (an object out of scope is not a refusal: it is `NotFoundError`, a 404 everywhere).
 *
 * Each consumer maps refusals one way: pages with `refusalsByField` (the forms' field → i18n key
 * and its parameters, translated in the page's namespace), GraphQL payloads with
 * `server/graphql/payload-errors.ts` (the reference's `errors { message }`), the CLI with
 * `describeRefusals`.
 */

export interface Refusal<Code extends string = string> {
  /** Machine-readable reason (`path_taken`, `name_too_long`…): the last segment of its i18n key. */
  code: Code;
  /** The input it is about; `form` for the request as a whole. */
  field: string;
  /** Values its message interpolates (numbers are formatted in the reader's language by the consumer). */
  params?: Record<string, string | number>;
}

/** A refusal, with what the refusing page needs to show again (`Extra`: typed values, hidden fields…). */
export type Refused<Extra extends object = object, Code extends string = string> = {
  ok: false;
  refusals: Refusal<Code>[];
} & Extra;

/** What an operation that can refuse returns: its result, or why not. */
export type OperationResult<T extends object = object, Extra extends object = object> = ({ ok: true } & T) | Refused<Extra>;

/** One refusal, about `field` (the whole request by default). */
export function refuse<Code extends string>(
  code: Code,
  field = "form",
  params?: Record<string, string | number>,
): Refused<object, Code> {
  return { ok: false, refusals: [params ? { code, field, params } : { code, field }] };
}

/** Too many attempts: refused on `form`, to retry after `retryAfterSeconds` (a 429 for HTTP callers). */
export function refuseRateLimited(retryAfterSeconds: number): Refused<object, "rate_limited"> {
  return refuse("rate_limited", "form", { retryAfterSeconds });
}

/** The wait of a `rate_limited` refusal, in seconds; null when the refusals say something else. */
export function retryAfterSecondsOf(refusals: readonly Refusal[]): number | null {
  const wait = refusals.find((r) => r.code === "rate_limited")?.params?.retryAfterSeconds;
  return wait === undefined ? null : Number(wait);
}

/** Refusals from a map of field → code (one per field, as form validation produces them). */
export function refuseFields(codes: Readonly<Record<string, string>>): Refused {
  return { ok: false, refusals: Object.entries(codes).map(([field, code]) => ({ code, field })) };
}

/** The pages' mapping: the first code of each field, and its parameters, as the forms render them. */
export function refusalsByField(refusals: readonly Refusal[]): {
  errors: Record<string, string>;
  errorParams: Record<string, Record<string, string | number>>;
} {
  const errors: Record<string, string> = {};
  const errorParams: Record<string, Record<string, string | number>> = {};
  for (const refusal of refusals) {
    if (refusal.field in errors) continue;
    errors[refusal.field] = refusal.code;
    if (refusal.params) errorParams[refusal.field] = refusal.params;
  }
  return { errors, errorParams };
}

/** The CLI's mapping: one sentence per refusal, from the command's explanations of the codes. */
export function describeRefusals(refusals: readonly Refusal[], explain: Readonly<Record<string, string>>): string {
  return refusals.map((r) => explain[r.code] ?? (r.field === "form" ? r.code : `${r.field}: ${r.code}`)).join("; ");
}
