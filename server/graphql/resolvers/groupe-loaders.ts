/**
 * DataLoaders of groupes instructeurs (by id, and their members): one query per batch, so a
 * démarche with thousands of groupes costs two queries. Kept apart from the resolvers (no import
 * of the dossier connection), as `loaders.ts` spreads them.
 */
import DataLoader from "dataloader";
import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { groupeInstructeurMembers, groupesInstructeurs, instructeurs, users } from "../../db/schema";
import { toGlobalId } from "../ids";

export interface GroupeRow {
  id: number;
  demarcheId: number;
  label: string;
  closed: boolean;
  isDefault: boolean;
}

export const groupeColumns = {
  id: groupesInstructeurs.id,
  demarcheId: groupesInstructeurs.demarcheId,
  label: groupesInstructeurs.label,
  closed: groupesInstructeurs.closed,
  isDefault: groupesInstructeurs.isDefault,
};

export function createGroupeLoaders(db: Db) {
  return {
    groupe: new DataLoader<number, GroupeRow | null>(async (ids) => {
      const rows = await db
        .select(groupeColumns)
        .from(groupesInstructeurs)
        .where(inArray(groupesInstructeurs.id, [...ids]));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** The members of groupes, by e-mail. */
    groupeInstructeurs: new DataLoader<number, Array<{ id: string; email: string }>>(async (ids) => {
      const rows = await db
        .select({ groupeId: groupeInstructeurMembers.groupeInstructeurId, instructeurId: instructeurs.id, email: users.email })
        .from(groupeInstructeurMembers)
        .innerJoin(instructeurs, eq(instructeurs.id, groupeInstructeurMembers.instructeurId))
        .innerJoin(users, eq(users.id, instructeurs.userId))
        .where(inArray(groupeInstructeurMembers.groupeInstructeurId, [...ids]))
        .orderBy(asc(users.email));
      const byGroupe = new Map<number, Array<{ id: string; email: string }>>();
      for (const row of rows) {
        const list = byGroupe.get(row.groupeId) ?? [];
        list.push({ id: toGlobalId("Instructeur", row.instructeurId), email: row.email });
        byGroupe.set(row.groupeId, list);
      }
      return ids.map((id) => byGroupe.get(id) ?? []);
    }),
  };
}
