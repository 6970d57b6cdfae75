/**
 * Demo data of embedded mode: four accounts (one per profile) and, once, a published démarche with
 * dossiers in every state, so that a first `npm start` shows a working platform; plus the démarche
 * « Tous les champs » (one field of each type, a condition, a block, an ineligibility rule).
 */
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { demarches } from "../db/schema";
import { ensureUser, type Role } from "../operations/accounts/ensure-user";
import { buildDemarche, buildDossier } from "./factories";
import { seedTousLesChamps, TOUS_LES_CHAMPS_PATH } from "./tous-les-champs";

/** Local demo only: SEED_DEMO is off by default with a real database, and refused in production. */
export const DEMO_PASSWORD = "guichet-demo-2026";
export const DEMO_PATH = "subvention-association";

export const DEMO_ACCOUNTS: Array<{ email: string; roles: Role[]; label: string }> = [
  { email: "administrateur@exemple.fr", roles: ["administrateur", "instructeur"], label: "administrateur (et instructeur)" },
  { email: "instructeur@exemple.fr", roles: ["instructeur"], label: "instructeur" },
  { email: "usager@exemple.fr", roles: ["usager"], label: "usager" },
  { email: "expert@exemple.fr", roles: ["expert"], label: "expert" },
];

export interface SeedResult {
  accounts: typeof DEMO_ACCOUNTS;
  password: string;
  demoPath: string;
}

export async function seedDemo(db: Db): Promise<SeedResult> {
  if (process.env.NODE_ENV === "production") throw new Error("The demo seed is refused in production.");
  for (const account of DEMO_ACCOUNTS) {
    await ensureUser(db, { email: account.email, password: DEMO_PASSWORD, roles: account.roles });
  }
  const [existing] = await db.select({ id: demarches.id }).from(demarches).where(eq(demarches.path, DEMO_PATH)).limit(1);
  if (!existing) await seedDemoDemarche(db);
  const [tous] = await db.select({ id: demarches.id }).from(demarches).where(eq(demarches.path, TOUS_LES_CHAMPS_PATH)).limit(1);
  if (!tous) await seedTousLesChamps(db);
  return { accounts: DEMO_ACCOUNTS, password: DEMO_PASSWORD, demoPath: DEMO_PATH };
}

async function seedDemoDemarche(db: Db) {
  const { demarche } = await buildDemarche(db, {
    administrateurEmail: "administrateur@exemple.fr",
    instructeurEmails: ["instructeur@exemple.fr", "administrateur@exemple.fr"],
    libelle: "Demande de subvention pour une association",
    path: DEMO_PATH,
    champs: [
      { type: "header_section", libelle: "Votre association" },
      { type: "text", libelle: "Nom de l’association" },
      { type: "date", libelle: "Date de création" },
      { type: "integer_number", libelle: "Nombre d’adhérents" },
      { type: "header_section", libelle: "Votre projet" },
      { type: "textarea", libelle: "Description du projet" },
      {
        type: "drop_down_list",
        libelle: "Domaine",
        options: { options: ["Culture", "Sport", "Solidarité", "Environnement"], other: true },
      },
      { type: "integer_number", libelle: "Montant demandé (€)" },
      { type: "yes_no", libelle: "Avez-vous déjà reçu une subvention ?", mandatory: false },
    ],
  });
  const usager = await ensureUser(db, { email: "usager@exemple.fr", roles: [] });
  const identity = { civilite: "Mme" as const, nom: "Martin", prenom: "Claire" };
  for (const state of ["brouillon", "en_construction", "en_instruction", "accepte", "refuse"] as const) {
    await buildDossier(db, {
      demarche,
      usager,
      state,
      identity,
      motivation: state === "refuse" ? "Le projet ne relève pas du dispositif." : undefined,
    });
  }
}

export function printDemoAccounts(result: SeedResult, url: string) {
  const lines = [
    "",
    `  Comptes de démonstration (mot de passe pour tous : ${result.password})`,
    ...result.accounts.map((a) => `    ${a.email.padEnd(28)} ${a.label}`),
    `  Ouvrez ${url}  —  démarche de démonstration : ${url}/commencer/${result.demoPath}`,
    `  Un champ de chaque type : ${url}/commencer/${TOUS_LES_CHAMPS_PATH}`,
    `  Boîte mail locale (e-mails envoyés) : ${url}/mailbox`,
    "",
  ];
  console.log(lines.join("\n"));
}
