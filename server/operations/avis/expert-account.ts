import { and, eq } from "drizzle-orm";
import type { Locale } from "../../../common/i18n";
import type { Tx } from "../../db/client";
import { experts, expertsProcedures, users } from "../../db/schema";

/**
 * The expert profile of an address, created with its account when needed (an account without
 * password: the avis e-mail carries the invitation link, see reactions/avis-mails.ts).
 */
export async function ensureExpert(tx: Tx, email: string, locale: Locale): Promise<{ expertId: number; userId: number }> {
  await tx
    .insert(users)
    .values({ email, passwordHash: null, emailConfirmedAt: null, locale })
    .onConflictDoNothing({ target: users.email });
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (!user) throw new Error(`ensureExpert: no account for ${email}`);
  await tx.insert(experts).values({ userId: user.id }).onConflictDoNothing({ target: experts.userId });
  const [expert] = await tx.select({ id: experts.id }).from(experts).where(eq(experts.userId, user.id)).limit(1);
  if (!expert) throw new Error(`ensureExpert: no expert profile for ${email}`);
  return { expertId: expert.id, userId: user.id };
}

/** The expert's row on the démarche, created when missing (not listed by the administrateur). */
export async function ensureExpertProcedure(tx: Tx, expertId: number, demarcheId: number) {
  await tx.insert(expertsProcedures).values({ expertId, demarcheId }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(expertsProcedures)
    .where(and(eq(expertsProcedures.expertId, expertId), eq(expertsProcedures.demarcheId, demarcheId)))
    .limit(1);
  if (!row) throw new Error("ensureExpertProcedure: row neither inserted nor found");
  return row;
}
