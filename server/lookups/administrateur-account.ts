import { eq } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { administrateurs, users } from "../db/schema";
import { NotFoundError } from "../errors";

/** An administrateur profile with its account (the actor of the API's team changes). */
export async function findAdministrateurAccount(db: DbOrTx, administrateurId: number) {
  const [row] = await db
    .select({ administrateurId: administrateurs.id, userId: users.id, email: users.email })
    .from(administrateurs)
    .innerJoin(users, eq(users.id, administrateurs.userId))
    .where(eq(administrateurs.id, administrateurId))
    .limit(1);
  if (!row) throw new NotFoundError("Administrateur");
  return row;
}
