/**
 * Who writes in a messagerie, and the dossiers they may write on (their scope: anything else is a
 * 404). Experts come with the avis: their caller passes the lookup of the dossiers their avis
 * open to them.
 */
import type { Tx } from "../../db/client";
import type { demarches, dossiers } from "../../db/schema";
import { findExpertMessagerieDossier } from "../../lookups/scoped-avis";
import { findInstructeurDossier, findSharedUsagerDossier } from "../../lookups/scoped-dossier";
import { NotFoundError } from "../../errors";

export interface ScopedDossier {
  dossier: typeof dossiers.$inferSelect;
  demarche: typeof demarches.$inferSelect;
}

export type MessageAuthor =
  | { kind: "usager"; userId: number; email: string }
  | { kind: "instructeur"; userId: number; instructeurId: number; email: string }
  | {
      kind: "expert";
      userId: number;
      expertId: number;
      email: string;
      findDossier: (tx: Tx, dossierId: number, lock: boolean) => Promise<ScopedDossier>;
    };

export function findAuthorDossier(tx: Tx, author: MessageAuthor, dossierId: number, lock = true): Promise<ScopedDossier> {
  switch (author.kind) {
    case "usager":
      return findSharedUsagerDossier(tx, author.userId, dossierId, lock);
    case "instructeur":
      return findInstructeurDossier(tx, author.instructeurId, dossierId, lock);
    case "expert":
      return author.findDossier(tx, dossierId, lock);
  }
}

/** An expert writing through one of their avis: only on that avis's dossier (`findExpertMessagerieDossier`). */
export function expertAuthor(
  expert: { userId: number; expertId: number; email: string },
  avisId: number,
): Extract<MessageAuthor, { kind: "expert" }> {
  return {
    kind: "expert",
    ...expert,
    async findDossier(tx, dossierId, lock) {
      const found = await findExpertMessagerieDossier(tx, expert.expertId, avisId, lock);
      if (found.dossier.id !== dossierId) throw new NotFoundError("Dossier");
      return { dossier: found.dossier, demarche: found.demarche };
    },
  };
}

/** Why nobody may write on this dossier now (brouillon, archived, in the corbeille), or null. */
export function closedMessagerieCode(
  dossier: ScopedDossier["dossier"],
): "dossier_brouillon" | "dossier_archived" | "dossier_supprime" | null {
  if (dossier.state === "brouillon") return "dossier_brouillon";
  if (dossier.archived) return "dossier_archived";
  if (dossier.hiddenByAdministrationAt !== null) return "dossier_supprime";
  return null;
}
