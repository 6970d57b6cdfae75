/**
 * The default storage: a local directory (DATA_DIR/storage in embedded mode). Keys are random UUIDs
 * sharded by their first two characters (`3f/3f2a…`); writes go to `tmp/` first and are renamed
 * into place once complete, so a reader never sees half a file and a crash leaves only `tmp/` debris.
 */
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ObjectNotFoundError, type Storage, type StoredObject } from "./storage";

/** The only keys this storage creates and accepts: no separator other than the shard's, no dots. */
const KEY_PATTERN = /^([0-9a-f]{2})\/\1[0-9a-f]{6}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TMP_DIR = "tmp";

export function isLocalStorageKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

export function createLocalStorage(root: string): Storage {
  const base = path.resolve(root);
  const tmp = path.join(base, TMP_DIR);

  /** The file of a key; anything that is not one of our keys is treated as missing. */
  function fileOf(key: string): string | null {
    return isLocalStorageKey(key) ? path.join(base, key) : null;
  }

  return {
    async put(body: Readable) {
      const id = randomUUID();
      const key = `${id.slice(0, 2)}/${id}`;
      const target = path.join(base, key);
      const partial = path.join(tmp, `${id}.part`);
      await mkdir(tmp, { recursive: true });
      try {
        await pipeline(body, createWriteStream(partial, { flags: "wx", mode: 0o600 }));
        await mkdir(path.dirname(target), { recursive: true });
        await rename(partial, target);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      return { key };
    },

    async get(key: string) {
      const file = fileOf(key);
      if (!file) throw new ObjectNotFoundError(key);
      // Open first so that a missing file is an error here, not an 'error' event on the stream later.
      const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
        throw error.code === "ENOENT" ? new ObjectNotFoundError(key) : error;
      });
      return handle.createReadStream();
    },

    async delete(key: string) {
      const file = fileOf(key);
      if (file) await rm(file, { force: true });
    },

    async exists(key: string) {
      const file = fileOf(key);
      if (!file) return false;
      return stat(file).then(
        (s) => s.isFile(),
        () => false,
      );
    },

    async *list(): AsyncIterable<StoredObject> {
      const shards = await readdir(base, { withFileTypes: true }).catch(() => []);
      for (const shard of shards) {
        if (!shard.isDirectory() || !/^[0-9a-f]{2}$/.test(shard.name)) continue;
        const entries = await readdir(path.join(base, shard.name), { withFileTypes: true }).catch(() => []);
        for (const entry of entries) {
          const key = `${shard.name}/${entry.name}`;
          if (!entry.isFile() || !isLocalStorageKey(key)) continue;
          const info = await stat(path.join(base, key)).catch(() => null);
          if (info) yield { key, lastModified: info.mtime };
        }
      }
    },

    async cleanupIncomplete(before: Date) {
      const entries = await readdir(tmp, { withFileTypes: true }).catch(() => []);
      let removed = 0;
      for (const entry of entries) {
        if (!entry.isFile() || !entry.name.endsWith(".part")) continue;
        const file = path.join(tmp, entry.name);
        const info = await stat(file).catch(() => null);
        if (info && info.mtime < before) {
          await rm(file, { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}
