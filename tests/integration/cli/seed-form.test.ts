/**
 * `guichet demarches:seed-form`: refuses bad arguments before touching the database, refuses to
 * run without the demo accounts, and creates what it says — a published démarche of N fields with
 * a repetition block and conditions, and the demo usager's brouillon with every visible field
 * valid and R rows in the block.
 */
import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { UsageError } from "../../../server/cli/args";
import { COMMANDS } from "../../../server/cli/commands";
import { loadConfig } from "../../../server/config";
import { loadChampValues } from "../../../server/db/champ-values";
import { loadRevisionChamps, loadRevisionForm } from "../../../server/db/revisions";
import { champs, demarches, dossiers, users } from "../../../server/db/schema";
import { validateChampsForSubmit } from "../../../server/domain/champs/validate-dossier";
import { rowIdsOf } from "../../../server/domain/form/tree";
import { hiddenKeys } from "../../../server/domain/form/visibility";
import { ensureUser } from "../../../server/operations/accounts/ensure-user";
import { DEMO_ACCOUNTS } from "../../../server/seed/demo";
import { createTestDatabase, type TestDatabase } from "../../support/database";

const command = COMMANDS["demarches:seed-form"];
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

/** Runs the real command on the test database (a second pool to the same server); returns what it printed. */
async function run(argv: string[]) {
  const config = loadConfig({ ...process.env, DATABASE_URL: database.url, NODE_ENV: "test", SESSION_SECRET: "x".repeat(32) });
  const printed: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((line: string) => void printed.push(line));
  try {
    await command.run(argv, config);
  } finally {
    log.mockRestore();
  }
  return printed.join("\n");
}

describe("guichet demarches:seed-form", () => {
  it.each([
    [["--fields", "19"], /--fields: at least 20/],
    [["--fields", "501"], /--fields: at most 500/],
    [["--fields", "abc"], /--fields: must be a whole number/],
    [["--fields", "1e2"], /--fields: must be a whole number/],
    [["--rows", "2.5"], /--rows: must be a whole number/],
    [["--rows=-1"], /--rows: must be a whole number/],
    [["--rows", "1001"], /--rows: at most 1000/],
    [["--fields", "100", "--colonnes", "3"], /Unknown option/],
  ])("refuses %j with a usage error", async (argv, message) => {
    // Checked before the database is opened: the config is never used.
    const attempt = command.run(argv, database.config);
    await expect(attempt).rejects.toBeInstanceOf(UsageError);
    await expect(attempt).rejects.toThrow(message);
  });

  it("refuses to run before the demo accounts exist, creating nothing", async () => {
    await expect(run(["--fields", "20", "--rows", "1"])).rejects.toThrow(/run "guichet seed" first/);
    expect(await database.db.$count(demarches)).toBe(0);
    expect(await database.db.$count(users)).toBe(0);
  });

  it("creates a published démarche of N fields and the demo usager's filled brouillon with R rows", async () => {
    for (const account of DEMO_ACCOUNTS) await ensureUser(database.db, { email: account.email, roles: account.roles });
    const printed = await run(["--fields", "30", "--rows", "4"]);
    const [, demarcheNumber, dossierNumber] = printed.match(/demarche=(\d+) dossier=(\d+)/) ?? [];
    const { db } = database;

    const [demarche] = await db
      .select()
      .from(demarches)
      .where(eq(demarches.id, Number(demarcheNumber)));
    expect(demarche?.state).toBe("publiee");
    expect(printed).toContain(`/commencer/${demarche?.path}`);
    const fields = await loadRevisionChamps(db, demarche?.publishedRevisionId as number);
    expect(fields).toHaveLength(30);
    const types = new Set(fields.map((f) => f.type));
    for (const type of ["header_section", "explication", "text", "linked_drop_down_list", "pays", "siret"]) {
      expect(types).toContain(type);
    }
    // Nothing that needs files or outside data.
    for (const type of ["piece_justificative", "address", "communes", "dossier_link"]) expect(types).not.toContain(type);
    const block = fields.filter((f) => f.type === "repetition");
    expect(block).toHaveLength(1);
    expect(fields.filter((f) => f.parentStableId === block[0]?.stableId)).toHaveLength(3);
    expect(fields.filter((f) => f.condition !== null).length).toBeGreaterThanOrEqual(3);

    const [dossier] = await db
      .select({ state: dossiers.state, userId: dossiers.userId })
      .from(dossiers)
      .where(eq(dossiers.id, Number(dossierNumber)));
    const [usager] = await db.select().from(users).where(eq(users.email, "usager@exemple.fr"));
    expect(dossier).toEqual({ state: "brouillon", userId: usager?.id });
    const tree = await loadRevisionForm(db, demarche?.publishedRevisionId as number);
    const values = await loadChampValues(db, Number(dossierNumber));
    expect(rowIdsOf(values, block[0]?.stableId as number)).toHaveLength(4);
    // Every field filled: nothing to fix before submission; one condition is false, its field hidden.
    const hidden = hiddenKeys(tree, values);
    expect(hidden.size).toBeGreaterThan(0);
    expect(validateChampsForSubmit(tree, values, hidden)).toEqual([]);
    // Each of the block's 3 fields has a value in each of the 4 rows.
    const inRows = await db
      .select({ value: champs.value })
      .from(champs)
      .where(and(eq(champs.dossierId, Number(dossierNumber)), ne(champs.rowId, "")));
    expect(inRows.filter((r) => r.value !== null)).toHaveLength(12);
    // Thirty fields go through the real editor operations one by one: longer than the default timeout.
  }, 300_000);
});
