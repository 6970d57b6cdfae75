/**
 * Export templates below HTTP: a tabular template gives the XLSX/CSV its columns in its order with
 * its headers (read back with exceljs and csv-parse); a zip template names folders and files from
 * tags (read back with yauzl); naming rules are refused; a column of a deleted field is dropped;
 * an instructeur of another groupe never sees nor uses the template (404 / refusal).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers, exports, exportTemplates, groupeInstructeurMembers, groupesInstructeurs } from "../../../server/db/schema";
import { NotFoundError } from "../../../server/errors";
import { generateExport } from "../../../server/exports/generate-export";
import { createLocalStorage } from "../../../server/integrations/storage/local-storage";
import { logger } from "../../../server/logger";
import { deleteExportTemplate } from "../../../server/operations/exports/delete-export-template";
import { requestExport } from "../../../server/operations/exports/request-export";
import { saveExportTemplate } from "../../../server/operations/exports/save-export-template";
import { loadTemplateEditor } from "../../../server/queries/instructeur/export-templates";
import { getT } from "../../../common/i18n";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { giveDossierFiles } from "../archives/dossier-files";
import { readCsv, readXlsx, readZip, storedBytes } from "./readers";

let database: TestDatabase;
let storageDir: string;
let storage: ReturnType<typeof createLocalStorage>;
let demarcheId: number;
let groupeId: number;
let instructeurId: number;
let outsiderId: number;
let montantId: number;
let dossierId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  storageDir = mkdtempSync(path.join(tmpdir(), "guichet-templates-"));
  storage = createLocalStorage(storageDir);
  const built = await buildDemarche(db, {
    champs: [
      { type: "text", libelle: "Nom du projet" },
      { type: "integer_number", libelle: "Montant" },
    ],
  });
  demarcheId = built.demarche.id;
  instructeurId = built.instructeurs[0]?.instructeurId as number;
  const [groupe] = await db.select().from(groupesInstructeurs).where(eq(groupesInstructeurs.demarcheId, demarcheId));
  groupeId = groupe?.id as number;
  ({ dossierId } = await buildDossier(db, {
    demarche: built.demarche,
    state: "en_construction",
    values: { "Nom du projet": "Jardin partagé", Montant: "1500" },
  }));
  const [other] = await db.insert(groupesInstructeurs).values({ demarcheId, label: "Autre groupe" }).returning();
  const outsider = await buildUser(db, ["instructeur"]);
  outsiderId = outsider.instructeurId as number;
  await db.insert(groupeInstructeurMembers).values({ groupeInstructeurId: other?.id as number, instructeurId: outsiderId });
  const [revision] = await db.select().from(groupesInstructeurs).where(eq(groupesInstructeurs.id, groupeId));
  expect(revision).toBeDefined();
  const fields = await loadRevisionChamps(db, built.demarche.publishedRevisionId as number);
  montantId = fields.find((f) => f.libelle === "Montant")?.stableId as number;
}, 120_000);

afterAll(async () => {
  await database?.close();
  if (storageDir) rmSync(storageDir, { recursive: true, force: true });
});

async function exportWith(instructeur: number, modele: string, format = "xlsx") {
  const result = await requestExport(database.db, instructeur, demarcheId, { format, statut: "tous", modele }, "fr");
  if (!result.ok) return { refusals: result.refusals, bytes: null };
  const outcome = await generateExport({ db: database.db, storage, logger, appUrl: "http://test" }, result.exportId);
  expect(outcome).toBe("generated");
  const [row] = await database.db.select().from(exports).where(eq(exports.id, result.exportId));
  return { refusals: [], bytes: await storedBytes(storage, row?.fileKey as string), format: row?.format };
}

describe("export templates", () => {
  it("tabular: the XLSX and CSV have the template's columns, in its order, with its headers", async () => {
    const saved = await saveExportTemplate(
      database.db,
      instructeurId,
      demarcheId,
      null,
      {
        groupeId,
        name: "Commission",
        kind: "xlsx",
        columns: [
          { id: `field/${montantId}`, libelle: "Somme demandée" },
          { id: "dossier/number", libelle: "" },
        ],
      },
      "fr",
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved.refusals));
    const { bytes, format } = await exportWith(instructeurId, String(saved.templateId), "csv");
    expect(format).toBe("xlsx");
    const workbook = await readXlsx(bytes as Buffer);
    const sheet = workbook.getWorksheet("Dossiers");
    expect(((sheet?.getRow(1).values ?? []) as unknown[]).slice(1)).toEqual(["Somme demandée", "N° dossier"]);
    expect(((sheet?.getRow(2).values ?? []) as unknown[]).slice(1)).toEqual([1500, dossierId]);

    const csv = await saveExportTemplate(
      database.db,
      instructeurId,
      demarcheId,
      null,
      { groupeId, name: "CSV", kind: "csv", columns: [{ id: "dossier/state", libelle: "Statut" }] },
      "fr",
    );
    if (!csv.ok) throw new Error("refused");
    const rows = readCsv((await exportWith(instructeurId, String(csv.templateId))).bytes as Buffer);
    expect(rows[0]).toEqual(["Statut"]);
    expect(rows[1]).toEqual(["En construction"]);
  });

  it("zip: folder and file names from tags; naming rules refused", async () => {
    const refused = await saveExportTemplate(
      database.db,
      instructeurId,
      demarcheId,
      null,
      {
        groupeId,
        name: "Archive",
        kind: "zip",
        folder: "projet --Nom du projet--",
        items: [
          { id: "dossier", enabled: true, name: "donnees" },
          { id: "messages", enabled: true, name: "DONNEES" },
        ],
      },
      "fr",
    );
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.refusals.map((r) => r.code)).toEqual(["folder_without_number", "file_names_not_distinct"]);
    const saved = await saveExportTemplate(
      database.db,
      instructeurId,
      demarcheId,
      null,
      {
        groupeId,
        name: "Archive",
        kind: "zip",
        folder: "projet --numéro du dossier-- --Nom du projet--",
        items: [{ id: "dossier", enabled: true, name: "donnees --numéro du dossier--" }],
      },
      "fr",
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved.refusals));
    const entries = await readZip((await exportWith(instructeurId, String(saved.templateId))).bytes as Buffer);
    const name = `projet ${dossierId} Jardin partagé/donnees ${dossierId}.json`;
    expect([...entries.keys()]).toEqual([name]);
    expect(JSON.parse((entries.get(name) as Buffer).toString("utf8")).number).toBe(dossierId);
  });

  it("zip: the attestation, the justificatif, messages' attachments and avis files, each under its item's name", async () => {
    // A justificatif belongs to the last decision (given after it): the dossier is decided for this test.
    await database.db
      .update(dossiers)
      .set({ state: "accepte", processedAt: new Date(Date.now() - 60_000) })
      .where(eq(dossiers.id, dossierId));
    const files = await giveDossierFiles(database.db, storage, dossierId, demarcheId);
    const editor = await loadTemplateEditor(database.db, "http://test", instructeurId, demarcheId, null, "zip", getT("fr"), "fr");
    // Offered by default, with their names.
    expect(editor.zip.items.filter((i) => ["attestation", "justificatif"].includes(i.id))).toEqual([
      { id: "attestation", enabled: true, name: "attestation" },
      { id: "justificatif", enabled: true, name: "justificatif" },
    ]);
    const saved = await saveExportTemplate(
      database.db,
      instructeurId,
      demarcheId,
      null,
      {
        groupeId,
        name: "Tout",
        kind: "zip",
        folder: "D--numéro du dossier--",
        items: [
          { id: "attestation", enabled: true, name: "attestation --numéro du dossier--" },
          { id: "justificatif", enabled: true, name: "motivation" },
          { id: "messages", enabled: true, name: "echanges" },
          { id: "avis", enabled: true, name: "expertises" },
        ],
      },
      "fr",
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved.refusals));
    const entries = await readZip((await exportWith(instructeurId, String(saved.templateId))).bytes as Buffer);
    const folder = `D${dossierId}`;
    expect([...entries.keys()].sort()).toEqual(
      [
        `${folder}/attestation ${dossierId}.pdf`,
        `${folder}/motivation.pdf`,
        `${folder}/echanges/piece-message.pdf`,
        `${folder}/expertises/rapport-expert.pdf`,
      ].sort(),
    );
    expect(entries.get(`${folder}/attestation ${dossierId}.pdf`)?.equals(files.attestation)).toBe(true);
    expect(entries.get(`${folder}/motivation.pdf`)?.equals(files.justificatif)).toBe(true);
    expect(entries.get(`${folder}/echanges/piece-message.pdf`)?.equals(files.messageFile)).toBe(true);
    expect(entries.get(`${folder}/expertises/rapport-expert.pdf`)?.equals(files.avisFile)).toBe(true);

    // Left out when not chosen: the data file alone.
    const dataOnly = await saveExportTemplate(
      database.db,
      instructeurId,
      demarcheId,
      null,
      {
        groupeId,
        name: "Données",
        kind: "zip",
        folder: "--numéro du dossier--",
        items: [{ id: "dossier", enabled: true, name: "d" }],
      },
      "fr",
    );
    if (!dataOnly.ok) throw new Error("refused");
    const only = await readZip((await exportWith(instructeurId, String(dataOnly.templateId))).bytes as Buffer);
    expect([...only.keys()]).toEqual([`${dossierId}/d.json`]);
    await database.db.update(dossiers).set({ state: "en_construction", processedAt: null }).where(eq(dossiers.id, dossierId));
  });

  it("another groupe's instructeur never sees nor uses the template; a deleted field's column is dropped", async () => {
    const [template] = await database.db.select().from(exportTemplates).where(eq(exportTemplates.name, "Commission"));
    const id = template?.id as number;
    const t = getT("fr");
    await expect(
      loadTemplateEditor(database.db, "http://test", outsiderId, demarcheId, id, "xlsx", t, "fr"),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteExportTemplate(database.db, outsiderId, demarcheId, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      saveExportTemplate(database.db, outsiderId, demarcheId, id, { groupeId, name: "x", kind: "xlsx" }, "fr"),
    ).rejects.toBeInstanceOf(NotFoundError);
    const used = await requestExport(
      database.db,
      outsiderId,
      demarcheId,
      { format: "xlsx", statut: "tous", modele: String(id) },
      "fr",
    );
    expect(used.ok).toBe(false);
    if (!used.ok) expect(used.refusals[0]?.code).toBe("unknown_template");

    await database.db
      .update(exportTemplates)
      .set({
        content: {
          columns: [
            { id: "field/999999", libelle: "Champ supprimé" },
            ...((template?.content ?? { columns: [] }) as { columns: unknown[] }).columns,
          ],
        },
        updatedAt: new Date(),
      })
      .where(eq(exportTemplates.id, id));
    const editor = await loadTemplateEditor(database.db, "http://test", instructeurId, demarcheId, id, "xlsx", t, "fr");
    expect(editor.dropped).toEqual(["Champ supprimé"]);
    expect(editor.preview?.kind === "tabular" && editor.preview.headers).toEqual(["Somme demandée", "N° dossier"]);
    const { bytes } = await exportWith(instructeurId, String(id));
    const sheet = (await readXlsx(bytes as Buffer)).getWorksheet("Dossiers");
    expect(((sheet?.getRow(1).values ?? []) as unknown[]).slice(1)).toEqual(["Somme demandée", "N° dossier"]);

    await deleteExportTemplate(database.db, instructeurId, demarcheId, id);
    expect(await database.db.select().from(exportTemplates).where(eq(exportTemplates.id, id))).toHaveLength(0);
  });
});
