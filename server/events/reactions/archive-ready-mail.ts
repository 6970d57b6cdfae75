/**
 * The e-mail to the administrateur who asked for a monthly archive, once it is generated
 * (`demarche.archive_generee`), in the language they asked in. Nobody to tell when they have left
 * the démarche's administrateurs since.
 */
import { and, eq } from "drizzle-orm";
import { DEFAULT_LOCALE, isLocale } from "../../../common/i18n";
import { administrateurs, demarcheAdministrateurs, archives, demarches, users } from "../../db/schema";
import { enqueueMail } from "../../jobs/enqueue-mail";
import { defineReaction } from "../reaction";

export const archiveReadyMail = defineReaction({
  name: "archive-ready-mail",
  kinds: ["demarche.archive_generee"],
  async react(tx, event) {
    const [row] = await tx
      .select({ email: users.email, locale: archives.locale, libelle: demarches.libelle })
      .from(archives)
      .innerJoin(administrateurs, eq(administrateurs.id, archives.requestedByAdministrateurId))
      .innerJoin(
        demarcheAdministrateurs,
        and(
          eq(demarcheAdministrateurs.administrateurId, administrateurs.id),
          eq(demarcheAdministrateurs.demarcheId, archives.demarcheId),
        ),
      )
      .innerJoin(users, eq(users.id, administrateurs.userId))
      .innerJoin(demarches, eq(demarches.id, archives.demarcheId))
      .where(eq(archives.id, event.payload.archiveId));
    if (!row) return;
    await enqueueMail(
      tx,
      row.email,
      "archive_ready",
      { demarcheLibelle: row.libelle, demarcheId: event.demarcheId, month: event.payload.month, count: event.payload.count },
      isLocale(row.locale) ? row.locale : DEFAULT_LOCALE,
    );
  },
});
