/**
 * Everything the instructeur's dossier page shows. The dossier is found through
 * `findInstructeurDossier` (scope `dossiersVisibleToInstructeur`) and must belong to the démarche of
 * the URL: otherwise NotFoundError, exactly as if it did not exist.
 */
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { allFields } from "../../domain/form/tree";
import { dossierNumberOf } from "../../domain/champs/types/dossier_link";
import { visibleLinkedDossiers } from "../../lookups/linked-dossiers";
import { loadFormView } from "../form-view";

/** Links of the dossiers named by the form's dossier_link fields, for those this instructeur may open. */
async function withDossierLinks(db: DbOrTx, instructeurId: number, form: Awaited<ReturnType<typeof loadFormView>>) {
  const linkFields = new Set(
    allFields(form.descriptors)
      .filter((f) => f.type === "dossier_link")
      .map((f) => f.stableId),
  );
  const numbers = Object.entries(form.values).flatMap(([key, value]) => {
    const n = linkFields.has(Number(key.split("|")[0])) && typeof value === "string" ? dossierNumberOf(value) : null;
    return n === null ? [] : [n];
  });
  const visible = await visibleLinkedDossiers(db, instructeurId, numbers);
  const dossierLinks = Object.fromEntries(
    [...visible].map(([n, { demarcheId }]) => [String(n), `/procedures/${demarcheId}/dossiers/${n}`]),
  );
  return { ...form, dossierLinks };
}
import { follows, instructeurs, traitements, users } from "../../db/schema";
import { instructeurEvents } from "../../domain/dossier/transitions";
import { readSvaSvr } from "../../domain/special/sva-svr";
import { findInstructeurDossier } from "../../lookups/scoped-dossier";
import { NotFoundError } from "../../errors";
import { loadDossierAnnotations } from "./annotations";
import { loadDossierGroupe } from "./dossier-groupe";

/** The dossier if this instructeur may see it and it belongs to this démarche; NotFoundError otherwise. */
export async function findInstructeurDossierOfDemarche(db: DbOrTx, instructeurId: number, demarcheId: number, dossierId: number) {
  const found = await findInstructeurDossier(db, instructeurId, dossierId);
  if (found.dossier.demarcheId !== demarcheId) throw new NotFoundError("Dossier");
  return found;
}

export async function loadInstructeurDossier(
  db: DbOrTx,
  input: { instructeurId: number; demarcheId: number; dossierId: number; groupeSearch?: string },
) {
  const { dossier, demarche } = await findInstructeurDossierOfDemarche(
    db,
    input.instructeurId,
    input.demarcheId,
    input.dossierId,
  );
  const [usager] = dossier.userId
    ? await db.select({ email: users.email }).from(users).where(eq(users.id, dossier.userId)).limit(1)
    : [];
  const [history, followers, annotations] = await Promise.all([
    db
      .select({
        id: traitements.id,
        event: traitements.event,
        state: traitements.state,
        motivation: traitements.motivation,
        instructeurEmail: traitements.instructeurEmail,
        processedAt: traitements.processedAt,
      })
      .from(traitements)
      .where(eq(traitements.dossierId, dossier.id))
      .orderBy(asc(traitements.processedAt), asc(traitements.id)),
    db
      .select({ instructeurId: follows.instructeurId, email: users.email })
      .from(follows)
      .innerJoin(instructeurs, eq(instructeurs.id, follows.instructeurId))
      .innerJoin(users, eq(users.id, instructeurs.userId))
      .where(eq(follows.dossierId, dossier.id))
      .orderBy(asc(follows.createdAt)),
    loadDossierAnnotations(db, dossier),
  ]);
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle, state: demarche.state },
    dossier: {
      id: dossier.id,
      state: dossier.state,
      civilite: dossier.civilite,
      nom: dossier.nom,
      prenom: dossier.prenom,
      usagerEmail: usager?.email ?? null,
      forTiers: dossier.forTiers,
      mandataireFirstName: dossier.mandataireFirstName,
      mandataireLastName: dossier.mandataireLastName,
      beneficiaireEmail: dossier.beneficiaireEmail,
      motivation: dossier.motivation,
      createdAt: dossier.createdAt,
      deposeAt: dossier.deposeAt,
      enConstructionAt: dossier.enConstructionAt,
      enInstructionAt: dossier.enInstructionAt,
      processedAt: dossier.processedAt,
      updatedAt: dossier.updatedAt,
      archived: dossier.archived,
      inCorbeille: dossier.hiddenByAdministrationAt !== null,
      expiredAt: dossier.expiredAt,
      hiddenByExpiredAt: dossier.hiddenByExpiredAt,
      hiddenByUserAt: dossier.hiddenByUserAt,
      hiddenByAdministrationAt: dossier.hiddenByAdministrationAt,
      svaSvrDecisionOn: dossier.svaSvrDecisionOn,
      svaSvrDecision: readSvaSvr(demarche.svaSvr).decision,
      // Accusé de lecture: null when the démarche has none; else when the usager read the decision (or not yet).
      accuseLecture: demarche.accuseLecture ? { agreementAt: dossier.accuseLectureAgreementAt } : null,
    },
    // The public form in order, each field with its stored value (rendered by <ChampDisplay>).
    // The public form (tree, values by key, hidden occurrences), rendered by <ChampDisplayList>.
    form: await withDossierLinks(db, input.instructeurId, await loadFormView(db, dossier.revisionId, dossier.id)),
    history,
    followers: followers.map((f) => f.email),
    followedByMe: followers.some((f) => f.instructeurId === input.instructeurId),
    // The annotations privées form (fields and their values), for the instructeurs only.
    annotations,
    events: instructeurEvents(dossier.state),
    // Its groupe instructeur, the groupes it can move to and its groupe changes.
    groupe: await loadDossierGroupe(db, dossier, input.groupeSearch),
  };
}
