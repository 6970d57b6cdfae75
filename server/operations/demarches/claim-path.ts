/**
 * The path history of démarches (the reference's `procedure_paths`, §3.2): a démarche keeps every
 * path it had, the current one in `demarches.path`; the others answer a 301 to it. Publishing at a
 * path one of the administrateur's other démarches holds moves the path here: that démarche is
 * unpublished (`depubliee`) if it was published, and falls back to its most recent other path (or a
 * new random one), as the reference does. Another administration's path is refused before this
 * runs (`publicationBlockers`).
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { demarchePaths, demarches } from "../../db/schema";
import { recordEvent } from "../../events/record-event";
import { pathOwner } from "../../lookups/publication-checks";

/** Records `path` as the current path of the démarche (the caller sets `demarches.path`). */
export async function recordPath(tx: Tx, demarcheId: number, path: string) {
  await tx
    .insert(demarchePaths)
    .values({ path, demarcheId })
    .onConflictDoUpdate({ target: demarchePaths.path, set: { demarcheId, updatedAt: sql`now()` } });
}

/**
 * Takes `path` for `demarcheId` from the administrateur's other démarche holding it, if any.
 * Returns the démarche it was taken from.
 */
export async function claimPath(
  tx: Tx,
  input: { demarcheId: number; path: string; administrateurId: number; actorUserId: number | null },
): Promise<number | null> {
  const owner = await pathOwner(tx, input.path, input.demarcheId, input.administrateurId);
  if (owner === null) {
    await recordPath(tx, input.demarcheId, input.path);
    return null;
  }
  if (owner === "other_administration") throw new Error("claimPath: path of another administration");
  const [other] = await tx.select().from(demarches).where(eq(demarches.id, owner.demarcheId)).for("update");
  if (!other) return null;
  await recordPath(tx, input.demarcheId, input.path);
  if (other.path === input.path) {
    const [previous] = await tx
      .select({ path: demarchePaths.path })
      .from(demarchePaths)
      .where(and(eq(demarchePaths.demarcheId, other.id), ne(demarchePaths.path, input.path)))
      .orderBy(desc(demarchePaths.updatedAt))
      .limit(1);
    const fallback = previous?.path ?? randomUUID();
    await recordPath(tx, other.id, fallback);
    // Release the unique current path before this démarche takes it.
    await tx
      .update(demarches)
      .set({
        path: fallback,
        ...(other.state === "publiee" ? { state: "depubliee" as const } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(demarches.id, other.id));
    await recordEvent(tx, {
      kind: "demarche.chemin_deplace",
      demarcheId: other.id,
      dossierId: null,
      actor: "administrateur",
      actorUserId: input.actorUserId,
      payload: { path: input.path, toDemarcheId: input.demarcheId, unpublished: other.state === "publiee" },
    });
  }
  return other.id;
}
