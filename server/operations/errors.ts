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

/** Result of an operation that can fail on user input: errors map field names to i18n keys/messages. */
export type OperationResult<T> = ({ ok: true } & T) | { ok: false; errors: Record<string, string> };
