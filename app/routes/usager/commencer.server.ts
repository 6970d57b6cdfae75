/**
 * /commencer/:path and /commencer/test/:path: the démarche's presentation and the "Commencer"
 * button. A closed démarche answers 410 with an explanation; an unknown path, or the public link
 * of a démarche still in test, 404.
 */
import { data, redirect } from "react-router";
import { estimatedFillMinutes } from "../../../server/domain/demarches/estimated-fill-duration";
import { findStartableDemarche, startDossier } from "../../../server/operations/dossiers/start-dossier";
import {
  findCurrentPathOf,
  findDemarcheByPath,
  findReplacement,
  loadStartRevisionChamps,
} from "../../../server/lookups/demarche-by-path";
import { renderRichText } from "../../../server/domain/demarches/rich-text";
import { serviceOfDemarche } from "../../../server/lookups/own-service";
import { demarcheFilesOf, demarcheLogoUrl } from "../../../server/lookups/demarche-files";
import { formatByteSize } from "../../../server/domain/files/file-ref";
import { listUsagerDossiersOnDemarche } from "../../../server/queries/usager/list-dossiers";
import type { RouterContextProvider } from "react-router";
import { notFound, requestState, requireUser, services } from "../../lib/request.server";
import { commencerPath } from "./commencer-paths";
import { prefillOnCommencer } from "./prefill.server";
import { formatDate } from "./usager.server";

type Args = { params: { path?: string }; context: Readonly<RouterContextProvider>; request: Request };

export { commencerPath };

export async function loadCommencer({ params, context, request }: Args, test: boolean) {
  const { db } = services(context);
  const { user, locale } = requestState(context);
  const demarche = await findDemarcheByPath(db, params.path ?? "");
  if (!demarche?.path) {
    // A former path of a démarche: permanently moved to its current one (the reference's path history).
    const current = await findCurrentPathOf(db, params.path ?? "");
    if (current) throw redirect(commencerPath(current, test), 301);
    notFound();
  }
  // The test link of a published démarche leads to its public page; the public link of a démarche in test does not exist yet.
  if (test && demarche.state === "publiee") throw redirect(commencerPath(demarche.path, false));
  if (!test && demarche.state === "brouillon") notFound();
  // Closed in favour of another démarche still published: its old link leads there (as the reference).
  const replacement = !test && demarche.state === "close" ? await findReplacement(db, demarche.replacedByDemarcheId) : null;
  if (replacement?.path) throw redirect(commencerPath(replacement.path, false));
  const open = test ? demarche.state === "brouillon" : demarche.state === "publiee";
  // A prefill link: creates or reopens its dossier (a signed-in usager is sent on to it).
  const prefill = open ? await prefillOnCommencer({ context, request }, { id: demarche.id, path: demarche.path }, test) : null;
  const champs = open ? await loadStartRevisionChamps(db, demarche, test) : [];
  const mine = user ? await listUsagerDossiersOnDemarche(db, user.id, demarche.id, test) : [];
  const files = await demarcheFilesOf(db, demarche.id);
  const download = (kind: "notice" | "deliberation") => {
    const file = files[kind];
    return file
      ? { url: `/demarches/${demarche.id}/${kind}`, filename: file.filename, size: formatByteSize(file.byteSize, locale) }
      : null;
  };
  return data(
    {
      test,
      open,
      closedReason: open ? null : demarche.state === "depubliee" ? ("depubliee" as const) : ("closed" as const),
      /** The administrateur's explanation when they closed it, shown as they wrote it. */
      closingDetails: open ? null : demarche.closingDetails,
      path: demarche.path,
      signedIn: user !== null,
      prefill,
      demarche: {
        libelle: demarche.libelle,
        /** Limited HTML, sanitized again here: nothing stored can run in the page. */
        descriptionHtml: renderRichText(demarche.description) ?? "",
        targetAudienceHtml: renderRichText(demarche.descriptionTargetAudience),
        piecesHtml: renderRichText(demarche.descriptionPj),
        lienNotice: demarche.lienNotice,
        cadreJuridique: demarche.cadreJuridique,
        /** Uploaded presentation files (server/http/uploads/demarche-files.ts). */
        logoUrl: files.logo ? demarcheLogoUrl(demarche.id, files.logo) : null,
        noticeFile: download("notice"),
        deliberationFile: download("deliberation"),
        lienDpo: demarche.lienDpo,
        dureeConservation: demarche.dureeConservation,
      },
      service: await serviceOfDemarche(db, demarche.id),
      // Same estimate as the administrateur's preview; 0 (no field) is not shown, nor when the administrateur hides it.
      estimatedMinutes: demarche.estimatedDurationVisible ? estimatedFillMinutes(champs) || null : null,
      dossiers: mine.map((d) => ({ id: d.id, state: d.state, updatedAt: formatDate(d.updatedAt, locale) })),
    },
    { status: open ? (prefill?.kind === "rate_limited" ? 429 : 200) : 410 },
  );
}

export type CommencerData = Awaited<ReturnType<typeof loadCommencer>>["data"];

/** "Commencer la démarche": a new brouillon, then its identity step. Anonymous visitors are sent to sign in and back. */
export async function startFromCommencer({ params, context, request }: Args, test: boolean) {
  const user = requireUser(context, request);
  const { db } = services(context);
  const path = params.path ?? "";
  if (!(await findStartableDemarche(db, path, test))) {
    const demarche = await findDemarcheByPath(db, path);
    if (!demarche?.path) notFound();
    // Closed meanwhile (or a test link gone public): the page explains.
    throw redirect(commencerPath(demarche.path, test));
  }
  const { dossierId } = await startDossier(db, user.id, { path, test });
  return redirect(`/dossiers/${dossierId}/identite`);
}
