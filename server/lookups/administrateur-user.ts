import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { administrateurs } from "../db/schema";

/** The account behind an administrateur (events name the user who acted). */
export async function administrateurUserId(db: DbOrTx, administrateurId: number): Promise<number | null> {
  const [admin] = await db
    .select({ userId: administrateurs.userId })
    .from(administrateurs)
    .where(eq(administrateurs.id, administrateurId));
  return admin?.userId ?? null;
}
