import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../server/db/schema";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("database", () => {
  it("keeps concurrent transactions isolated, including rollbacks", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        database.db.transaction(async (tx) => {
          await tx.insert(users).values({ email: `concurrent${i}@exemple.fr` });
          const rows = await tx.execute(sql`select count(*)::int as c from users where email = ${`concurrent${i}@exemple.fr`}`);
          expect((rows.rows[0] as { c: number }).c).toBe(1);
          if (i % 4 === 0) throw new Error("rollback on purpose");
        }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(5);
    const rows = await database.db.execute(sql`select count(*)::int as c from users where email like 'concurrent%'`);
    expect((rows.rows[0] as { c: number }).c).toBe(15);
  });

  it("has the job queue schema", async () => {
    const rows = await database.db.execute(sql`select count(*)::int as c from graphile_worker.jobs`);
    expect((rows.rows[0] as { c: number }).c).toBe(0);
  });
});
