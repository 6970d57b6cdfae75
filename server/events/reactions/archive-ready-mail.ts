/**
 * The e-mail to whoever asked for a monthly archive, once it is generated
 * (`demarche.archive_generee`), in the language they asked in. An administrateur's link leads to the
 * démarche's archives page, an instructeur's to theirs. Nobody to tell when the administrateur has
 * left the démarche's administrateurs since, or when the instructeur's groupes on the démarche are
 * no longer the archive's (they could not open it).
 */
import { and, eq } from "drizzle-orm";
import { DEFAULT_LOCALE, isLocale } from "../../../common/i18n";
import { administrateurs, archives, demarcheAdministrateurs, demarches, instructeurs, users } from "../../db/schema";
import { sameArchiveScope } from "../../domain/archives/archives";
import { NotFoundError } from "../../errors";
import { enqueueMail } from "../../jobs/enqueue-mail";
import { instructeurArchiveGroupes } from "../../lookups/scoped-archive";
import { defineReaction } from "../reaction";

export const archiveReadyMail = defineReaction({
  name: "archive-ready-mail",
  kinds: ["demarche.archive_generee"],
  async react(tx, event) {
    const [archive] = await tx
      .select({
        locale: archives.locale,
        libelle: demarches.libelle,
        administrateurId: archives.requestedByAdministrateurId,
        instructeurId: archives.requestedByInstructeurId,
        groupeIds: archives.groupeIds,
      })
      .from(archives)
      .innerJoin(demarches, eq(demarches.id, archives.demarcheId))
      .where(eq(archives.id, event.payload.archiveId));
    if (!archive) return;
    let email: string | null = null;
    let space: "admin" | "instructeur" = "admin";
    if (archive.groupeIds === null && archive.administrateurId !== null) {
      const [row] = await tx
        .select({ email: users.email })
        .from(administrateurs)
        .innerJoin(
          demarcheAdministrateurs,
          and(
            eq(demarcheAdministrateurs.administrateurId, administrateurs.id),
            eq(demarcheAdministrateurs.demarcheId, event.demarcheId),
          ),
        )
        .innerJoin(users, eq(users.id, administrateurs.userId))
        .where(eq(administrateurs.id, archive.administrateurId));
      email = row?.email ?? null;
    } else if (archive.groupeIds !== null && archive.instructeurId !== null) {
      space = "instructeur";
      const current = await instructeurArchiveGroupes(tx, archive.instructeurId, event.demarcheId).catch((error) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      });
      if (current === null || !sameArchiveScope(current, archive.groupeIds)) return;
      const [row] = await tx
        .select({ email: users.email })
        .from(instructeurs)
        .innerJoin(users, eq(users.id, instructeurs.userId))
        .where(eq(instructeurs.id, archive.instructeurId));
      email = row?.email ?? null;
    }
    if (!email) return;
    await enqueueMail(
      tx,
      email,
      "archive_ready",
      {
        demarcheLibelle: archive.libelle,
        demarcheId: event.demarcheId,
        month: event.payload.month,
        count: event.payload.count,
        space,
      },
      isLocale(archive.locale) ? archive.locale : DEFAULT_LOCALE,
    );
  },
});
