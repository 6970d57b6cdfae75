import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { LOCALES } from "../../../common/i18n";
import type { Db } from "../../db/client";
import { groupeInstructeurMembers, instructeurs, users } from "../../db/schema";
import { splitEmailList } from "../../domain/demarches/email-list";
import { inviteUser } from "../accounts/invite-user";
import { ZEmailField } from "../accounts/fields";
import { findManagedGroupe, type GroupeManager, managerActor } from "../../lookups/managed-groupe";
import { recordEvent } from "../../events/record-event";
import { type OperationResult, refuse } from "../../refusal";

/** At most this many addresses per submission: each one may send a mail. */
export const MAX_EMAILS_PER_ASSIGNMENT = 50;

const ZAssignInstructeurs = z.object({
  /** Addresses separated by commas, semicolons, spaces or line breaks. */
  emails: z.string().max(20_000),
  invitedByEmail: z.string().trim().min(1),
  locale: z.enum(LOCALES),
});

/** Refusals are keys of `admin.instructeurs.errors` on `emails`; `invalidEmails` lists the addresses refused. */
export type AssignInstructeursResult = OperationResult<{ added: string[]; alreadyAssigned: string[] }> & {
  invalidEmails?: string[];
};

/**
 * Makes these people instructeurs of a groupe of the démarche (`target.groupeId`, by default the
 * démarche's default groupe). Someone without an account is
 * invited (an account without password and an `invitation` mail); someone with one is told by an
 * `instructeur_added` mail (both through `inviteUser`, in this transaction). People already in
 * the groupe are left alone and get no mail. Nothing is done if one address is invalid.
 */
export async function assignInstructeurs(
  db: Db,
  /** An administrateurId, or an instructeur of the groupe when the démarche allows self-management. */
  manager: GroupeManager,
  demarcheId: number,
  input: z.input<typeof ZAssignInstructeurs>,
  target: { groupeId?: number; actorUserId?: number | null } = {},
): Promise<AssignInstructeursResult> {
  const parsed = ZAssignInstructeurs.safeParse(input);
  if (!parsed.success) return refuse("emails_too_long", "emails");
  const { invitedByEmail, locale } = parsed.data;
  const candidates = splitEmailList(parsed.data.emails);
  if (candidates.length === 0) return refuse("emails_required", "emails");
  if (candidates.length > MAX_EMAILS_PER_ASSIGNMENT) return refuse("emails_too_many", "emails");
  const emails: string[] = [];
  const invalidEmails: string[] = [];
  for (const candidate of candidates) {
    const email = ZEmailField.safeParse(candidate);
    if (email.success) emails.push(email.data);
    else invalidEmails.push(candidate);
  }
  if (invalidEmails.length > 0) return { ...refuse("emails_invalid", "emails"), invalidEmails };

  return db.transaction(async (tx) => {
    const { demarche, groupe } = await findManagedGroupe(tx, manager, demarcheId, target.groupeId, true);
    const members = await tx
      .select({ email: users.email })
      .from(groupeInstructeurMembers)
      .innerJoin(instructeurs, eq(instructeurs.id, groupeInstructeurMembers.instructeurId))
      .innerJoin(users, eq(users.id, instructeurs.userId))
      .where(and(eq(groupeInstructeurMembers.groupeInstructeurId, groupe.id), inArray(users.email, emails)));
    const alreadyAssigned = new Set(members.map((m) => m.email));
    const added: string[] = [];
    for (const email of emails) {
      if (alreadyAssigned.has(email)) continue;
      const { userId } = await inviteUser(tx, {
        email,
        invitedByEmail,
        reason: "instructeur",
        demarcheLibelle: demarche.libelle,
        locale,
      });
      await tx.insert(instructeurs).values({ userId }).onConflictDoNothing({ target: instructeurs.userId });
      const [instructeur] = await tx.select({ id: instructeurs.id }).from(instructeurs).where(eq(instructeurs.userId, userId));
      if (!instructeur) throw new Error(`assignInstructeurs: no instructeur profile for user ${userId}`);
      await tx
        .insert(groupeInstructeurMembers)
        .values({ groupeInstructeurId: groupe.id, instructeurId: instructeur.id })
        .onConflictDoNothing();
      added.push(email);
    }
    if (added.length > 0) {
      await recordEvent(tx, {
        kind: "demarche.groupes_modifies",
        demarcheId,
        dossierId: null,
        actor: managerActor(manager),
        actorUserId: target.actorUserId ?? null,
        payload: { change: "instructeurs_added", groupeId: groupe.id, count: added.length },
      });
    }
    return { ok: true as const, added, alreadyAssigned: emails.filter((e) => alreadyAssigned.has(e)) };
  });
}
