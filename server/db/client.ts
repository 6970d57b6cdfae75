/**
 * Database access: one `pg` pool and one Drizzle instance, whether the server is PostgreSQL
 * (DATABASE_URL) or the embedded PGlite served on a loopback port (see pglite-server.ts).
 */
import path from "node:path";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Config } from "../config";
import { logger } from "../logger";
import { claimEmbeddedDatabase } from "./embedded-owner";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./pglite-server";
import * as schema from "./schema";

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

// Dates travel as ISO strings with time zone; bigint counts as numbers (they stay far below 2^53).
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/**
 * `served`: connect to a database another process opened (a web worker of server/cluster.ts connects to
 * its primary's; `embedded` when that is the primary's PGlite), never open one here.
 */
export async function openDatabase(
  config: Pick<Config, "databaseUrl" | "dataDir">,
  poolSize = 10,
  served?: { url: string; embedded: boolean },
): Promise<Database> {
  let embedded: EmbeddedDatabase | null = null;
  let release = () => {};
  let url = served?.url ?? config.databaseUrl;
  if (!url) {
    const opened = await openEmbedded(path.join(config.dataDir, "pglite"));
    ({ embedded, url, release } = opened);
  }
  const isEmbedded = served ? served.embedded : !config.databaseUrl;
  const pool = new pg.Pool({
    connectionString: url,
    max: isEmbedded ? 4 : poolSize,
    // A statement that runs away must not hold a connection forever (the reference uses 60 s).
    statement_timeout: isEmbedded ? undefined : 60_000,
  });
  // An idle client that loses its server must not crash the process; the pool replaces it.
  pool.on("error", (error) => logger.warn({ err: error }, "idle database connection lost"));
  pool.on("connect", (client) => client.on("error", (error) => logger.warn({ err: error }, "database connection error")));
  const db = drizzle(pool, { schema });
  return {
    db,
    pool,
    url,
    embedded: isEmbedded,
    async close() {
      await pool.end();
      await embedded?.close();
      release();
    },
  };
}

/**
 * Opens the embedded database files, or — when another live process (`npm start`) has them open —
 * connects to the port that process serves them on: never two copies of one database.
 */
async function openEmbedded(dataDir: string): Promise<{ embedded: EmbeddedDatabase | null; url: string; release(): void }> {
  const ownership = await claimEmbeddedDatabase(dataDir);
  if (ownership.kind === "shared") {
    logger.debug({ pid: ownership.pid }, "using the embedded database of a running process");
    return { embedded: null, url: ownership.url, release: () => {} };
  }
  try {
    const embedded = await startEmbeddedDatabase({ dataDir });
    ownership.publish(embedded.url);
    return { embedded, url: embedded.url, release: () => ownership.release() };
  } catch (error) {
    ownership.release();
    throw error;
  }
}
