import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import * as schema from "./schema";
import { STORAGE_KEY_COLUMNS } from "./storage-key-columns";

/** A column named like a storage key (`storage_key`, `file_key`, `logo_key`…). */
const STORAGE_KEY_NAME = /_key$/;
/** Columns named so that hold something else. */
const NOT_STORAGE_KEYS = new Set(["groupes_instructeurs.routing_key"]);

const registered = new Set(STORAGE_KEY_COLUMNS.map(({ table, column }) => `${getTableConfig(table).name}.${column.name}`));

describe("the registry of columns holding storage keys", () => {
  it("lists every column of the schema named like a storage key", () => {
    const named = Object.values(schema)
      .filter((value) => is(value, PgTable))
      .flatMap((table) => {
        const config = getTableConfig(table as PgTable);
        return config.columns.filter((c) => STORAGE_KEY_NAME.test(c.name)).map((c) => `${config.name}.${c.name}`);
      });
    expect(named.length).toBeGreaterThan(0);
    // A new file-holding column missing from STORAGE_KEY_COLUMNS would have its bytes swept away.
    expect(named.filter((name) => !registered.has(name) && !NOT_STORAGE_KEYS.has(name))).toEqual([]);
  });

  it("registers only columns of their own table, once", () => {
    for (const { table, column } of STORAGE_KEY_COLUMNS) expect(column.table).toBe(table);
    expect(registered.size).toBe(STORAGE_KEY_COLUMNS.length);
  });
});
