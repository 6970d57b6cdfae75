/**
 * The dossier's document (PDF « Télécharger le dossier », receipt) read through the same scopes and
 * form view as the dossier pages: the usager's (their buffer while they have changes not yet
 * submitted, as their page shows), the instructeur's (of the démarche of the URL), or — for a
 * signed API link, whose signature is the authorization — a submitted dossier's. Out of scope:
 * NotFoundError (404), as the pages.
 */
import { eq } from "drizzle-orm";
import type { Locale } from "../../common/i18n/types";
import type { DbOrTx } from "../db/client";
import { usagerReadStream } from "../db/champ-streams";
import { type demarches, type dossiers, users } from "../db/schema";
import { buildDossierDocument, buildReceiptDocument, type DossierDocumentInput } from "../domain/documents/dossier-document";
import type { ChampStream } from "../domain/dossier/streams";
import { NotFoundError } from "../errors";
import { findInstructeurDossier, findSubmittedDossier, findSharedUsagerDossier } from "../lookups/scoped-dossier";
import { loadFormView } from "./form-view";

type DossierRow = typeof dossiers.$inferSelect;
type DemarcheRow = typeof demarches.$inferSelect;

/** What `buildDossierDocument` needs of a dossier found in scope, its form read from `stream`. */
export async function dossierDocumentInput(
  db: DbOrTx,
  dossier: DossierRow,
  demarche: DemarcheRow,
  stream?: ChampStream,
): Promise<DossierDocumentInput> {
  const form = await loadFormView(db, dossier.revisionId, dossier.id, stream ? { stream } : {});
  const [usager] = dossier.userId
    ? await db.select({ email: users.email }).from(users).where(eq(users.id, dossier.userId)).limit(1)
    : [];
  return {
    number: dossier.id,
    demarche: { number: demarche.id, libelle: demarche.libelle, forIndividual: demarche.forIndividual },
    state: dossier.state,
    usagerEmail: usager?.email ?? null,
    identity: { civilite: dossier.civilite, nom: dossier.nom, prenom: dossier.prenom },
    dates: { deposeAt: dossier.deposeAt, enInstructionAt: dossier.enInstructionAt, processedAt: dossier.processedAt },
    motivation: dossier.motivation,
    form,
  };
}

export async function loadUsagerDossierDocument(db: DbOrTx, userId: number, dossierId: number, locale: Locale, now = new Date()) {
  const { dossier, demarche } = await findSharedUsagerDossier(db, userId, dossierId);
  const stream = await usagerReadStream(db, dossier);
  return buildDossierDocument(await dossierDocumentInput(db, dossier, demarche, stream), locale, now);
}

export async function loadInstructeurDossierDocument(
  db: DbOrTx,
  input: { instructeurId: number; demarcheId: number; dossierId: number },
  locale: Locale,
  now = new Date(),
) {
  const { dossier, demarche } = await findInstructeurDossier(db, input.instructeurId, input.dossierId);
  if (dossier.demarcheId !== input.demarcheId) throw new NotFoundError("Dossier");
  return buildDossierDocument(await dossierDocumentInput(db, dossier, demarche), locale, now);
}

/** For a signed link of the API (`Dossier.pdf`): the caller checked the signature. */
export async function loadSignedDossierDocument(db: DbOrTx, dossierId: number, locale: Locale, now = new Date()) {
  const { dossier, demarche } = await findSubmittedDossier(db, dossierId);
  return buildDossierDocument(await dossierDocumentInput(db, dossier, demarche), locale, now);
}

/** The receipt of a submitted dossier, for the send-mail job (trusted: it names the dossier it was given). */
export async function loadReceiptDocument(db: DbOrTx, dossierId: number, locale: Locale, now = new Date()) {
  const { dossier, demarche } = await findSubmittedDossier(db, dossierId);
  return buildReceiptDocument(await dossierDocumentInput(db, dossier, demarche), locale, now);
}
