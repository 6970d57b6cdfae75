/**
 * Prefill on /commencer/<path>: a link with `champ_…`/`identite_…` parameters creates an orphan
 * prefilled brouillon at the first visit; `?prefill_token=` reopens it. A signed-in usager gets it
 * attached and lands on its form; an anonymous visitor is asked to sign in or sign up and comes back
 * with the token. The browser remembers the token and a digest of the parameters (cookie), so that a
 * reload does not create a second dossier and a later sign-in still finds it.
 */
import { redirect, type RouterContextProvider } from "react-router";
import { hasPrefillParams, prefillDigest, prefillParamsFromSearch } from "../../../server/domain/prefill/params";
import { referenceDataFor } from "../../../server/integrations/reference-data";
import { NotFoundError } from "../../../server/errors";
import { claimPrefilledDossier } from "../../../server/operations/prefill/claim-prefilled-dossier";
import { createPrefilledDossier } from "../../../server/operations/prefill/create-prefilled-dossier";
import { retryAfterSecondsOf } from "../../../server/refusal";
import { findPrefilledDossier } from "../../../server/operations/prefill/find-prefilled-dossier";
import { prefilledLandingPath, readRemembered, remember } from "../../lib/prefill-cookie.server";
import { requestState, services } from "../../lib/request.server";
import { commencerPath } from "./commencer-paths";

type Ctx = Readonly<RouterContextProvider>;

/** What the page of an anonymous visitor shows about the prefilled dossier. */
export type CommencerPrefill = { kind: "dossier"; returnPath: string } | { kind: "rate_limited"; retryAfterMinutes: number };

/** The remembered dossier of this démarche, if this visitor may still use it (orphan, or theirs). */
async function rememberedDossier(context: Ctx, token: string, demarcheId: number) {
  const userId = requestState(context).user?.id ?? null;
  try {
    const dossier = await findPrefilledDossier(services(context).db, { token, demarcheId });
    return dossier.userId === null || dossier.userId === userId ? dossier : null;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/**
 * Prefill handling of a /commencer page of an open démarche. Returns null without prefill
 * parameters; throws a redirect to the form once the dossier is the signed-in usager's, or a 404
 * for a token that is unknown or someone else's.
 */
export async function prefillOnCommencer(
  { context, request }: { context: Ctx; request: Request },
  demarche: { id: number; path: string },
  test: boolean,
): Promise<CommencerPrefill | null> {
  const { db } = services(context);
  const state = requestState(context);
  const search = new URL(request.url).searchParams;
  let token = search.get("prefill_token");
  let digest = "";
  if (token === null) {
    const params = prefillParamsFromSearch(search);
    if (!hasPrefillParams(params)) return null;
    digest = prefillDigest(params);
    const remembered = readRemembered(request);
    // A reload of the same link: the dossier of the first visit, not a new one.
    if (remembered?.digest === digest && (await rememberedDossier(context, remembered.token, demarche.id))) {
      token = remembered.token;
    } else {
      // Addresses are searched in the national address base (configured BAN) before the dossier is created.
      const refs = referenceDataFor(services(context).config);
      const created = await createPrefilledDossier(
        db,
        { target: { path: demarche.path, test }, params, ip: state.clientIp },
        refs,
      );
      if (!created.ok) {
        const retryAfterSeconds = retryAfterSecondsOf(created.refusals) ?? 60;
        return { kind: "rate_limited", retryAfterMinutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) };
      }
      token = created.dossier.prefillToken;
    }
  }

  if (state.user) {
    const { dossier } = await claimPrefilledDossier(db, state.user.id, { token, demarcheId: demarche.id });
    if (digest !== "") remember(context, token, digest);
    throw redirect(prefilledLandingPath(dossier));
  }
  const dossier = await findPrefilledDossier(db, { token, demarcheId: demarche.id });
  // Remembered for a later sign-in; reopening by token keeps the digest of the link that created it.
  const remembered = readRemembered(request);
  if (dossier.userId === null) remember(context, token, digest || (remembered?.token === token ? remembered.digest : ""));
  return { kind: "dossier", returnPath: `${commencerPath(demarche.path, test)}?prefill_token=${encodeURIComponent(token)}` };
}
