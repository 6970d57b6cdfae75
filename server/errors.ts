/**
 * Thrown when the object does not exist or is outside the caller's scope. It has the shape of a
 * React Router error response (status 404), so a page whose operation throws it renders the 404
 * page without any try/catch; GraphQL and the CLI read `status` and the message.
 */
export class NotFoundError extends Error {
  readonly status = 404;
  readonly statusText = "Not Found";
  readonly internal = false;
  readonly data = { status: 404 };

  constructor(what = "record") {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/**
 * Input that a page or API should never send (its own forms validate first): answered with the
 * 400 error page rather than field errors, and nothing changes.
 */
export class BadRequestError extends Error {
  readonly status = 400;
  readonly statusText = "Bad Request";
  readonly internal = false;
  readonly data = { status: 400 };

  constructor(message = "bad request") {
    super(message);
    this.name = "BadRequestError";
  }
}

/** Parses input that must be well-formed, or throws BadRequestError. */
export function parseOrBadRequest<T>(
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: { message: string } } },
  input: unknown,
): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new BadRequestError(parsed.error.message);
  return parsed.data;
}

/** Result of an operation that can fail on user input: errors map field names to i18n keys/messages. */
export type OperationResult<T> = ({ ok: true } & T) | { ok: false; errors: Record<string, string> };
