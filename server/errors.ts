/**
 * An error with an HTTP status that React Router renders as a route error response (the status page),
 * on the server and after hydration alike. React Router treats any other thrown `Error` as a 500: it
 * serializes it to the browser as a plain error (sanitized to « Unexpected Server Error » in
 * production), so the browser's render would show « Erreur inattendue » and mismatch the server's
 * 404 page (React hydration error #418). What React Router turns into an error response is the shape
 * of a thrown `data(body, { status })` (`type`, `data`, `init`): these errors carry it, without the
 * server depending on React Router. They keep the fields of an error response too (`status`,
 * `statusText`, `internal`, `data`) for GraphQL, the CLI and the HTTP handlers that read them.
 */
abstract class StatusError extends Error {
  readonly internal = false;
  /** React Router's marker of a thrown `data()` result: it becomes an ErrorResponse with `init`'s status. */
  readonly type = "DataWithResponseInit";
  readonly init: { status: number; statusText: string };
  readonly data: { status: number };

  constructor(
    readonly status: number,
    readonly statusText: string,
    message: string,
  ) {
    super(message);
    this.init = { status, statusText };
    this.data = { status };
  }
}

/**
 * Thrown when the object does not exist or is outside the caller's scope. A page whose operation
 * throws it renders the 404 page without any try/catch; GraphQL and the CLI read `status` and the message.
 */
export class NotFoundError extends StatusError {
  constructor(what = "record") {
    super(404, "Not Found", `${what} not found`);
    this.name = "NotFoundError";
  }
}

/**
 * Input that a page or API should never send (its own forms validate first): answered with the
 * 400 error page rather than field errors, and nothing changes.
 */
export class BadRequestError extends StatusError {
  constructor(message = "bad request") {
    super(400, "Bad Request", message);
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
