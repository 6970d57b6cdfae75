/**
 * Exports end to end below HTTP: requestExport (scope, reuse, refusals, authorization) then the
 * generator, each produced file opened with a real reader (csv-parse, exceljs, yauzl + XML parser,
 * JSON.parse): headers, typed cells, repetition and avis sheets, every field type, and only the
 * dossiers of the requester's groupes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translate } from "../../../common/i18n";
import { Readable } from "node:stream";
import {
  attachments,
  avis,
  champs,
  demarches,
  dossiers,
  exports,
  expertsProcedures,
  groupeInstructeurMembers,
  groupesInstructeurs,
} from "../../../server/db/schema";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { generateExport } from "../../../server/exports/generate-export";
import { createLocalStorage } from "../../../server/integrations/storage/local-storage";
import { sweepStorage } from "../../../server/jobs/purge-attachments.job";
import { purgeStaleExports } from "../../../server/jobs/purge-exports.job";
import { logger } from "../../../server/logger";
import { requestExport } from "../../../server/operations/exports/request-export";
import { NotFoundError } from "../../../server/errors";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { tousLesChampsAnnotations, tousLesChampsSpecs } from "../../../server/seed/tous-les-champs-specs";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { readCsv, readOdsContent, readXlsx, readZip, storedBytes } from "./readers";

const label = (type: string) => translate("fr", `champs.types.${type}` as Parameters<typeof translate>[1]);

let database: TestDatabase;
let storageDir: string;
let storage: ReturnType<typeof createLocalStorage>;
let demarcheId: number;
let instructeur: { userId: number; instructeurId: number; email: string };
let seen: number[];
let hidden: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  storageDir = mkdtempSync(path.join(tmpdir(), "guichet-exports-"));
  storage = createLocalStorage(storageDir);
  const built = await buildDemarche(db, { champs: tousLesChampsSpecs(), annotations: tousLesChampsAnnotations() });
  demarcheId = built.demarche.id;
  const first = built.instructeurs[0] as { userId: number; instructeurId: number | null; email: string };
  instructeur = { ...first, instructeurId: first.instructeurId as number };
  const values = {
    [label("integer_number")]: "42",
    [label("decimal_number")]: "12,5",
    [label("date")]: "2024-03-15",
    [label("datetime")]: "2024-03-15T10:30",
    [label("text")]: 'Texte, avec "guillemets"',
    [label("textarea")]: "Ligne 1\nLigne 2",
    // The national address base is not reachable in tests: left blank.
    [label("address")]: "",
  };
  const a = await buildDossier(db, { demarche: built.demarche, state: "en_construction", values });
  const b = await buildDossier(db, { demarche: built.demarche, state: "accepte", values, instructeur });
  seen = [a.dossierId, b.dossierId];
  // A dossier of another groupe of the same démarche: never in this instructeur's exports.
  const c = await buildDossier(db, { demarche: built.demarche, state: "en_construction", values });
  const [other] = await db.insert(groupesInstructeurs).values({ demarcheId, label: "Autre groupe" }).returning();
  const colleague = await buildUser(db, ["instructeur"]);
  await db
    .insert(groupeInstructeurMembers)
    .values({ groupeInstructeurId: other?.id as number, instructeurId: colleague.instructeurId as number });
  await db
    .update(dossiers)
    .set({ groupeInstructeurId: other?.id as number })
    .where(eq(dossiers.id, c.dossierId));
  hidden = c.dossierId;
}, 120_000);

afterAll(async () => {
  await database?.close();
  if (storageDir) rmSync(storageDir, { recursive: true, force: true });
});

async function exportFile(format: string, scope: Record<string, unknown> = {}) {
  const result = await requestExport(
    database.db,
    instructeur.instructeurId,
    demarcheId,
    { format, statut: "tous", ...scope },
    "fr",
  );
  if (!result.ok) throw new Error(JSON.stringify(result.refusals));
  const outcome = await generateExport(
    { db: database.db, storage, logger, appUrl: "http://test", batchSize: 1 },
    result.exportId,
  );
  expect(outcome).toBe("generated");
  const [row] = await database.db.select().from(exports).where(eq(exports.id, result.exportId));
  expect(row?.state).toBe("generated");
  const bytes = await storedBytes(storage, row?.fileKey as string);
  expect(row?.byteSize).toBe(bytes.length);
  expect(row?.processedCount).toBe(2);
  expect(row?.totalCount).toBe(2);
  return { bytes, row };
}

describe("exports", () => {
  it("XLSX: dossiers sheet with typed cells, a sheet per repetition block, every field type", async () => {
    const { bytes } = await exportFile("xlsx");
    const workbook = await readXlsx(bytes);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names[0]).toBe("Dossiers");
    const blockSheet = names.find((n) => n.includes("Membres du bureau"));
    expect(blockSheet).toMatch(/^\(\d+\) Membres du bureau$/);
    for (const name of names) expect([...name].length).toBeLessThanOrEqual(31);
    const sheet = workbook.getWorksheet("Dossiers");
    const headers = ((sheet?.getRow(1).values ?? []) as unknown[]).slice(1);
    expect(headers.slice(0, 3)).toEqual(["N° dossier", "E-mail", "Civilité"]);
    // Every field type with a value has its column; annotations after the fields.
    for (const type of [
      "text",
      "integer_number",
      "decimal_number",
      "date",
      "datetime",
      "checkbox",
      "yes_no",
      "email",
      "phone",
      "iban",
      "siret",
      "pays",
      "regions",
      "departements",
      "communes",
      "epci",
      "address",
      "titre_identite",
      "piece_justificative",
      "drop_down_list",
      "multiple_drop_down_list",
      "linked_drop_down_list",
      "civilite",
      "formatted",
      "textarea",
      "dossier_link",
    ]) {
      expect(headers, type).toContain(label(type));
    }
    expect(headers).not.toContain(label("explication"));
    expect(headers).toContain("Avis interne (annotation privée)");
    const rows = [2, 3].map((n) => sheet?.getRow(n));
    const numbers = rows.map((r) => r?.getCell(1).value);
    expect(numbers.sort()).toEqual([...seen].sort());
    expect(numbers).not.toContain(hidden);
    const col = (name: string) => headers.indexOf(name) + 1;
    const row = rows[0];
    expect(row?.getCell(col(label("integer_number"))).value).toBe(42);
    expect(row?.getCell(col(label("decimal_number"))).value).toBe(12.5);
    const date = row?.getCell(col(label("date"))).value;
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString().slice(0, 10)).toBe("2024-03-15");
    const datetime = row?.getCell(col(label("datetime"))).value as Date;
    expect(datetime).toBeInstanceOf(Date);
    expect(datetime.toISOString().slice(0, 16)).toBe("2024-03-15T10:30");
    expect(row?.getCell(col("Déposé le")).value).toBeInstanceOf(Date);
    expect(row?.getCell(col(label("text"))).value).toBe('Texte, avec "guillemets"');
    expect(row?.getCell(col(label("textarea"))).value).toBe("Ligne 1\nLigne 2");
    expect(row?.getCell(col(label("titre_identite"))).value).toBe("absent");
    // The repetition sheet: one row per block row, with the dossier number.
    const block = workbook.getWorksheet(blockSheet as string);
    expect(((block?.getRow(1).values ?? []) as unknown[]).slice(1)).toEqual([
      "N° dossier",
      "Ligne",
      "Nom et prénom",
      "Date d’entrée au bureau",
    ]);
    expect(seen).toContain(block?.getRow(2).getCell(1).value);
    expect(block?.getRow(2).getCell(2).value).toBe(1);
  });

  it("CSV: UTF-8 with BOM, comma-separated, the dossiers only, values quoted when needed", async () => {
    const { bytes, row } = await exportFile("csv");
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(row?.filename).toMatch(/^dossiers_\d+_\d{4}-\d{2}-\d{2}_\d{2}-\d{2}\.csv$/);
    const records = readCsv(bytes);
    const headers = records[0] as string[];
    expect(headers[0]).toBe("N° dossier");
    expect(records).toHaveLength(3);
    const body = records.slice(1);
    expect(body.map((r) => Number(r[0])).sort()).toEqual([...seen].sort());
    const first = body[0] as string[];
    expect(first[headers.indexOf(label("integer_number"))]).toBe("42");
    expect(first[headers.indexOf(label("date"))]).toBe("2024-03-15");
    expect(first[headers.indexOf(label("datetime"))]).toBe("2024-03-15 10:30");
    expect(first[headers.indexOf(label("text"))]).toBe('Texte, avec "guillemets"');
    expect(first[headers.indexOf(label("textarea"))]).toBe("Ligne 1\nLigne 2");
  });

  it("ODS: a valid OpenDocument zip with typed cells and the repetition sheet", async () => {
    const { bytes } = await exportFile("ods");
    const entries = await readZip(bytes);
    expect(entries.get("mimetype")?.toString()).toBe("application/vnd.oasis.opendocument.spreadsheet");
    expect(entries.get("META-INF/manifest.xml")?.toString()).toContain("content.xml");
    const tables = readOdsContent(entries.get("content.xml")?.toString("utf8") as string);
    const names = [...tables.keys()];
    expect(names[0]).toBe("Dossiers");
    expect(names.some((n) => /^\(\d+\) Membres du bureau$/.test(n))).toBe(true);
    const sheet = tables.get("Dossiers") as ReturnType<typeof readOdsContent> extends Map<string, infer V> ? V : never;
    const headers = (sheet[0] ?? []).map((c) => c.text);
    const row = sheet[1] ?? [];
    const cell = (name: string) => row[headers.indexOf(name)];
    expect(cell("N° dossier")?.type).toBe("float");
    expect(cell(label("integer_number"))).toMatchObject({ type: "float", value: "42" });
    expect(cell(label("decimal_number"))).toMatchObject({ type: "float", value: "12.5" });
    expect(cell(label("date"))).toMatchObject({ type: "date", value: "2024-03-15" });
    expect(cell(label("datetime"))).toMatchObject({ type: "date", value: "2024-03-15T10:30:00" });
    expect(cell(label("text"))?.text).toBe('Texte, avec "guillemets"');
    expect(cell(label("textarea"))?.text).toBe("Ligne 1\nLigne 2");
    expect(sheet).toHaveLength(3);
  });

  it("JSON: an array of dossiers with typed fields, repetition rows and annotations", async () => {
    const { bytes } = await exportFile("json");
    const list = JSON.parse(bytes.toString("utf8")) as Array<Record<string, unknown>>;
    expect(list.map((d) => d.number).sort()).toEqual([...seen].sort());
    const dossier = list[0] as { champs: Array<Record<string, unknown>>; annotations: unknown[]; usager: { email: string } };
    const byLabel = new Map(dossier.champs.map((c) => [c.libelle, c]));
    expect(byLabel.get(label("integer_number"))?.value).toBe(42);
    expect(byLabel.get(label("date"))?.value).toBe("2024-03-15");
    expect(byLabel.get(label("datetime"))?.value).toBe("2024-03-15T10:30");
    const block = byLabel.get("Membres du bureau") as { rows: unknown[][] };
    expect(block.rows.length).toBeGreaterThan(0);
    expect(dossier.annotations.length).toBe(2);
    expect(dossier.usager.email).toContain("@");
  });

  it("ZIP: a folder per dossier with its data as JSON", async () => {
    const { bytes } = await exportFile("zip");
    const entries = await readZip(bytes);
    for (const id of seen) {
      const json = JSON.parse(entries.get(`dossier-${id}/dossier.json`)?.toString("utf8") as string);
      expect(json.number).toBe(id);
    }
    expect([...entries.keys()].some((name) => name.startsWith(`dossier-${hidden}/`))).toBe(false);
  });

  it("reuses an identical recent export, not one of another format or scope", async () => {
    const ask = (format: string, statut = "traites") =>
      requestExport(database.db, instructeur.instructeurId, demarcheId, { format, statut }, "fr");
    const first = await ask("xlsx");
    const second = await ask("xlsx");
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.reused).toBe(false);
    expect(second.reused).toBe(true);
    expect(second.exportId).toBe(first.exportId);
    const other = await ask("ods");
    const otherTab = await ask("xlsx", "a-suivre");
    expect(other.ok && other.exportId !== first.exportId).toBe(true);
    expect(otherTab.ok && otherTab.exportId !== first.exportId).toBe(true);
  });

  it("refuses an unknown format, an unknown tab and invalid filters; 404 on a démarche not theirs", async () => {
    const ask = (body: Record<string, unknown>) =>
      requestExport(database.db, instructeur.instructeurId, demarcheId, { format: "xlsx", statut: "tous", ...body }, "fr");
    expect(await ask({ format: "pdf" })).toMatchObject({ ok: false, refusals: [{ code: "unknown_format", field: "format" }] });
    expect(await ask({ statut: "brouillons" })).toMatchObject({
      ok: false,
      refusals: [{ code: "unknown_tab", field: "statut" }],
    });
    expect(await ask({ filtres: ["field/999999:contains:x"] })).toMatchObject({
      ok: false,
      refusals: [{ code: "invalid_scope" }],
    });
    const stranger = await buildUser(database.db, ["instructeur"]);
    await expect(
      requestExport(database.db, stranger.instructeurId as number, demarcheId, { format: "xlsx", statut: "tous" }, "fr"),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("once generated, the requester's e-mail is queued; the purge removes the file after 32 hours", async () => {
    const result = await requestExport(
      database.db,
      instructeur.instructeurId,
      demarcheId,
      { format: "csv", statut: "suivis" },
      "fr",
    );
    if (!result.ok) throw new Error("refused");
    await generateExport({ db: database.db, storage, logger, appUrl: "http://test" }, result.exportId);
    const mails = await database.db.execute<{ payload: { to: string; template: string } }>(
      sql`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = 'send-mail'`,
    );
    expect(mails.rows.some((r) => r.payload.template === "export_ready" && r.payload.to === instructeur.email)).toBe(true);
    const [row] = await database.db.select().from(exports).where(eq(exports.id, result.exportId));
    expect(row?.state).toBe("generated");
    // The storage sweep of unreferenced bytes keeps an export's file.
    await sweepStorage(database.db, storage, 0);
    expect(await storage.exists(row?.fileKey as string)).toBe(true);
    const later = new Date(Date.now() + 33 * 60 * 60 * 1000);
    const purged = await purgeStaleExports(database.db, storage, later);
    expect(purged.purged).toBeGreaterThan(0);
    const [after] = await database.db.select().from(exports).where(eq(exports.id, result.exportId));
    expect(after?.state).toBe("purged");
    expect(after?.fileKey).toBeNull();
    expect(await storage.exists(row?.fileKey as string)).toBe(false);
  });

  it("an avis sheet when there are avis; the ZIP holds each dossier's files", async () => {
    const { db } = database;
    const expert = await buildUser(db, ["expert"]);
    const [procedure] = await db
      .insert(expertsProcedures)
      .values({ expertId: expert.expertId as number, demarcheId })
      .returning();
    const dossierId = seen[0] as number;
    await db.insert(avis).values({
      dossierId,
      expertsProcedureId: procedure?.id as number,
      claimantInstructeurId: instructeur.instructeurId,
      introduction: "Votre avis ?",
      questionLabel: "Favorable ?",
      questionAnswer: true,
      answer: "Favorable, sous réserve.",
      answeredAt: new Date(),
    });
    const [demarche] = await db.select().from(demarches).where(eq(demarches.id, demarcheId));
    const fields = await loadRevisionChamps(db, demarche?.publishedRevisionId as number);
    const pj = fields.find((f) => f.type === "piece_justificative" && f.parentStableId === null);
    const bytes = Buffer.from("%PDF-1.4 un devis");
    const { key } = await storage.put(Readable.from([bytes]));
    const [file] = await db
      .insert(attachments)
      .values({
        storageKey: key,
        filename: "devis.pdf",
        contentType: "application/pdf",
        byteSize: bytes.length,
        checksum: "0",
        purpose: "champ",
        dossierId,
        stableId: pj?.stableId as number,
      })
      .returning();
    const value = [{ id: file?.id as string, filename: "devis.pdf", contentType: "application/pdf", byteSize: bytes.length }];
    await db
      .insert(champs)
      .values({ dossierId, stream: "main", stableId: pj?.stableId as number, rowId: "", typeChamp: "piece_justificative", value })
      .onConflictDoUpdate({ target: [champs.dossierId, champs.stream, champs.stableId, champs.rowId], set: { value } });

    const xlsx = await readXlsx((await exportFile("xlsx", { periode: "30j" })).bytes);
    const sheet = xlsx.getWorksheet("Avis");
    expect(((sheet?.getRow(1).values ?? []) as unknown[]).slice(1, 5)).toEqual([
      "N° dossier",
      "Expert",
      "Question",
      "Réponse à la question",
    ]);
    expect(sheet?.getRow(2).getCell(1).value).toBe(dossierId);
    expect(sheet?.getRow(2).getCell(2).value).toBe(expert.email);
    expect(sheet?.getRow(2).getCell(4).value).toBe("Oui");
    expect(sheet?.getRow(2).getCell(5).value).toBe("Favorable, sous réserve.");
    expect(sheet?.getRow(2).getCell(6).value).toBeInstanceOf(Date);
    const dossiersSheet = xlsx.getWorksheet("Dossiers");
    const headers = ((dossiersSheet?.getRow(1).values ?? []) as unknown[]).slice(1);
    const row = [2, 3].map((n) => dossiersSheet?.getRow(n)).find((r) => r?.getCell(1).value === dossierId);
    expect(row?.getCell(headers.indexOf(pj?.libelle) + 1).value).toBe("devis.pdf");

    const zip = await readZip((await exportFile("zip", { periode: "30j" })).bytes);
    expect(zip.get(`dossier-${dossierId}/pieces_justificatives/devis.pdf`)?.equals(bytes)).toBe(true);
    const json = JSON.parse(zip.get(`dossier-${dossierId}/dossier.json`)?.toString("utf8") as string);
    expect(json.avis[0]).toMatchObject({ expert: expert.email, question_answer: true });
  });
});
