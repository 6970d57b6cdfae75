import { eq } from "drizzle-orm";
import type { Locale } from "../../../common/i18n/types";
import type { DbOrTx } from "../../db/client";
import { users } from "../../db/schema";

/**
 * A signed-in user chose a language: it becomes the account's (`users.locale`), in which their next
 * e-mails are written and their pages shown at their next sign-in, on any browser.
 */
export async function setUserLocale(db: DbOrTx, userId: number, locale: Locale): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}
