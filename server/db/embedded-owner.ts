/**
 * One process at a time opens the embedded database files (PGlite has no lock of its own: two
 * processes on one directory would each see their own copy and corrupt it). The process that opens
 * them records itself in `DATA_DIR/pglite.owner` (pid, then the loopback port it serves the database
 * on, decision 0002); any other process — the CLI while `npm start` runs — connects to that port
 * instead. The file is removed at clean shutdown; one left by a dead process is taken over.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export interface Owner {
  pid: number;
  /** Null while the owner is still starting its database. */
  url: string | null;
}

export type Ownership =
  | { kind: "owned"; publish(url: string): void; release(): void }
  | { kind: "shared"; url: string; pid: number };

export class EmbeddedDatabaseBusyError extends Error {}

const STARTING_WAIT_MS = 60_000;

export function ownerFile(pgliteDir: string) {
  return path.join(path.dirname(pgliteDir), "pglite.owner");
}

/** Becomes the owner of `pgliteDir`, or returns the URL of the live process that is. */
export async function claimEmbeddedDatabase(pgliteDir: string): Promise<Ownership> {
  const file = ownerFile(pgliteDir);
  mkdirSync(path.dirname(file), { recursive: true });
  const deadline = Date.now() + STARTING_WAIT_MS;
  for (;;) {
    if (tryCreate(file)) return owned(file);
    const owner = readOwner(file);
    if (!owner && isFresh(file)) {
      // Being written by a process that has just created it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    if (!owner || !isAlive(owner.pid)) {
      // Left by a process that died (or unreadable): take it over, unless someone else just did.
      takeOver(file, owner);
      continue;
    }
    if (owner.url) {
      if (await accepts(owner.url)) return { kind: "shared", url: owner.url, pid: owner.pid };
      throw new EmbeddedDatabaseBusyError(
        `the embedded database in ${path.dirname(pgliteDir)} belongs to process ${owner.pid}, which does not answer on ${new URL(owner.url).host}. If no Guichet runs there any more, delete ${file} and retry.`,
      );
    }
    if (Date.now() > deadline) {
      throw new EmbeddedDatabaseBusyError(
        `the embedded database in ${path.dirname(pgliteDir)} is being opened by process ${owner.pid}, which has not served it within ${STARTING_WAIT_MS / 1000} s; stop that process or wait for it, then retry.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function owned(file: string): Ownership {
  return {
    kind: "owned",
    publish(url) {
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ pid: process.pid, url } satisfies Owner));
      renameSync(tmp, file);
    },
    release() {
      if (readOwner(file)?.pid === process.pid) rmSync(file, { force: true });
    },
  };
}

/** Exclusive creation: of two processes starting together, one only gets the file. */
function tryCreate(file: string): boolean {
  try {
    const fd = openSync(file, "wx");
    writeFileSync(fd, JSON.stringify({ pid: process.pid, url: null } satisfies Owner));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

function takeOver(file: string, stale: Owner | null) {
  // Remove only the file we judged stale: a newer owner's file has another content.
  if (!existsSync(file)) return;
  const now = readOwner(file);
  if (now?.pid === stale?.pid && now?.url === stale?.url) rmSync(file, { force: true });
}

export function readOwner(file: string): Owner | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<Owner>;
    if (typeof parsed.pid !== "number") return null;
    return { pid: parsed.pid, url: typeof parsed.url === "string" ? parsed.url : null };
  } catch {
    return null;
  }
}

/** True when something listens at the URL's loopback port (the owner serving its database). */
function accepts(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(3000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

function isFresh(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < 5000;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
