/**
 * The e-mail to an administrateur added to a démarche (`demarche.administrateur_ajoute`): an
 * account without password gets an invitation link (the existing `/users/invitation` page, valid
 * 7 days), an active one a sign-in link. Written in the adding transaction: nothing is sent if it
 * rolls back.
 */
import { eq, sql } from "drizzle-orm";
import { DEFAULT_LOCALE, isLocale } from "../../../common/i18n";
import { administrateurs, demarches, emailTokens, users } from "../../db/schema";
import { enqueueMail } from "../../jobs/enqueue-mail";
import { randomToken, sha256Hex } from "../../security/tokens";
import { defineReaction } from "../reaction";

const INVITATION_TTL_SECONDS = 7 * 24 * 3600;

export const administrateurAddedMail = defineReaction({
  name: "administrateur-added-mail",
  kinds: ["demarche.administrateur_ajoute"],
  async react(tx, event) {
    const [row] = await tx
      .select({
        userId: users.id,
        email: users.email,
        locale: users.locale,
        hasPassword: sql<boolean>`${users.passwordHash} is not null`,
        libelle: demarches.libelle,
      })
      .from(administrateurs)
      .innerJoin(users, eq(users.id, administrateurs.userId))
      .innerJoin(demarches, eq(demarches.id, event.demarcheId))
      .where(eq(administrateurs.id, event.payload.administrateurId));
    if (!row) return;
    const [inviter] =
      event.actorUserId === null
        ? []
        : await tx.select({ email: users.email }).from(users).where(eq(users.id, event.actorUserId));
    const locale = isLocale(row.locale) ? row.locale : DEFAULT_LOCALE;
    const common = { email: row.email, invitedByEmail: inviter?.email ?? "Guichet", demarcheLibelle: row.libelle };
    if (row.hasPassword) {
      await enqueueMail(tx, row.email, "administrateur_added", common, locale);
      return;
    }
    const token = randomToken();
    await tx.insert(emailTokens).values({
      userId: row.userId,
      purpose: "invitation",
      tokenHash: sha256Hex(token),
      expiresAt: sql`now() + make_interval(secs => ${INVITATION_TTL_SECONDS})`,
    });
    await enqueueMail(tx, row.email, "administrateur_invitation", { ...common, token }, locale);
  },
});
