/**
 * Setup of `bench/upload-memory.mjs` (run before the platform starts: embedded PGlite allows one
 * process at a time): a published démarche with one `piece_justificative` field and a brouillon of
 * the demo usager. Prints `dossier=<n> champ=<stable id>`.
 *   node --import tsx bench/upload-setup.ts
 */
import { openAndMigrate } from "../server/boot";
import { loadConfig } from "../server/config";
import { loadRevisionChamps } from "../server/db/revisions";
import { buildDemarche, buildDossier, buildUser } from "../server/seed/factories";

const config = loadConfig();
const database = await openAndMigrate(config);
try {
  const { db } = database;
  const built = await buildDemarche(db, {
    libelle: "Banc d’essai : envoi de fichiers",
    champs: [{ type: "piece_justificative", libelle: "Document volumineux", mandatory: false }],
  });
  const [field] = await loadRevisionChamps(db, built.demarche.publishedRevisionId as number);
  const usager = await buildUser(db, [], "usager@exemple.fr");
  const { dossierId } = await buildDossier(db, { demarche: { id: built.demarche.id, path: built.path }, usager });
  console.log(`dossier=${dossierId} champ=${field?.stableId}`);
} finally {
  await database.close();
}
