/**
 * Adds addresses to the démarche's list of experts (administrateur). An address without account
 * gets one without password (the first avis e-mail invites them to choose it); nobody is e-mailed
 * now. A removed expert added again is listed again. `allowDecisionAccess`: e-mail them the final
 * decision on the dossiers they answered.
 */

import { LOCALES } from "../../../common/i18n";
import { z } from "zod";
import type { Db } from "../../db/client";
import { expertsProcedures } from "../../db/schema";
import { recordEvent } from "../../events/record-event";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import type { OperationResult } from "../../refusal";
import { parseEmails } from "../avis/email-candidates";
import { ensureExpert } from "../avis/expert-account";

export const MAX_EXPERTS_PER_ADDITION = 50;

const ZInput = z.object({ emails: z.string(), allowDecisionAccess: z.boolean(), locale: z.enum(LOCALES) });

export async function addDemarcheExperts(
  db: Db,
  admin: { administrateurId: number; userId: number },
  demarcheId: number,
  input: z.input<typeof ZInput>,
): Promise<OperationResult<{ added: number }>> {
  const values = ZInput.parse(input);
  return db.transaction(async (tx) => {
    await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    const emails = parseEmails(values.emails, MAX_EXPERTS_PER_ADDITION);
    if (!emails.ok) return emails;
    for (const email of emails.emails) {
      const { expertId } = await ensureExpert(tx, email, values.locale);
      const listing = { listedByAdministrateur: true, allowDecisionAccess: values.allowDecisionAccess, revokedAt: null };
      await tx
        .insert(expertsProcedures)
        .values({ expertId, demarcheId, ...listing })
        .onConflictDoUpdate({ target: [expertsProcedures.expertId, expertsProcedures.demarcheId], set: listing });
      await recordEvent(tx, {
        kind: "demarche.experts_modifies",
        demarcheId,
        dossierId: null,
        actor: "administrateur",
        actorUserId: admin.userId,
        payload: { change: "expert_added", expertId },
      });
    }
    return { ok: true as const, added: emails.emails.length };
  });
}
