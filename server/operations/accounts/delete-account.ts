/**
 * Deleting one's account (as the reference): refused while one of the user's dossiers is en
 * instruction, or while the account holds another profile (instructeur, administrateur, expert).
 * Brouillons go with the account; submitted dossiers stay with the administration without usager
 * (`dossiers.user_id` set null), each recording `dossier.titulaire_supprime`; sessions, tokens and
 * invitations made by the user go too.
 */
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { administrateurs, dossierInvites, dossiers, experts, instructeurs, users } from "../../db/schema";
import { recordEvent } from "../../events/record-event";
import { type OperationResult, refuse } from "../../refusal";

export async function deleteAccount(db: Db, userId: number): Promise<OperationResult> {
  return db.transaction(async (tx): Promise<OperationResult> => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).for("update");
    if (!user) return refuse("invalid");
    const staff = [
      await tx.select({ id: instructeurs.id }).from(instructeurs).where(eq(instructeurs.userId, userId)),
      await tx.select({ id: administrateurs.id }).from(administrateurs).where(eq(administrateurs.userId, userId)),
      await tx.select({ id: experts.id }).from(experts).where(eq(experts.userId, userId)),
    ];
    if (staff.some((rows) => rows.length > 0)) return refuse("has_other_profiles");
    const owned = await tx
      .select({ id: dossiers.id, state: dossiers.state, demarcheId: dossiers.demarcheId })
      .from(dossiers)
      .where(eq(dossiers.userId, userId))
      .for("update");
    if (owned.some((d) => d.state === "en_instruction")) return refuse("dossiers_en_instruction");
    const brouillons = owned.filter((d) => d.state === "brouillon").map((d) => d.id);
    if (brouillons.length > 0) await tx.delete(dossiers).where(inArray(dossiers.id, brouillons));
    for (const dossier of owned.filter((d) => d.state !== "brouillon")) {
      await recordEvent(tx, {
        kind: "dossier.titulaire_supprime",
        demarcheId: dossier.demarcheId,
        dossierId: dossier.id,
        actor: "usager",
        actorUserId: userId,
        payload: {},
      });
    }
    // Nobody co-edits a dossier whose usager is gone, and the user's own invitations end.
    const kept = owned.filter((d) => d.state !== "brouillon").map((d) => d.id);
    if (kept.length > 0) await tx.delete(dossierInvites).where(inArray(dossierInvites.dossierId, kept));
    await tx.delete(dossierInvites).where(eq(dossierInvites.email, user.email));
    await tx.delete(users).where(eq(users.id, userId));
    return { ok: true };
  });
}
