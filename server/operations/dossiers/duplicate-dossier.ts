/**
 * « Dupliquer » (the reference's user clone, ds-behaviour §2.2): a new brouillon of the same
 * démarche on its current published revision, with the source's identity (and mandataire) and the
 * values of its fields that still exist with the same type (`duplicableFields`: files and
 * annotations privées are not copied; the établissement of a personne morale is asked again).
 * Refused on a test dossier or a démarche that no longer accepts dossiers. Owner-only
 * (`findUsagerDossier`: a co-editor or another usager gets NotFoundError, nothing is created).
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { loadRevisionChamps } from "../../db/revisions";
import { dossiers, groupesInstructeurs } from "../../db/schema";
import { duplicableFields } from "../../domain/dossier/duplicate";
import { recordEvent } from "../../events/record-event";
import { findUsagerDossier } from "../../lookups/scoped-dossier";
import { type OperationResult, refuse } from "../../refusal";
import { addFirstRows } from "./add-first-rows";

export function duplicateDossier(
  db: Db,
  userId: number,
  sourceId: number,
  now: Date = new Date(),
): Promise<OperationResult<{ dossierId: number }>> {
  return db.transaction(async (tx) => {
    const { dossier: source, demarche } = await findUsagerDossier(tx, userId, sourceId);
    if (source.forTest) return refuse("duplicate_test");
    const revisionId = demarche.publishedRevisionId;
    if (demarche.state !== "publiee" || revisionId === null) return refuse("duplicate_demarche_closed");
    const [groupe] = await tx
      .select({ id: groupesInstructeurs.id })
      .from(groupesInstructeurs)
      .where(and(eq(groupesInstructeurs.demarcheId, demarche.id), eq(groupesInstructeurs.isDefault, true)))
      .limit(1);
    const fields = duplicableFields(await loadRevisionChamps(tx, revisionId));
    const [created] = await tx
      .insert(dossiers)
      .values({
        demarcheId: demarche.id,
        revisionId,
        userId,
        groupeInstructeurId: groupe?.id ?? null,
        civilite: source.civilite,
        nom: source.nom,
        prenom: source.prenom,
        identityUpdatedAt: source.identityUpdatedAt ? now : null,
        forTiers: source.forTiers,
        mandataireFirstName: source.mandataireFirstName,
        mandataireLastName: source.mandataireLastName,
        beneficiaireEmail: source.beneficiaireEmail,
      })
      .returning({ id: dossiers.id });
    const dossierId = (created as { id: number }).id;
    let copied = 0;
    if (fields.length > 0) {
      const stableIds = fields.map((f) => f.stableId);
      const types = fields.map((f) => f.type);
      const result = await tx.execute(sql`
        insert into champs (dossier_id, stream, stable_id, row_id, type_champ, value)
        select ${dossierId}, 'main', c.stable_id, c.row_id, c.type_champ, c.value
          from champs c
         where c.dossier_id = ${source.id} and c.stream = 'main' and c.value is not null
           and (c.stable_id, c.type_champ) in (
             select * from unnest(${sql.raw(`array[${stableIds.join(",")}]::int[]`)}, ${sql`array[${sql.join(
               types.map((t) => sql`${t}`),
               sql`, `,
             )}]::text[]`}))
        returning stable_id`);
      copied = new Set((result.rows as { stable_id: number }[]).map((r) => Number(r.stable_id))).size;
      if (copied > 0) {
        await tx.update(dossiers).set({ lastChampUpdatedAt: now }).where(eq(dossiers.id, dossierId));
      }
    }
    // Mandatory blocks the source did not have start with one empty row, as a new dossier's.
    await addFirstRows(tx, revisionId, { dossierId });
    await recordEvent(tx, {
      kind: "dossier.duplique",
      demarcheId: demarche.id,
      dossierId,
      actor: "usager",
      actorUserId: userId,
      payload: { parentDossierId: source.id, copiedStableIds: copied },
    });
    return { ok: true, dossierId };
  });
}
