/**
 * A dossier moved to another groupe: the followers who are not in the new groupe were unfollowed by
 * the move (their ids are in the event); each is e-mailed that they no longer follow it.
 */
import { eq, inArray } from "drizzle-orm";
import { DEFAULT_LOCALE, isLocale } from "../../../common/i18n";
import { demarches, instructeurs, users } from "../../db/schema";
import { enqueueMail } from "../../jobs/enqueue-mail";
import { defineReaction } from "../reaction";

export const groupeChangeMails = defineReaction({
  name: "groupe-change-mails",
  kinds: ["dossier.groupe_change"] as const,
  async react(tx, event) {
    const ids = event.payload.unfollowedInstructeurIds ?? [];
    if (ids.length === 0 || event.dossierId === null) return;
    const [demarche] = await tx.select({ libelle: demarches.libelle }).from(demarches).where(eq(demarches.id, event.demarcheId));
    const recipients = await tx
      .select({ email: users.email, locale: users.locale })
      .from(instructeurs)
      .innerJoin(users, eq(users.id, instructeurs.userId))
      .where(inArray(instructeurs.id, ids));
    for (const r of recipients) {
      await enqueueMail(
        tx,
        r.email,
        "dossier_groupe_change",
        { dossierNumber: event.dossierId, demarcheLibelle: demarche?.libelle ?? "", groupeLabel: event.payload.toLabel },
        isLocale(r.locale) ? r.locale : DEFAULT_LOCALE,
        { demarcheId: event.demarcheId },
      );
    }
  },
});
