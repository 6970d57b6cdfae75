/**
 * A real, migrated, empty database for one test file: a fresh PostgreSQL database when
 * DATABASE_URL is set (CI), otherwise an embedded PGlite in a temporary folder. Never a mock.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { Config } from "../../server/config";
import { loadConfig } from "../../server/config";
import { openAndMigrate } from "../../server/boot";
import type { Database } from "../../server/db/client";

export interface TestDatabase extends Database {
  config: Config;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) {
    const name = `guichet_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const config = loadConfig({ ...process.env, DATABASE_URL: url.toString(), NODE_ENV: "test", SESSION_SECRET: "x".repeat(32) });
    const database = await openAndMigrate(config);
    return {
      ...database,
      config,
      async close() {
        await database.close();
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "guichet-test-"));
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dir,
    NODE_ENV: "test",
    SESSION_SECRET: "x".repeat(32),
    DATABASE_URL: "",
  });
  const database = await openAndMigrate(config);
  return {
    ...database,
    config,
    async close() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
