/**
 * E-mails the people a bulk change (the groupes CSV import) made instructeurs of a démarche, each
 * once: an invitation to choose a password for accounts without one, `instructeur_added` otherwise
 * (as `inviteUser` does for the page's additions). Enqueued in the import's transaction.
 */
import { inArray } from "drizzle-orm";
import { z } from "zod";
import { isLocale, LOCALES } from "../../common/i18n";
import { users } from "../db/schema";
import type { JobDefinition } from "./registry";

const ZPayload = z.object({
  userIds: z.array(z.number().int()).max(20_000),
  invitedByEmail: z.string().min(1),
  demarcheLibelle: z.string().min(1),
  locale: z.enum(LOCALES),
});

const BATCH = 200;

export const notifyAddedInstructeursJob: JobDefinition<typeof ZPayload> = {
  payload: ZPayload,
  async run({ userIds, invitedByEmail, demarcheLibelle, locale }, { db }) {
    // Lazy: enqueuing reads the job registry, which lists this job.
    const { issueEmailToken } = await import("../operations/accounts/email-tokens");
    const { enqueueMail } = await import("./enqueue-mail");
    for (let start = 0; start < userIds.length; start += BATCH) {
      const ids = userIds.slice(start, start + BATCH);
      await db.transaction(async (tx) => {
        const rows = await tx
          .select({ id: users.id, email: users.email, passwordHash: users.passwordHash, locale: users.locale })
          .from(users)
          .where(inArray(users.id, ids));
        for (const user of rows) {
          const mailLocale = isLocale(user.locale) ? user.locale : locale;
          if (user.passwordHash === null) {
            const { token } = await issueEmailToken(tx, user.id, "invitation");
            await enqueueMail(
              tx,
              user.email,
              "invitation",
              { email: user.email, token, invitedByEmail, demarcheLibelle },
              mailLocale,
            );
          } else {
            await enqueueMail(
              tx,
              user.email,
              "instructeur_added",
              { email: user.email, invitedByEmail, demarcheLibelle },
              mailLocale,
            );
          }
        }
      });
    }
  },
};
