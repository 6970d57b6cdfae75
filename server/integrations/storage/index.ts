/** The storage configured for this process (`STORAGE_*` in server/config.ts). */
import type { Config } from "../../config";
import { createLocalStorage } from "./local-storage";
import type { Storage } from "./storage";

export { ObjectNotFoundError, type Storage, type StoredObject } from "./storage";

const instances = new WeakMap<Config["storage"], Storage>();

/** One adapter per configuration (adapters hold clients and caches; the local one is cheap anyway). */
export function storageFor(config: Pick<Config, "storage">): Storage {
  let storage = instances.get(config.storage);
  if (!storage) {
    storage = createLocalStorage(config.storage.dir);
    instances.set(config.storage, storage);
  }
  return storage;
}
