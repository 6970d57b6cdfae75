/**
 * Where to send the visitor after signing in / up: a safe path of this site (isSafeRelativePath),
 * never an account page itself.
 */
import { z } from "zod";
import { isSafeRelativePath } from "../../../common/safe-path";

export function cleanRedirectPath(value: unknown): string | undefined {
  if (!isSafeRelativePath(value)) return undefined;
  // The account pages themselves are never a destination (a loop back to sign-in, sign-out…).
  if (value === "/users" || value.startsWith("/users/") || value.startsWith("/users?")) return undefined;
  return value;
}

/** Optional redirect path in a schema (mail parameters): anything unsafe is dropped, not an error. */
export const ZRedirectPath = z.preprocess((v) => cleanRedirectPath(v), z.string().optional());
