import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../../db/client";
import { administrateurs, experts, instructeurs, users } from "../../db/schema";
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../security/passwords";

export const ROLES = ["usager", "instructeur", "administrateur", "expert"] as const;
export type Role = (typeof ROLES)[number];

export const ZEmail = z.string().trim().toLowerCase().max(254).email();

const ZEnsureUser = z.object({
  email: ZEmail,
  password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH).optional(),
  roles: z.array(z.enum(ROLES)).default([]),
  confirmed: z.boolean().default(true),
});

/**
 * Creates the account if needed (confirmed, with this password) and grants the given profiles.
 * Used by the CLI (`users:create`), the demo seed and test factories; existing passwords are kept
 * unless one is given.
 */
export async function ensureUser(db: DbOrTx, input: z.input<typeof ZEnsureUser>) {
  const { email, password, roles, confirmed } = ZEnsureUser.parse(input);
  const passwordHash = password ? await hashPassword(password) : undefined;
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  let userId: number;
  if (existing) {
    userId = existing.id;
    if (passwordHash) await db.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, userId));
  } else {
    const [created] = await db
      .insert(users)
      .values({ email, passwordHash: passwordHash ?? null, emailConfirmedAt: confirmed ? new Date() : null })
      .returning({ id: users.id });
    userId = (created as { id: number }).id;
  }
  const profile = {
    administrateurId: null as number | null,
    instructeurId: null as number | null,
    expertId: null as number | null,
  };
  for (const role of new Set(roles)) {
    if (role === "usager") continue;
    const table = role === "administrateur" ? administrateurs : role === "instructeur" ? instructeurs : experts;
    await db.insert(table).values({ userId }).onConflictDoNothing();
    const [row] = await db.select({ id: table.id }).from(table).where(eq(table.userId, userId));
    if (row) profile[`${role}Id`] = row.id;
  }
  return { userId, email, ...profile };
}
