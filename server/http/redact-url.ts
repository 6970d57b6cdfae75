/**
 * URLs are logged without the secrets they may carry: one-time account links (`token`), prefill
 * tokens, signed download URLs (`signature`), FranceConnect's code, state and merge tokens. Every log line that contains a URL goes through here.
 */
const SECRET_PARAMS = new Set([
  "token",
  "prefill_token",
  "prefill_token[]",
  "signature",
  // FranceConnect: the callback's code and state, the merge e-mail's link, the logout's ID token.
  "code",
  "state",
  "email_merge_token",
  "id_token_hint",
]);
/** Paths that carry a secret themselves: FranceConnect's merge page. */
const SECRET_PATHS = /^(.*\/france_connect\/particulier\/merge\/)[^/?#]+/;
export const REDACTED = "[redacted]";

/** The URL (absolute, or a path with its query) with the value of every secret parameter replaced. */
export function redactUrl(input: string): string {
  const url = input.replace(SECRET_PATHS, `$1${REDACTED}`);
  const queryStart = url.indexOf("?");
  if (queryStart < 0) return url;
  const hashStart = url.indexOf("#", queryStart);
  const query = url.slice(queryStart + 1, hashStart < 0 ? undefined : hashStart);
  const redacted = query
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      return SECRET_PARAMS.has(decodeName(rawName).toLowerCase()) ? `${rawName}=${REDACTED}` : pair;
    })
    .join("&");
  // The fragment never reaches the server; dropped rather than trusted.
  return `${url.slice(0, queryStart)}?${redacted}`;
}

/** A parameter name as the server reads it; a malformed escape is compared as written. */
function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    return raw;
  }
}
