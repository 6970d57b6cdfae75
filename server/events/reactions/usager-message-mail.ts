/**
 * The usager's e-mail « nouveau message » for each message of an instructeur or an expert on their
 * dossier (with the correction wording when it asks one), in their account's language: a link to
 * the thread, never the message. Nothing for a dossier without usager or a test dossier.
 */
import { eq } from "drizzle-orm";
import { DEFAULT_LOCALE, isLocale } from "../../../common/i18n";
import { demarches, dossiers, users } from "../../db/schema";
import { enqueueMail } from "../../jobs/enqueue-mail";
import { defineReaction } from "../reaction";

export const usagerMessageMail = defineReaction({
  name: "usager-message-mail",
  kinds: ["message.envoye"],
  async react(tx, event) {
    if (event.dossierId === null || event.payload.authorKind === "usager") return;
    const [target] = await tx
      .select({ email: users.email, locale: users.locale, forTest: dossiers.forTest, libelle: demarches.libelle })
      .from(dossiers)
      .innerJoin(users, eq(users.id, dossiers.userId))
      .innerJoin(demarches, eq(demarches.id, dossiers.demarcheId))
      .where(eq(dossiers.id, event.dossierId));
    if (!target || target.forTest) return;
    await enqueueMail(
      tx,
      target.email,
      "nouveau_message",
      { dossierNumber: event.dossierId, demarcheLibelle: target.libelle, correction: Boolean(event.payload.correction) },
      isLocale(target.locale) ? target.locale : DEFAULT_LOCALE,
      { demarcheId: event.demarcheId },
    );
  },
});
