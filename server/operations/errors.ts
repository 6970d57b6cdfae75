/** Thrown when the object does not exist or is outside the caller's scope; transports answer 404. */
export class NotFoundError extends Error {
  constructor(what = "record") {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/** Result of an operation that can fail on user input: errors map field names to i18n keys/messages. */
export type OperationResult<T> = ({ ok: true } & T) | { ok: false; errors: Record<string, string> };
