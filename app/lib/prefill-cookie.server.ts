/**
 * The prefilled dossier a browser created before its visitor signed in: its token and the digest of
 * the link's parameters are remembered in a cookie (set by the usager's /commencer page), and the
 * sign-in pages (form or confirmation link) attach it to the usager once they are signed in.
 */
import type { RouterContextProvider } from "react-router";
import { NotFoundError } from "../../server/errors";
import { parseCookies, serializeCookie } from "../../server/http/cookies";
import { claimPrefilledDossier } from "../../server/operations/prefill/claim-prefilled-dossier";
import { PREFILL_TOKEN_PATTERN, type PrefilledDossierView } from "../../server/operations/prefill/find-prefilled-dossier";
import { ORPHAN_PREFILLED_TTL_DAYS } from "../../server/operations/prefill/purge-orphan-prefilled-dossiers";
import { requestState, services } from "./request.server";

type Ctx = Readonly<RouterContextProvider>;

export const PREFILL_COOKIE = "guichet_prefill";

/** Where a usager continues a prefilled dossier: identity first if incomplete, then the form. */
export function prefilledLandingPath(dossier: Pick<PrefilledDossierView, "id" | "state" | "identityComplete">): string {
  if (dossier.state !== "brouillon") return `/dossiers/${dossier.id}`;
  return dossier.identityComplete ? `/dossiers/${dossier.id}/brouillon` : `/dossiers/${dossier.id}/identite`;
}

export function readRemembered(request: Request): { token: string; digest: string } | null {
  const value = parseCookies(request.headers.get("cookie"))[PREFILL_COOKIE];
  const [token = "", digest = ""] = (value ?? "").split(".");
  return PREFILL_TOKEN_PATTERN.test(token) && /^([0-9a-f]{64})?$/.test(digest) ? { token, digest } : null;
}

export function remember(context: Ctx, token: string, digest: string) {
  const { config } = services(context);
  requestState(context).setCookies.push(
    serializeCookie(PREFILL_COOKIE, `${token}.${digest}`, {
      secure: config.secureCookies,
      maxAgeSeconds: ORPHAN_PREFILLED_TTL_DAYS * 24 * 3600,
    }),
  );
}

function forget(context: Ctx) {
  const { config } = services(context);
  requestState(context).setCookies.push(serializeCookie(PREFILL_COOKIE, "", { secure: config.secureCookies, maxAgeSeconds: 0 }));
}

/**
 * After a sign-in (form or confirmation link): the orphan prefilled dossier this browser created
 * is attached to the usager, and its form is where they go (unless they were going elsewhere).
 */
export async function claimRememberedPrefill(context: Ctx, request: Request, userId: number): Promise<string | undefined> {
  const remembered = readRemembered(request);
  if (!remembered) return undefined;
  try {
    const { dossier, claimed } = await claimPrefilledDossier(services(context).db, userId, { token: remembered.token });
    return claimed ? prefilledLandingPath(dossier) : undefined;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    forget(context);
    return undefined;
  }
}
