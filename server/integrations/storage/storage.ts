/**
 * Where the bytes of uploaded files live: never in the database. The adapter chooses the keys
 * (random, never derived from what users send), so a key cannot point outside the store, and an
 * object becomes visible only once completely written.
 */
import type { Readable } from "node:stream";

export interface StoredObject {
  key: string;
  lastModified: Date;
}

export interface Storage {
  /**
   * Writes the stream under a new key and returns it. Nothing is visible under that key until the
   * stream has ended successfully; if the stream fails (too large, wrong format, client gone) the
   * partial data is removed and the error is rethrown.
   */
  put(body: Readable): Promise<{ key: string }>;
  /** The object's bytes; `ObjectNotFoundError` when the key does not exist. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Every stored object (for the purge job's sweep of bytes no row refers to). */
  list(): AsyncIterable<StoredObject>;
  /** Removes partial writes older than `before` (a process killed in the middle of an upload). */
  cleanupIncomplete(before: Date): Promise<number>;
}

export class ObjectNotFoundError extends Error {
  constructor(key: string) {
    super(`stored object not found: ${key}`);
    this.name = "ObjectNotFoundError";
  }
}
