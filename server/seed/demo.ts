/**
 * Demo data of embedded mode: four accounts (one per profile) and, once, a published démarche with
 * dossiers, so that a first `npm start` shows a working platform.
 */
import type { Db } from "../db/client";
import { ensureUser, type Role } from "../operations/accounts/ensure-user";

/** Local demo only: SEED_DEMO is off by default with a real database, and refused in production. */
export const DEMO_PASSWORD = "guichet-demo-2026";

export const DEMO_ACCOUNTS: Array<{ email: string; roles: Role[]; label: string }> = [
  { email: "administrateur@exemple.fr", roles: ["administrateur", "instructeur"], label: "administrateur (et instructeur)" },
  { email: "instructeur@exemple.fr", roles: ["instructeur"], label: "instructeur" },
  { email: "usager@exemple.fr", roles: ["usager"], label: "usager" },
  { email: "expert@exemple.fr", roles: ["expert"], label: "expert" },
];

export interface SeedResult {
  accounts: typeof DEMO_ACCOUNTS;
  password: string;
}

export async function seedDemo(db: Db): Promise<SeedResult> {
  if (process.env.NODE_ENV === "production") throw new Error("The demo seed is refused in production.");
  for (const account of DEMO_ACCOUNTS) {
    await ensureUser(db, { email: account.email, password: DEMO_PASSWORD, roles: account.roles });
  }
  return { accounts: DEMO_ACCOUNTS, password: DEMO_PASSWORD };
}

export function printDemoAccounts(result: SeedResult, url: string) {
  const lines = [
    "",
    "  Comptes de démonstration (mot de passe pour tous : " + result.password + ")",
    ...result.accounts.map((a) => `    ${a.email.padEnd(28)} ${a.label}`),
    `  Ouvrez ${url}  —  boîte mail locale : ${url}/mailbox`,
    "",
  ];
  console.log(lines.join("\n"));
}
