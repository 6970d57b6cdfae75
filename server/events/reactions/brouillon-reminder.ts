/**
 * A brouillon not submitted two days before its démarche closes (the cron's event): its owner is
 * e-mailed, in their account's language. Nothing when the dossier has no owner any more.
 */
import { eq } from "drizzle-orm";
import { DEFAULT_LOCALE, isLocale } from "../../../common/i18n";
import { demarches, dossiers, users } from "../../db/schema";
import { enqueueMail } from "../../jobs/enqueue-mail";
import { defineReaction } from "../reaction";

export const brouillonReminderMail = defineReaction({
  name: "brouillon-reminder-mail",
  kinds: ["dossier.rappel_brouillon_avant_fermeture"] as const,
  async react(tx, event) {
    if (event.dossierId === null) return;
    const [target] = await tx
      .select({ email: users.email, locale: users.locale, libelle: demarches.libelle })
      .from(dossiers)
      .innerJoin(users, eq(users.id, dossiers.userId))
      .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
      .where(eq(dossiers.id, event.dossierId));
    if (!target || target.email === "") return;
    await enqueueMail(
      tx,
      target.email,
      "brouillon_reminder",
      { dossierId: event.dossierId, demarcheLibelle: target.libelle, closingOn: event.payload.closingOn },
      isLocale(target.locale) ? target.locale : DEFAULT_LOCALE,
      { demarcheId: event.demarcheId },
    );
  },
});
