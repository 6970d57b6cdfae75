import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import { DEFAULT_LOCALE, isLocale } from "../../../common/i18n";
import type { Db } from "../../db/client";
import { demarches, dossiers, users } from "../../db/schema";
import { enqueueMail } from "../../jobs/enqueue-mail";

/**
 * The reference's `SendClosingNotificationJob`: one e-mail to each usager with a brouillon and/or a
 * dossier en cours (en construction, en instruction) on the closed démarche, as the administrateur
 * chose, naming the replacement démarche when there is one. Each mail is its own job (retried alone).
 */
export async function sendClosingNotification(db: Db, demarcheId: number): Promise<{ notified: number }> {
  return db.transaction(async (tx) => {
    const [demarche] = await tx.select().from(demarches).where(eq(demarches.id, demarcheId));
    if (!demarche || demarche.state !== "close") return { notified: 0 };
    const states = [
      ...(demarche.closingNotificationBrouillon ? (["brouillon"] as const) : []),
      ...(demarche.closingNotificationEnCours ? (["en_construction", "en_instruction"] as const) : []),
    ];
    if (states.length === 0) return { notified: 0 };
    const [replacement] = demarche.replacedByDemarcheId
      ? await tx
          .select({ libelle: demarches.libelle, path: demarches.path })
          .from(demarches)
          .where(and(eq(demarches.id, demarche.replacedByDemarcheId), eq(demarches.state, "publiee")))
      : [];
    const recipients = await tx
      .selectDistinct({ email: users.email, locale: users.locale })
      .from(dossiers)
      .innerJoin(users, eq(users.id, dossiers.userId))
      .where(
        and(
          eq(dossiers.demarcheId, demarcheId),
          inArray(dossiers.state, [...states]),
          eq(dossiers.forTest, false),
          isNull(dossiers.hiddenByUserAt),
          ne(users.email, ""),
        ),
      );
    for (const r of recipients) {
      await enqueueMail(
        tx,
        r.email,
        "demarche_closed",
        {
          demarcheLibelle: demarche.libelle,
          closingDetails: demarche.closingDetails,
          replacementLibelle: replacement?.libelle ?? null,
          replacementPath: replacement?.path ?? null,
        },
        isLocale(r.locale) ? r.locale : DEFAULT_LOCALE,
        { demarcheId },
      );
    }
    return { notified: recipients.length };
  });
}
