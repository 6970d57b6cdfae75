/** The administrateur goes back to Guichet's default e-mail: the customised template is deleted. */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { mailTemplates } from "../../db/schema";
import type { MailTemplateKind } from "../../domain/tags";
import { recordEvent } from "../../events/record-event";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";

/** Returns whether there was a customised template to delete. */
export async function resetMailTemplate(
  db: Db,
  admin: { administrateurId: number; userId: number },
  demarcheId: number,
  kind: MailTemplateKind,
): Promise<{ reset: boolean }> {
  return db.transaction(async (tx) => {
    await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    const deleted = await tx
      .delete(mailTemplates)
      .where(and(eq(mailTemplates.demarcheId, demarcheId), eq(mailTemplates.kind, kind)))
      .returning({ kind: mailTemplates.kind });
    if (deleted.length === 0) return { reset: false };
    await recordEvent(tx, {
      kind: "demarche.modele_mail_modifie",
      demarcheId,
      dossierId: null,
      actor: "administrateur",
      actorUserId: admin.userId,
      payload: { template: kind, change: "reset" },
    });
    return { reset: true };
  });
}
