import type { RequestHandler, Response } from "express";
import { randomToken } from "../security/tokens";

/** Defaults a page may replace with its own value (e.g. account pages: `Referrer-Policy: same-origin`). */
const OVERRIDABLE_DEFAULTS: Record<string, string> = {
  "referrer-policy": "strict-origin-when-cross-origin",
};

/**
 * Strict CSP: scripts only with this response's nonce (React Router's inline hydration scripts and
 * the modules they load through 'strict-dynamic'), no inline styles from markup we do not control.
 */
export function securityHeaders(options: { secure: boolean; formActionOrigins?: string[] }): RequestHandler {
  // Forms may lead elsewhere only through a redirect to these origins (the FranceConnect button and
  // sign-out go to the provider; browsers apply form-action to the redirect's target too).
  const formAction = ["'self'", ...(options.formActionOrigins ?? [])].join(" ");
  return (_req, res, next) => {
    const nonce = randomToken(16);
    res.locals.nonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'nonce-${nonce}' 'strict-dynamic'`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        `form-action ${formAction}`,
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
      ].join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (options.secure) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    setOverridableDefaults(res);
    next();
  };
}

/**
 * React Router's adapter copies a page's headers with `res.append`, which would add a second,
 * conflicting value to a default set here (browsers then apply the least strict or none): a value
 * the page gives replaces the default instead.
 */
function setOverridableDefaults(res: Response) {
  for (const [name, value] of Object.entries(OVERRIDABLE_DEFAULTS)) res.setHeader(name, value);
  const append = res.append.bind(res);
  res.append = (field: string, value?: string[] | string) => {
    if (field.toLowerCase() in OVERRIDABLE_DEFAULTS && value !== undefined) {
      res.setHeader(field, value);
      return res;
    }
    return append(field, value);
  };
}
