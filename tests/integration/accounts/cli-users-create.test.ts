import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { UsageError } from "../../../server/cli/args";
import { COMMANDS } from "../../../server/cli/commands";
import { loadConfig } from "../../../server/config";
import { administrateurs, instructeurs, users } from "../../../server/db/schema";
import { verifyPassword } from "../../../server/security/passwords";
import { createTestDatabase, type TestDatabase } from "../../support/database";

const command = COMMANDS["users:create"];
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

describe("guichet users:create", () => {
  it.each([
    [["--password", "long enough password", "--role", "usager"], /--email: required/],
    [["--email", "nope", "--password", "long enough password", "--role", "usager"], /--email: not a valid e-mail address/],
    [["--email", "a@exemple.fr", "--password", "short", "--role", "usager"], /--password: at least 12 characters/],
    [["--email", "a@exemple.fr", "--password", "long enough password"], /--role: required/],
    [
      ["--email", "a@exemple.fr", "--password", "long enough password", "--role", "king"],
      /--role: must be one of usager, instructeur/,
    ],
    [["--email", "a@exemple.fr", "--unknown"], /Unknown option/],
  ])("refuses %j with a usage error", async (argv, message) => {
    // The arguments are checked before the database is opened: the config is never used.
    const run = command.run(argv, database.config);
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toThrow(message);
  });

  it("creates a confirmed account with its profiles", async () => {
    // Through the real command, on the test database (a second connection pool to the same server).
    const config = loadConfig({ ...process.env, DATABASE_URL: database.url, NODE_ENV: "test", SESSION_SECRET: "x".repeat(32) });
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      await command.run(
        [
          "--email",
          "Agent.CLI@Exemple.fr",
          "--password",
          "long enough password",
          "--role",
          "instructeur",
          "--role",
          "administrateur",
        ],
        config,
      );
    } finally {
      log.mockRestore();
    }
    const [user] = await database.db.select().from(users).where(eq(users.email, "agent.cli@exemple.fr"));
    expect(user?.emailConfirmedAt).not.toBeNull();
    expect(await verifyPassword(user?.passwordHash ?? "", "long enough password")).toBe(true);
    expect(
      await database.db
        .select()
        .from(instructeurs)
        .where(eq(instructeurs.userId, user?.id ?? 0)),
    ).toHaveLength(1);
    expect(
      await database.db
        .select()
        .from(administrateurs)
        .where(eq(administrateurs.userId, user?.id ?? 0)),
    ).toHaveLength(1);
  });
});
