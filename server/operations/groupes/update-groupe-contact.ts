/**
 * Sets or removes a groupe's « informations de contact » (administrateur), shown to the usagers of
 * the groupe's dossiers. Refusals: one per bad field (codes of `groupes.contact.errors`).
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { groupesInstructeurs } from "../../db/schema";
import { type ContactField, parseGroupeContact } from "../../domain/groupes/contact";
import { findAdministrableGroupe } from "../../lookups/administrable-groupe";
import type { OperationResult } from "../../refusal";
import { type AdminActor, recordGroupesChange } from "./admin-actor";

export async function updateGroupeContact(
  db: Db,
  admin: AdminActor,
  demarcheId: number,
  groupeId: number,
  input: Record<ContactField, string> | null,
): Promise<OperationResult<object>> {
  // Scope first: another administrateur gets 404 even with a bad form.
  await findAdministrableGroupe(db, admin.administrateurId, demarcheId, groupeId);
  const parsed = input === null ? { ok: true as const, contact: null } : parseGroupeContact(input);
  if (!parsed.ok) {
    return {
      ok: false,
      refusals: Object.entries(parsed.errors).map(([field, code]) => ({ code: code as string, field })),
    };
  }
  return db.transaction(async (tx) => {
    const { groupe } = await findAdministrableGroupe(tx, admin.administrateurId, demarcheId, groupeId, true);
    await tx.update(groupesInstructeurs).set({ contactInformation: parsed.contact }).where(eq(groupesInstructeurs.id, groupe.id));
    await recordGroupesChange(tx, admin, demarcheId, { change: "contact_changed", groupeId: groupe.id });
    return { ok: true as const };
  });
}
