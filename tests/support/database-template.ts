/**
 * One migrated, empty database per set of migrations, copied for each test file instead of
 * migrating each file's database again (migrating costs seconds; a copy, a fraction of one).
 *
 *  - PostgreSQL: a database `guichet_template_<hash>` built once per server, then
 *    `CREATE DATABASE … TEMPLATE` it. Built under an advisory lock, under a temporary name renamed
 *    when complete, so concurrent test workers (and concurrent runs on one server) build it once and
 *    never copy a half-migrated one. Connections to it are refused afterwards, since PostgreSQL
 *    copies only a database nobody is connected to.
 *  - PGlite: a data directory migrated once in the temporary folder (renamed into place when
 *    complete), copied as a directory.
 *
 * The hash covers the schema migrations, the job queue's version (its own migrations) and the
 * PGlite version: a changed migration gets a new template, an old one is never reused.
 */
import { createHash, randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { type Config, loadConfig } from "../../server/config";
import { MIGRATIONS_DIR } from "../../server/db/migrate";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Loaded only to build a template: test files that just copy one need not import the whole server. */
async function migrateInto(config: Config) {
  const { openAndMigrate } = await import("../../server/boot");
  const database = await openAndMigrate(config);
  await database.close();
}

/** The configuration of a test database: at `databaseUrl` when given, otherwise embedded in `dataDir`. */
export function testConfig(target: { databaseUrl: string } | { dataDir: string }): Config {
  return loadConfig({
    ...process.env,
    NODE_ENV: "test",
    SESSION_SECRET: "x".repeat(32),
    ...("databaseUrl" in target ? { DATABASE_URL: target.databaseUrl } : { DATA_DIR: target.dataDir, DATABASE_URL: "" }),
  });
}

let hash: string | undefined;
/** Short fingerprint of everything that shapes a freshly migrated database. */
export function migrationsHash(): string {
  if (hash) return hash;
  const digest = createHash("sha256");
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .flatMap((entry) => (entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
      .sort();
  for (const file of files(MIGRATIONS_DIR)) {
    digest.update(path.relative(MIGRATIONS_DIR, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  for (const name of ["graphile-worker", "@electric-sql/pglite"]) {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8"));
    digest.update(`${name}@${manifest.version}\0`);
  }
  hash = digest.digest("hex").slice(0, 12);
  return hash;
}

/** `url` with another database name. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const databaseExists = async (client: pg.Client, name: string) =>
  (await client.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1;

/** Waits until the server has let go of every session of `name` (a closed pool's backends exit asynchronously). */
async function waitForNoSessions(client: pg.Client, name: string) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { rows } = await client.query("select count(*)::int as n from pg_stat_activity where datname = $1", [name]);
    if (rows[0]?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`sessions to ${name} did not end`);
}

const templates = new Map<string, Promise<string>>();

/** The name of the migrated template database on `serverUrl`'s server, built on first use. */
export function postgresTemplate(serverUrl: string): Promise<string> {
  let template = templates.get(serverUrl);
  if (!template) {
    template = buildPostgresTemplate(serverUrl);
    templates.set(serverUrl, template);
    template.catch(() => templates.delete(serverUrl));
  }
  return template;
}

async function buildPostgresTemplate(serverUrl: string): Promise<string> {
  const name = `guichet_template_${migrationsHash()}`;
  return withClient(serverUrl, async (client) => {
    if (await databaseExists(client, name)) return name;
    await client.query("select pg_advisory_lock(hashtext($1))", [name]);
    try {
      if (await databaseExists(client, name)) return name;
      // What an interrupted build left (the lock is ours: nobody is building them).
      const { rows } = await client.query<{ datname: string }>("select datname from pg_database where starts_with(datname, $1)", [
        `${name}_tmp_`,
      ]);
      for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
      const building = `${name}_tmp_${randomBytes(4).toString("hex")}`;
      await client.query(`create database ${building}`);
      await migrateInto(testConfig({ databaseUrl: databaseUrl(serverUrl, building) }));
      await waitForNoSessions(client, building);
      await client.query(`alter database ${building} with allow_connections false`);
      await client.query(`alter database ${building} rename to ${name}`);
      return name;
    } finally {
      await client.query("select pg_advisory_unlock(hashtext($1))", [name]);
    }
  });
}

/** Creates the empty, migrated database `name` on `serverUrl`'s server, a copy of the template. */
export async function createPostgresDatabase(serverUrl: string, name: string): Promise<string> {
  const template = await postgresTemplate(serverUrl);
  await withClient(serverUrl, (client) => client.query(`create database ${name} template ${template}`));
  return databaseUrl(serverUrl, name);
}

export async function dropPostgresDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
}

/** The folder, under DATA_DIR, where the embedded database keeps its files (see server/db/client.ts). */
const PGLITE_SUBDIR = "pglite";
let pgliteTemplate: Promise<string> | undefined;

/** A DATA_DIR whose embedded database is migrated, built once per machine and set of migrations. */
function pgliteTemplateDir(): Promise<string> {
  pgliteTemplate ??= (async () => {
    const finalDir = path.join(tmpdir(), `guichet-test-template-${migrationsHash()}`);
    // One builder at a time (a build is CPU-bound): the others wait for the directory to appear.
    const lock = `${finalDir}.lock`;
    for (;;) {
      if (existsSync(finalDir)) return finalDir;
      try {
        mkdirSync(lock);
        break;
      } catch {
        // A builder that died leaves its lock behind: a build never takes 10 minutes.
        const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
        if (age > 600_000) rmSync(lock, { recursive: true, force: true });
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    try {
      if (existsSync(finalDir)) return finalDir;
      const building = mkdtempSync(`${finalDir}-tmp-`);
      await migrateInto(testConfig({ dataDir: building }));
      renameSync(building, finalDir);
      return finalDir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  })();
  pgliteTemplate.catch(() => {
    pgliteTemplate = undefined;
  });
  return pgliteTemplate;
}

/** Builds the template of the database tests will use (DATABASE_URL's server, or embedded) if it is not there yet. */
export async function prepareTemplate(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) await postgresTemplate(serverUrl);
  else await pgliteTemplateDir();
}

/** Fills `dataDir` (a DATA_DIR) with a copy of the migrated embedded database. */
export async function copyPgliteTemplate(dataDir: string): Promise<void> {
  const template = await pgliteTemplateDir();
  mkdirSync(dataDir, { recursive: true });
  cpSync(path.join(template, PGLITE_SUBDIR), path.join(dataDir, PGLITE_SUBDIR), { recursive: true });
}
