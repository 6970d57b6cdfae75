/**
 * The administrateur's « Jetons d'API » page: their tokens (never a secret: only its prefix) and
 * the démarches a token may be restricted to. Only their own tokens, by construction.
 */
import { asc, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { apiTokens, demarches } from "../../db/schema";
import { demarchesOfAdministrateur } from "../../db/scopes";
import { apiTokenPrefix } from "../../graphql/auth";

export interface ApiTokenListItem {
  id: string;
  name: string;
  prefix: string;
  /** Null: every démarche, including future ones. */
  demarches: Array<{ id: number; libelle: string }> | null;
  writeAccess: boolean;
  authorizedNetworks: string[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

export async function listApiTokens(db: DbOrTx, administrateurId: number) {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.administrateurId, administrateurId))
    .orderBy(desc(apiTokens.createdAt), asc(apiTokens.id));
  const owned = await db
    .select({ id: demarches.id, libelle: demarches.libelle })
    .from(demarches)
    .where(demarchesOfAdministrateur(administrateurId))
    .orderBy(asc(demarches.id));
  const restrictedIds = [...new Set(rows.flatMap((r) => r.allowedDemarcheIds ?? []))];
  const named = restrictedIds.length
    ? await db
        .select({ id: demarches.id, libelle: demarches.libelle })
        .from(demarches)
        .where(inArray(demarches.id, restrictedIds))
    : [];
  const libelles = new Map(named.map((d) => [d.id, d.libelle]));
  const tokens: ApiTokenListItem[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: apiTokenPrefix(r.id),
    demarches: r.allowedDemarcheIds ? r.allowedDemarcheIds.map((id) => ({ id, libelle: libelles.get(id) ?? String(id) })) : null,
    writeAccess: r.writeAccess,
    authorizedNetworks: r.authorizedNetworks ?? [],
    expiresAt: r.expiresAt,
    lastUsedAt: r.lastUsedAt,
    revokedAt: r.revokedAt,
    createdAt: r.createdAt,
  }));
  return { tokens, demarches: owned };
}
