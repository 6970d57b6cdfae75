/**
 * Adds an administrateur to a démarche by e-mail (the reference's co-administrateurs): an existing
 * account gets the administrateur profile if it lacked it and the démarche; an unknown address gets
 * an account without password. The e-mail (invitation link, or « you were added ») is the reaction
 * to `demarche.administrateur_ajoute` (server/events/reactions/administrateur-mails.ts), in this
 * transaction. Scoped: only an administrateur of the démarche may add one (404 otherwise).
 *
 * Refusal codes (on `email`), keys of `equipe.administrateurs.errors`: email_required,
 * email_invalid, already_administrateur.
 */
import { eq } from "drizzle-orm";
import { LOCALES } from "../../../common/i18n";
import { z } from "zod";
import type { Db } from "../../db/client";
import { administrateurs, demarcheAdministrateurs, users } from "../../db/schema";
import { recordEvent } from "../../events/record-event";
import { findAdministrableDemarche } from "../../lookups/administrable-demarche";
import { type OperationResult, refuse } from "../../refusal";

const ZEmail = z.string().trim().toLowerCase().max(254).pipe(z.email());
const ZInput = z.object({ email: z.string().max(2000), locale: z.enum(LOCALES) });

export async function addDemarcheAdministrateur(
  db: Db,
  admin: { administrateurId: number; userId: number },
  demarcheId: number,
  input: z.input<typeof ZInput>,
): Promise<OperationResult<{ email: string; invited: boolean }>> {
  const values = ZInput.parse(input);
  // The scope comes first: another administrateur gets 404 whatever the form holds.
  await findAdministrableDemarche(db, admin.administrateurId, demarcheId);
  if (values.email.trim() === "") return refuse("email_required", "email");
  const parsed = ZEmail.safeParse(values.email);
  if (!parsed.success) return refuse("email_invalid", "email");
  const email = parsed.data;

  return db.transaction(async (tx): Promise<OperationResult<{ email: string; invited: boolean }>> => {
    await findAdministrableDemarche(tx, admin.administrateurId, demarcheId, true);
    await tx
      .insert(users)
      .values({ email, passwordHash: null, emailConfirmedAt: null, locale: values.locale })
      .onConflictDoNothing({ target: users.email });
    const [user] = await tx.select({ id: users.id, hasPassword: users.passwordHash }).from(users).where(eq(users.email, email));
    if (!user) throw new Error(`addDemarcheAdministrateur: no user for ${email}`);
    await tx.insert(administrateurs).values({ userId: user.id }).onConflictDoNothing({ target: administrateurs.userId });
    const [profile] = await tx
      .select({ id: administrateurs.id })
      .from(administrateurs)
      .where(eq(administrateurs.userId, user.id));
    if (!profile) throw new Error(`addDemarcheAdministrateur: no administrateur profile for user ${user.id}`);
    const inserted = await tx
      .insert(demarcheAdministrateurs)
      .values({ demarcheId, administrateurId: profile.id })
      .onConflictDoNothing()
      .returning({ id: demarcheAdministrateurs.administrateurId });
    if (inserted.length === 0) return refuse("already_administrateur", "email", { email });
    const invited = user.hasPassword === null;
    await recordEvent(tx, {
      kind: "demarche.administrateur_ajoute",
      demarcheId,
      dossierId: null,
      actor: "administrateur",
      actorUserId: admin.userId,
      payload: { administrateurId: profile.id, email, invited },
    });
    return { ok: true, email, invited };
  });
}
