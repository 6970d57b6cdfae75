/**
 * A real, migrated, empty database for one test file: a fresh PostgreSQL database when
 * DATABASE_URL is set (CI), otherwise an embedded PGlite in a temporary folder. Never a mock.
 * Each is a copy of a template migrated once (see database-template.ts), not migrated again.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Config } from "../../server/config";
import { type Database, openDatabase } from "../../server/db/client";
import { copyPgliteTemplate, createPostgresDatabase, dropPostgresDatabase, testConfig } from "./database-template";

export interface TestDatabase extends Database {
  config: Config;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `guichet_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const config = testConfig({ databaseUrl: await createPostgresDatabase(serverUrl, name) });
    const database = await openDatabase(config);
    return {
      ...database,
      config,
      async close() {
        await database.close();
        await dropPostgresDatabase(serverUrl, name);
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "guichet-test-"));
  await copyPgliteTemplate(dir);
  const config = testConfig({ dataDir: dir });
  const database = await openDatabase(config);
  return {
    ...database,
    config,
    async close() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
