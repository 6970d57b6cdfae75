import type { RequestHandler } from "express";

/**
 * Refuses, before any route reads them, request targets no page can mean: a percent-escape that is
 * not valid UTF-8 (decoding a route parameter would throw) or a NUL byte (PostgreSQL refuses it in
 * text). Checked once for every route and parameter, path and query alike, so that such input is a
 * 400, never a 500 of whichever code first hands it to the database.
 */
export function rejectMalformedUrls(): RequestHandler {
  return (req, res, next) => {
    if (isWellFormedTarget(req.originalUrl)) return next();
    const fr = !String(req.headers["accept-language"] ?? "").startsWith("en");
    res
      .status(400)
      .type("text/plain")
      .send(
        fr
          ? "Adresse invalide : elle contient des caractères qui ne peuvent pas être lus."
          : "Invalid address: it contains characters that cannot be read.",
      );
  };
}

export function isWellFormedTarget(target: string): boolean {
  const queryStart = target.indexOf("?");
  const path = queryStart < 0 ? target : target.slice(0, queryStart);
  const parts = path.split("/");
  if (queryStart >= 0)
    parts.push(
      ...target
        .slice(queryStart + 1)
        .split(/[&=]/)
        .map((part) => part.replace(/\+/g, " ")),
    );
  return parts.every(isWellFormedComponent);
}

function isWellFormedComponent(component: string): boolean {
  if (component.includes("\0")) return false;
  if (!component.includes("%")) return true;
  try {
    return !decodeURIComponent(component).includes("\0");
  } catch {
    return false;
  }
}
