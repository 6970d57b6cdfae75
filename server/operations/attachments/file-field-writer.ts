/**
 * Who writes to a dossier's file fields, and so which of the dossier's two forms they may change:
 * - the usager, their own form (`champs`), while the dossier is a brouillon or en construction;
 * - an instructeur of the dossier's groupe, its annotations privées (`annotations`), in every
 *   state the instructeur sees the dossier (as `saveAnnotations`), on the démarche of the page.
 * Each upload, deletion and upload check resolves the dossier and the form through this one
 * function, so a usager can never reach an annotation (not in their form: 404) nor an instructeur
 * the usager's fields.
 */
import { z } from "zod";
import type { DbOrTx, Tx } from "../../db/client";
import { loadRevisionForm } from "../../db/revisions";
import type { ChampDescriptor } from "../../domain/champs/definition";
import { findInstructeurDossier, findSharedUsagerDossier, type findUsagerDossier } from "../../lookups/scoped-dossier";
import { NotFoundError } from "../../errors";
import { recordEvent } from "../../events/record-event";

/** States in which the usager changes the dossier's values (brouillon, and modification en construction). */
export const EDITABLE_STATES = ["brouillon", "en_construction"] as const;

const id = z.number().int().positive();

export const ZFileFieldWriter = z.discriminatedUnion("form", [
  z.object({ form: z.literal("champs"), userId: id }),
  z.object({ form: z.literal("annotations"), userId: id, instructeurId: id, demarcheId: id }),
]);
export type FileFieldWriter = z.infer<typeof ZFileFieldWriter>;

export type WritableDossier = Awaited<ReturnType<typeof findUsagerDossier>>["dossier"];

/** The dossier in the writer's scope and the form they may change, or NotFoundError. */
export async function findWritableForm(
  db: DbOrTx | Tx,
  writer: FileFieldWriter,
  dossierId: number,
  lock = false,
): Promise<{ dossier: WritableDossier; tree: ChampDescriptor[] }> {
  if (writer.form === "champs") {
    const { dossier } = await findSharedUsagerDossier(db, writer.userId, dossierId, lock);
    if (!(EDITABLE_STATES as readonly string[]).includes(dossier.state)) throw new NotFoundError("Dossier");
    return { dossier, tree: await loadRevisionForm(db, dossier.revisionId) };
  }
  const { dossier } = await findInstructeurDossier(db, writer.instructeurId, dossierId, lock);
  if (dossier.demarcheId !== writer.demarcheId) throw new NotFoundError("Dossier");
  return { dossier, tree: await loadRevisionForm(db, dossier.revisionId, { private: true }) };
}

/**
 * An instructeur attached or removed a file of an annotation privée: the same `dossier.modifie`
 * event (stream `private`) as `saveAnnotations`, so the other instructeurs get the annotation badge
 * and the API its `dateDerniereModificationAnnotations`.
 */
export async function recordAnnotationFileChange(
  tx: Tx,
  writer: FileFieldWriter,
  dossier: { id: number; demarcheId: number },
  stableId: number,
) {
  await recordEvent(tx, {
    kind: "dossier.modifie",
    demarcheId: dossier.demarcheId,
    dossierId: dossier.id,
    actor: "instructeur",
    actorUserId: writer.userId,
    payload: { stream: "private", stableIds: [stableId] },
  });
}
