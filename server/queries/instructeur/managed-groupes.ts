/**
 * The groupes an instructeur manages when the démarche allows self-management
 * (`instructeurs_self_management_enabled`): their own groupes of the démarche, and one of them with
 * its instructeurs. Anything else (the option off, a groupe they are not in) is a 404.
 */
import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { demarches, groupeInstructeurMembers, groupesInstructeurs, instructeurs, users } from "../../db/schema";
import { NotFoundError } from "../../errors";
import { findSelfManagedGroupe } from "../../lookups/self-managed-groupe";

export async function listManagedGroupes(db: DbOrTx, instructeurId: number, demarcheId: number) {
  if (!Number.isSafeInteger(demarcheId) || demarcheId <= 0) throw new NotFoundError("Demarche");
  const [demarche] = await db
    .select({ id: demarches.id, libelle: demarches.libelle })
    .from(demarches)
    .where(and(eq(demarches.id, demarcheId), eq(demarches.instructeursSelfManagementEnabled, true), isNull(demarches.hiddenAt)));
  if (!demarche) throw new NotFoundError("Demarche");
  const mine = db
    .select({ id: groupeInstructeurMembers.groupeInstructeurId })
    .from(groupeInstructeurMembers)
    .where(eq(groupeInstructeurMembers.instructeurId, instructeurId));
  const groupes = await db
    .select({
      id: groupesInstructeurs.id,
      label: groupesInstructeurs.label,
      closed: groupesInstructeurs.closed,
      instructeurs: sql<number>`(select count(*)::int from ${groupeInstructeurMembers} m where m.groupe_instructeur_id = ${groupesInstructeurs.id})`,
    })
    .from(groupesInstructeurs)
    .where(and(eq(groupesInstructeurs.demarcheId, demarche.id), sql`${groupesInstructeurs.id} in ${mine}`))
    .orderBy(asc(groupesInstructeurs.label), asc(groupesInstructeurs.id));
  if (groupes.length === 0) throw new NotFoundError("Demarche");
  return { demarche, groupes };
}

export async function getManagedGroupe(db: DbOrTx, instructeurId: number, demarcheId: number, groupeId: number) {
  const { demarche, groupe } = await findSelfManagedGroupe(db, instructeurId, demarcheId, groupeId);
  const members = await db
    .select({ instructeurId: instructeurs.id, email: users.email, invited: sql<boolean>`${users.passwordHash} is null` })
    .from(groupeInstructeurMembers)
    .innerJoin(instructeurs, eq(instructeurs.id, groupeInstructeurMembers.instructeurId))
    .innerJoin(users, eq(users.id, instructeurs.userId))
    .where(eq(groupeInstructeurMembers.groupeInstructeurId, groupe.id))
    .orderBy(asc(users.email));
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle },
    groupe: { id: groupe.id, label: groupe.label, closed: groupe.closed },
    instructeurs: members,
  };
}

/** Whether this instructeur may manage groupes of the démarche (a link on their démarche page). */
export async function managesGroupes(db: DbOrTx, instructeurId: number, demarcheId: number): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(groupeInstructeurMembers)
    .innerJoin(groupesInstructeurs, eq(groupesInstructeurs.id, groupeInstructeurMembers.groupeInstructeurId))
    .innerJoin(demarches, eq(demarches.id, groupesInstructeurs.demarcheId))
    .where(
      and(
        eq(groupeInstructeurMembers.instructeurId, instructeurId),
        eq(demarches.id, demarcheId),
        eq(demarches.instructeursSelfManagementEnabled, true),
      ),
    );
  return (row?.n ?? 0) > 0;
}
