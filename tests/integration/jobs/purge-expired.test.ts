import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions } from "../../../server/db/schema";
import { createSession } from "../../../server/http/session";
import { purgeExpiredJob } from "../../../server/jobs/purge-expired.job";
import { createMailer } from "../../../server/integrations/mailer";
import { logger } from "../../../server/logger";
import { sha256Hex } from "../../../server/security/tokens";
import { buildUser } from "../../../server/seed/factories";
import { createTestDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("purge-expired job", () => {
  it("deletes expired sessions and keeps live ones", async () => {
    const { db } = database;
    const user = await buildUser(db);
    const live = await createSession(db, user.userId, "test");
    const expired = await createSession(db, user.userId, "test");
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.idHash, sha256Hex(expired.token)));
    await purgeExpiredJob.run(
      {},
      { config: database.config, db, logger: logger.child({}, { level: "silent" }), mailer: createMailer(database.config, db) },
    );
    const left = await db.select({ idHash: sessions.idHash }).from(sessions).where(eq(sessions.userId, user.userId));
    expect(left.map((s) => s.idHash)).toEqual([sha256Hex(live.token)]);
  });
});
