/**
 * Generates one export (job `generate-export`): reads the export's dossiers batch by batch with
 * the instructeur list's keyset query (scoped to the instructeur's groupes at generation time),
 * writes them to the format's streaming writer whose output the storage reads as it is written,
 * records progress after each batch, then marks the export generated and queues its e-mail in one
 * transaction. Tabular formats write the dossiers sheet first; the rows of repetition blocks and
 * avis are spooled to temporary files meanwhile and become the following sheets, so that no sheet
 * is ever held in memory.
 */
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { PassThrough, pipeline, Readable, Transform } from "node:stream";
import { eq } from "drizzle-orm";
import { ZipFile } from "yazl";
import { getT, type TFunction } from "../../common/i18n";
import type { Locale } from "../../common/i18n/types";
import type { Db } from "../db/client";
import type { RevisionChamp } from "../db/revisions";
import { demarches, exports, instructeurs, users } from "../db/schema";
import { type Cell, exportCell, exportJsonValue, parisWallClock } from "../domain/exports/cells";
import { exportFilename, type ExportFormat } from "../domain/exports/formats";
import { uniqueSheetName } from "../domain/exports/sheet-names";
import { type ExportScope, ZExportScope } from "../domain/exports/scope";
import { resolveSort } from "../domain/instructeur-list/columns";
import { parseFilters } from "../domain/instructeur-list/filters";
import { searchQuery } from "../domain/instructeur-list/normalize";
import type { Storage } from "../integrations/storage";
import { enqueueMail } from "../jobs/enqueue-mail";
import type { Logger } from "../logger";
import type { JsonValue } from "../domain/champs/definition";
import type { TagDossierData } from "../domain/tags";
import { loadListColumns } from "../lookups/list-columns";
import { type ExportFields, loadExportFields } from "../lookups/export-fields";
import { findTemplateOfInstructeur } from "../lookups/export-templates";
import {
  renderZipName,
  resolveTemplateColumns,
  resolveZipContent,
  type TemplateColumn,
  type ZipContent,
} from "../domain/exports/templates";
import { createCsvWriter } from "./csv-writer";
import {
  type AvisRow,
  type BatchInput,
  countExportDossiers,
  type DossierRow,
  exportDossierIds,
  type FileRow,
  loadAvisRows,
  loadDossierRows,
  loadFileRows,
} from "./dossier-batches";
import { createOdsWriter } from "./ods-writer";
import { type SheetWriter, writeWithBackpressure } from "./sheet-writer";
import { createXlsxWriter } from "./xlsx-writer";

export interface GenerateServices {
  db: Db;
  storage: Storage;
  logger: Logger;
  appUrl: string;
  /** Dossiers per batch (tests use small ones to cross batch boundaries). */
  batchSize?: number;
}

type Fields = ExportFields;

function stateLabel(t: TFunction, state: string) {
  return t(`dossiers.states.${state}` as Parameters<TFunction>[0]);
}

function dossierCells(row: DossierRow, fields: Fields, t: TFunction, locale: Locale): Cell[] {
  return [
    row.id,
    row.email,
    row.civilite,
    row.nom,
    row.prenom,
    stateLabel(t, row.state),
    parisWallClock(row.updatedAt),
    parisWallClock(row.deposeAt),
    parisWallClock(row.enInstructionAt),
    parisWallClock(row.processedAt),
    row.motivation,
    row.groupe,
    row.archived ? t("exports.yes") : t("exports.no"),
    ...fields.columns.map((field) => exportCell(field, row.values.get(String(field.stableId)), locale)),
  ];
}

/** The cells of a template's columns, in its order (`positions`: each column's index in `dossierCells`). */
function pick(cells: readonly Cell[], positions: readonly number[] | null): Cell[] {
  return positions ? positions.map((i) => cells[i] ?? null) : [...cells];
}

function rowIdsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : [];
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** One dossier in the JSON and ZIP exports (shape documented in docs/exports.md). */
function dossierJson(row: DossierRow, fields: Fields, avisRows: readonly AvisRow[], locale: Locale) {
  const byParent = new Map<number, RevisionChamp[]>();
  for (const f of fields.all) {
    if (f.parentStableId !== null) byParent.set(f.parentStableId, [...(byParent.get(f.parentStableId) ?? []), f]);
  }
  const champ = (f: RevisionChamp, rowId = ""): Record<string, unknown> => {
    const key = rowId === "" ? String(f.stableId) : `${f.stableId}|${rowId}`;
    const stored = row.values.get(key);
    const base = { stable_id: f.stableId, libelle: f.libelle, type: f.type };
    if (f.type === "repetition") {
      return {
        ...base,
        rows: rowIdsOf(stored).map((id) =>
          (byParent.get(f.stableId) ?? [])
            .filter((c) => c.type !== "header_section" && c.type !== "explication")
            .map((c) => champ(c, id)),
        ),
      };
    }
    if (f.type === "piece_justificative" || f.type === "titre_identite") {
      const files = Array.isArray(stored) ? stored : [];
      return { ...base, files: files.map((file) => ({ filename: file?.filename ?? null, byte_size: file?.byteSize ?? null })) };
    }
    return { ...base, value: exportJsonValue({ ...f, options: f.options }, stored, locale) };
  };
  const top = (isPrivate: boolean) =>
    fields.all
      .filter(
        (f) => f.parentStableId === null && f.private === isPrivate && f.type !== "header_section" && f.type !== "explication",
      )
      .map((f) => champ(f));
  return {
    number: row.id,
    state: row.state,
    archived: row.archived,
    depose_at: iso(row.deposeAt),
    en_instruction_at: iso(row.enInstructionAt),
    processed_at: iso(row.processedAt),
    updated_at: row.updatedAt.toISOString(),
    motivation: row.motivation,
    usager: { email: row.email },
    identite: { civilite: row.civilite, nom: row.nom, prenom: row.prenom },
    groupe_instructeur: row.groupe,
    champs: top(false),
    annotations: top(true),
    avis: avisRows.map((a) => ({
      expert: a.expert,
      question: a.questionLabel,
      question_answer: a.questionAnswer,
      answer: a.answer,
      confidentiel: a.confidentiel,
      requested_at: a.createdAt.toISOString(),
      answered_at: iso(a.answeredAt),
    })),
  };
}

/** Counts the bytes going through (the stored file's size). */
function byteCounter() {
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  return { stream, size: () => bytes };
}

/**
 * Stores `output` while `produce` writes it (the storage reads the file as it is written); a
 * failure on either side fails both. Returns the storage key and the stored size.
 */
export async function storeWhileWriting(
  storage: Storage,
  output: Readable,
  produce: Promise<void>,
): Promise<{ key: string; size: number }> {
  const counter = byteCounter();
  pipeline(output, counter.stream, () => {});
  const stored = storage.put(counter.stream);
  const produced = produce.catch((error: unknown) => {
    output.destroy(error as Error);
    throw error;
  });
  const [{ key }] = await Promise.all([stored, produced]);
  return { key, size: counter.size() };
}

/** A temporary NDJSON file of one secondary sheet's rows (dates kept as `{"d": iso}`). */
class Spool {
  private stream: WriteStream;
  rows = 0;
  constructor(readonly file: string) {
    this.stream = createWriteStream(file);
  }
  async write(cells: readonly Cell[]) {
    this.rows++;
    const line = JSON.stringify(cells.map((c) => (c instanceof Date ? { d: c.toISOString() } : c)));
    await writeWithBackpressure(this.stream, `${line}\n`);
  }
  close(): Promise<void> {
    return new Promise((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
  async *read(): AsyncGenerator<Cell[]> {
    const lines = createInterface({ input: createReadStream(this.file), crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      if (line === "") continue;
      const cells = JSON.parse(line) as (Cell | { d: string })[];
      yield cells.map((c) => (c !== null && typeof c === "object" && "d" in c ? new Date(c.d) : (c as Cell)));
    }
  }
}

interface Run {
  services: GenerateServices;
  exportId: number;
  input: BatchInput;
  fields: Fields;
  t: TFunction;
  locale: Locale;
  template: RunTemplate | null;
  progress(done: number): Promise<void>;
}

type RunTemplate = { kind: "tabular"; columns: TemplateColumn[] } | { kind: "zip"; content: ZipContent };

/** The export's template, read again in the instructeur's groupes (a template deleted meanwhile: null). */
async function loadRunTemplate(
  db: Db,
  instructeurId: number,
  demarcheId: number,
  templateId: number,
  fields: Fields,
): Promise<RunTemplate | null> {
  const found = await findTemplateOfInstructeur(db, instructeurId, demarcheId, templateId);
  if (!found) return null;
  if (found.kind === "zip") return { kind: "zip", content: resolveZipContent(found.content, fields.zipItems).content };
  return { kind: "tabular", columns: resolveTemplateColumns(found.content, fields.catalogue).columns };
}

async function writeTabular(run: Run, writer: SheetWriter, format: ExportFormat, taken: Set<string>) {
  const { services, input, fields, t, locale } = run;
  const spoolDir = await mkdtemp(path.join(tmpdir(), "guichet-export-"));
  try {
    const secondary = format !== "csv";
    const blockSpools = secondary ? fields.blocks.map((_b, i) => new Spool(path.join(spoolDir, `block-${i}.ndjson`))) : [];
    const avisSpool = secondary ? new Spool(path.join(spoolDir, "avis.ndjson")) : null;
    const avisSheet = uniqueSheetName(t("exports.sheets.avis"), taken);
    const template = run.template?.kind === "tabular" ? run.template.columns : null;
    const positions = template ? template.map((c) => fields.catalogue.findIndex((k) => k.id === c.id)) : null;
    await writer.startSheet(
      t("exports.sheets.dossiers"),
      template ? template.map((c) => c.libelle) : fields.catalogue.map((c) => c.defaultLibelle),
    );
    let done = 0;
    for await (const ids of exportDossierIds(services.db, input, services.batchSize)) {
      const [rows, avisRows] = await Promise.all([
        loadDossierRows(services.db, ids),
        secondary ? loadAvisRows(services.db, ids) : Promise.resolve([]),
      ]);
      for (const row of rows) {
        await writer.writeRow(pick(dossierCells(row, fields, t, locale), positions));
        for (const [index, { block, children }] of fields.blocks.entries()) {
          const spool = blockSpools[index];
          if (!spool) continue;
          for (const [n, rowId] of rowIdsOf(row.values.get(String(block.stableId))).entries()) {
            await spool.write([
              row.id,
              n + 1,
              ...children.map((c) => exportCell(c, row.values.get(`${c.stableId}|${rowId}`), locale)),
            ]);
          }
        }
      }
      for (const a of avisRows) {
        await avisSpool?.write([
          a.dossierId,
          a.expert,
          a.questionLabel,
          a.questionAnswer === null ? null : a.questionAnswer ? t("exports.yes") : t("exports.no"),
          a.answer,
          parisWallClock(a.createdAt),
          parisWallClock(a.answeredAt),
          a.confidentiel ? t("exports.yes") : t("exports.no"),
        ]);
      }
      done += rows.length;
      await run.progress(done);
    }
    await writer.endSheet();
    for (const [index, { children, sheet }] of fields.blocks.entries()) {
      const spool = blockSpools[index];
      if (!spool) continue;
      await spool.close();
      await writer.startSheet(sheet, [t("exports.columns.number"), t("exports.columns.row"), ...children.map((c) => c.libelle)]);
      for await (const cells of spool.read()) await writer.writeRow(cells);
      await writer.endSheet();
    }
    if (avisSpool) {
      await avisSpool.close();
      if (avisSpool.rows > 0) {
        await writer.startSheet(avisSheet, [
          t("exports.columns.number"),
          t("exports.columns.expert"),
          t("exports.columns.question"),
          t("exports.columns.questionAnswer"),
          t("exports.columns.answer"),
          t("exports.columns.requestedAt"),
          t("exports.columns.answeredAt"),
          t("exports.columns.confidentiel"),
        ]);
        for await (const cells of avisSpool.read()) await writer.writeRow(cells);
        await writer.endSheet();
      }
    }
    await writer.finish();
  } finally {
    await rm(spoolDir, { recursive: true, force: true });
  }
}

async function writeJson(run: Run, output: PassThrough) {
  const { services, input, fields, locale } = run;
  let done = 0;
  await writeWithBackpressure(output, "[");
  for await (const ids of exportDossierIds(services.db, input, services.batchSize)) {
    const [rows, avisRows] = await Promise.all([loadDossierRows(services.db, ids), loadAvisRows(services.db, ids)]);
    for (const row of rows) {
      const json = dossierJson(
        row,
        fields,
        avisRows.filter((a) => a.dossierId === row.id),
        locale,
      );
      await writeWithBackpressure(output, `${done === 0 ? "\n" : ",\n"}${JSON.stringify(json)}`);
      done++;
    }
    await run.progress(done);
  }
  output.end(done === 0 ? "]\n" : "\n]\n");
}

/** A stream that opens the stored file only when the zip reaches it (no open handle per queued entry). */
function lazyStoredFile(storage: Storage, key: string): { stream: Readable; ended: Promise<void> } {
  let source: Readable | null = null;
  let resolveEnded: () => void = () => {};
  const ended = new Promise<void>((resolve) => {
    resolveEnded = resolve;
  });
  const stream = new Readable({
    read() {
      if (source) {
        source.resume();
        return;
      }
      storage.get(key).then(
        (opened) => {
          source = opened;
          opened.on("data", (chunk) => {
            if (!stream.push(chunk)) opened.pause();
          });
          opened.on("end", () => stream.push(null));
          opened.on("error", (error) => stream.destroy(error));
        },
        (error: Error) => stream.destroy(error),
      );
    },
  });
  stream.on("end", resolveEnded);
  stream.on("close", resolveEnded);
  return { stream, ended };
}

/** Folder-safe file name inside a dossier's folder, unique within it. */
function zipName(filename: string, used: Set<string>): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  const safe = filename.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").replace(/^\.+/, "_") || "fichier";
  let candidate = safe;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) {
    const dot = safe.lastIndexOf(".");
    candidate = dot > 0 ? `${safe.slice(0, dot)} (${n})${safe.slice(dot)}` : `${safe} (${n})`;
  }
  used.add(candidate.toLowerCase());
  return candidate;
}

/** A dossier's values as the tag system reads them (zip names of a template). */
function tagDataOf(row: DossierRow, fields: Fields, appUrl: string): TagDossierData {
  return {
    number: row.id,
    state: row.state as TagDossierData["state"],
    deposeAt: row.deposeAt,
    enInstructionAt: row.enInstructionAt,
    processedAt: row.processedAt,
    updatedAt: row.updatedAt,
    motivation: row.motivation,
    demarche: { libelle: fields.demarche.libelle, serviceName: null },
    individual: fields.demarche.forIndividual ? { civilite: row.civilite, nom: row.nom, prenom: row.prenom } : null,
    entreprise: null,
    groupeInstructeur: row.groupe,
    links: { dossier: `${appUrl}/dossiers/${row.id}`, attestation: null, justificatif: null },
    champs: row.values as Map<string, JsonValue>,
  };
}

/** `name` + the file's own extension, `-<n>` when the item has several files. */
function withExtension(name: string, original: string, index: number, count: number): string {
  const dot = original.lastIndexOf(".");
  const ext = dot > 0 ? original.slice(dot).slice(0, 16) : "";
  return `${name}${count > 1 ? `-${index + 1}` : ""}${ext}`;
}

interface ZipBatch {
  rows: DossierRow[];
  avisRows: AvisRow[];
  filesOf: Map<number, FileRow[]>;
  fieldOfFile: Map<string, number>;
}

/** A batch's rows, avis and files (those the template includes; every kind without a template). */
async function loadZipBatch(db: Db, ids: readonly number[], fields: Fields, template: ZipContent | null): Promise<ZipBatch> {
  const fileFields = fields.all.filter((f) => f.type === "piece_justificative" || f.type === "titre_identite");
  const [rows, avisRows] = await Promise.all([loadDossierRows(db, ids), loadAvisRows(db, ids)]);
  const fileIds: string[] = [];
  const fieldOfFile = new Map<string, number>();
  for (const row of rows) {
    for (const [key, value] of row.values) {
      const stableId = Number(key.split("|")[0]);
      if (!fileFields.some((f) => f.stableId === stableId) || !Array.isArray(value)) continue;
      for (const file of value) {
        if (typeof file?.id !== "string") continue;
        fileIds.push(file.id);
        // Only top-level fields are template items; files of repetition rows keep their names.
        if (!key.includes("|")) fieldOfFile.set(file.id, stableId);
      }
    }
  }
  const included = (id: string) => (template ? template.items.some((i) => i.id === id && i.enabled) : true);
  const files = await loadFileRows(db, ids, fileIds, {
    avis: included("avis"),
    attestation: included("attestation"),
    justificatif: included("justificatif"),
  });
  const filesOf = new Map<number, FileRow[]>();
  for (const f of files) filesOf.set(f.dossierId, [...(filesOf.get(f.dossierId) ?? []), f]);
  return { rows, avisRows, filesOf, fieldOfFile };
}

/**
 * The entries of one dossier in the zip: its data file (null `file`) and its files, named by the
 * template (or, without one: `dossier-<n>/dossier.json`, `attestation.pdf`, `pieces_justificatives/…`,
 * `justificatif/…`, `messagerie/…`, `avis/…`).
 */
function zipEntriesOf(
  row: DossierRow,
  batch: ZipBatch,
  fields: Fields,
  template: ZipContent | null,
  appUrl: string,
  locale: Locale,
): { path: string; file: FileRow | null }[] {
  const item = (id: string) => template?.items.find((i) => i.id === id && i.enabled) ?? null;
  const tagData = template ? tagDataOf(row, fields, appUrl) : null;
  const render = (text: string) => (tagData ? renderZipName(text, fields.tags, tagData, locale) : text);
  const folder = template ? render(template.folder) : `dossier-${row.id}`;
  const used = new Set<string>();
  const entries: { path: string; file: FileRow | null }[] = [];
  const dataItem = template ? item("dossier") : { name: "dossier" };
  if (dataItem) entries.push({ path: `${folder}/${zipName(`${render(dataItem.name)}.json`, used)}`, file: null });
  const own = batch.filesOf.get(row.id) ?? [];
  const siblingsOf = (file: FileRow) =>
    file.purpose === "champ"
      ? own.filter((f) => f.purpose === "champ" && batch.fieldOfFile.get(f.id) === batch.fieldOfFile.get(file.id))
      : own.filter((f) => f.purpose === file.purpose);
  for (const file of own) {
    let entry: string;
    const isAvis = file.purpose.startsWith("avis_");
    if (!template) {
      if (file.purpose === "attestation") entry = zipName(file.filename, used);
      else {
        const sub =
          file.purpose === "message"
            ? "messagerie"
            : isAvis
              ? "avis"
              : file.purpose === "justificatif"
                ? "justificatif"
                : "pieces_justificatives";
        entry = `${sub}/${zipName(file.filename, used)}`;
      }
    } else if (file.purpose === "message" || isAvis) {
      const chosen = item(file.purpose === "message" ? "messages" : "avis");
      if (!chosen) continue;
      entry = `${render(chosen.name)}/${zipName(file.filename, used)}`;
    } else if (file.purpose === "attestation" || file.purpose === "justificatif") {
      const chosen = item(file.purpose);
      if (!chosen) continue;
      const siblings = siblingsOf(file);
      entry = zipName(withExtension(render(chosen.name), file.filename, siblings.indexOf(file), siblings.length), used);
    } else {
      const stableId = batch.fieldOfFile.get(file.id);
      if (stableId === undefined) {
        entry = `pieces_justificatives/${zipName(file.filename, used)}`;
      } else {
        const chosen = item(`field/${stableId}`);
        if (!chosen) continue;
        const siblings = siblingsOf(file);
        entry = zipName(withExtension(render(chosen.name), file.filename, siblings.indexOf(file), siblings.length), used);
      }
    }
    entries.push({ path: `${folder}/${entry}`, file });
  }
  return entries;
}

/** What a dossiers' zip is written from: batches of dossier ids and what names their entries. */
export interface DossiersZipRun {
  db: Db;
  storage: Storage;
  appUrl: string;
  fields: Fields;
  locale: Locale;
  /** Null: the default layout with every file (archives, exports without a template). */
  template: ZipContent | null;
  batches: AsyncIterable<number[]>;
  progress(done: number): Promise<void>;
}

/**
 * Writes the dossiers of `batches` into `zip` (a folder per dossier: its data and its files, each
 * stored file opened only when the zip reads it), at most one batch of entries queued at a time,
 * then ends the zip. Shared by exports and monthly archives (server/exports/generate-archive.ts).
 */
export async function writeDossiersZip(run: DossiersZipRun, zip: ZipFile) {
  const { db, storage, appUrl, fields, locale, template } = run;
  let done = 0;
  for await (const ids of run.batches) {
    const batch = await loadZipBatch(db, ids, fields, template);
    let last: Promise<void> | null = null;
    for (const row of batch.rows) {
      for (const entry of zipEntriesOf(row, batch, fields, template, appUrl, locale)) {
        if (entry.file === null) {
          const json = dossierJson(
            row,
            fields,
            batch.avisRows.filter((a) => a.dossierId === row.id),
            locale,
          );
          const data = Readable.from([Buffer.from(`${JSON.stringify(json, null, 2)}\n`)]);
          last = new Promise<void>((resolve) => {
            data.on("end", resolve);
            data.on("close", resolve);
          });
          zip.addReadStream(data, entry.path);
        } else {
          const lazy = lazyStoredFile(storage, entry.file.storageKey);
          zip.addReadStream(lazy.stream, entry.path, { size: entry.file.byteSize });
          last = lazy.ended;
        }
      }
    }
    // One batch of entries queued at most: wait until the zip has read this batch's last file.
    if (last) await last;
    done += batch.rows.length;
    await run.progress(done);
  }
  zip.end();
}

function writeZip(run: Run, zip: ZipFile) {
  const { services } = run;
  return writeDossiersZip(
    {
      db: services.db,
      storage: services.storage,
      appUrl: services.appUrl,
      fields: run.fields,
      locale: run.locale,
      template: run.template?.kind === "zip" ? run.template.content : null,
      batches: exportDossierIds(services.db, run.input, services.batchSize),
      progress: run.progress,
    },
    zip,
  );
}

/** What a template gives for the instructeur's first dossiers (« tous » tab): a table, or the zip's paths. */
export async function previewTemplate(
  db: Db,
  appUrl: string,
  instructeurId: number,
  demarcheId: number,
  template: { kind: string; content: unknown },
  fields: Fields,
  t: TFunction,
  locale: Locale,
  limit = 5,
): Promise<
  | { kind: "tabular"; headers: string[]; rows: string[][]; dropped: string[] }
  | { kind: "zip"; paths: string[]; dropped: string[] }
> {
  const { available } = await loadListColumns(db, instructeurId, demarcheId);
  const input: BatchInput = {
    instructeurId,
    demarcheId,
    tab: "tous",
    sort: resolveSort("self/id", "desc", available).sort,
    filters: [],
    search: null,
    now: new Date(),
    includeArchived: true,
    since: null,
  };
  const first = await exportDossierIds(db, input, limit).next();
  const ids = first.done ? [] : first.value;
  if (template.kind === "zip") {
    const { content, dropped } = resolveZipContent(template.content, fields.zipItems);
    const batch = await loadZipBatch(db, ids, fields, content);
    const paths = batch.rows.flatMap((row) => zipEntriesOf(row, batch, fields, content, appUrl, locale).map((e) => e.path));
    return { kind: "zip", paths, dropped };
  }
  const { columns, dropped } = resolveTemplateColumns(template.content, fields.catalogue);
  const positions = columns.map((c) => fields.catalogue.findIndex((k) => k.id === c.id));
  const rows = await loadDossierRows(db, ids);
  const text = (cell: Cell) =>
    cell === null ? "" : cell instanceof Date ? cell.toISOString().slice(0, 16).replace("T", " ") : String(cell);
  return {
    kind: "tabular",
    headers: columns.map((c) => c.libelle),
    rows: rows.map((row) => pick(dossierCells(row, fields, t, locale), positions).map(text)),
    dropped,
  };
}

async function markFailed(db: Db, exportId: number) {
  await db.update(exports).set({ state: "failed" }).where(eq(exports.id, exportId));
}

/** Generates the export if it is still pending; marks it failed (and logs) when anything goes wrong. */
export async function generateExport(services: GenerateServices, exportId: number): Promise<"generated" | "failed" | "skipped"> {
  const { db, storage, logger } = services;
  const [row] = await db
    .select({
      id: exports.id,
      state: exports.state,
      format: exports.format,
      scope: exports.scope,
      instructeurId: exports.instructeurId,
      demarcheId: exports.demarcheId,
      locale: exports.locale,
      createdAt: exports.createdAt,
      email: users.email,
      userLocale: users.locale,
      demarcheLibelle: demarches.libelle,
    })
    .from(exports)
    .innerJoin(instructeurs, eq(instructeurs.id, exports.instructeurId))
    .innerJoin(users, eq(users.id, instructeurs.userId))
    .innerJoin(demarches, eq(demarches.id, exports.demarcheId))
    .where(eq(exports.id, exportId));
  if (row?.state !== "pending") return "skipped";
  const locale = (row.locale === "en" ? "en" : "fr") as Locale;
  const t = getT(locale);
  const parsedScope = ZExportScope.safeParse(row.scope);
  if (!parsedScope.success) {
    logger.error({ exportId, issues: parsedScope.error.issues }, "export scope unreadable");
    await markFailed(db, exportId);
    return "failed";
  }
  const scope: ExportScope = parsedScope.data;
  const format = row.format as ExportFormat;
  try {
    const columns = await loadListColumns(db, row.instructeurId, row.demarcheId);
    const { filters } = parseFilters(scope.filtres, columns.available, scope.today);
    const { sort } = resolveSort(scope.tri || null, scope.ordre || null, columns.available);
    const now = new Date();
    const input: BatchInput = {
      instructeurId: row.instructeurId,
      demarcheId: row.demarcheId,
      tab: scope.statut,
      sort,
      filters,
      search: searchQuery(scope.q),
      now,
      includeArchived: scope.archives,
      since: scope.periode === "30j" ? new Date(now.getTime() - 30 * 24 * 60 * 60 * 1000) : null,
    };
    const total = await countExportDossiers(db, input);
    await db.update(exports).set({ totalCount: total, processedCount: 0 }).where(eq(exports.id, exportId));
    const taken = new Set<string>([t("exports.sheets.dossiers").toLowerCase()]);
    const fields = await loadExportFields(db, row.demarcheId, t, taken);
    const template = scope.modele ? await loadRunTemplate(db, row.instructeurId, row.demarcheId, scope.modele.id, fields) : null;
    if (scope.modele && !template) throw new Error("export template gone or out of scope");
    const run: Run = {
      services,
      exportId,
      input,
      fields,
      template,
      t,
      locale,
      progress: async (done) => {
        await db.update(exports).set({ processedCount: done }).where(eq(exports.id, exportId));
      },
    };

    let produce: Promise<void>;
    let output: Readable;
    if (format === "json") {
      const stream = new PassThrough();
      output = stream;
      produce = writeJson(run, stream);
    } else if (format === "zip") {
      const zip = new ZipFile();
      output = zip.outputStream as Readable;
      produce = writeZip(run, zip);
    } else {
      const writer = format === "csv" ? createCsvWriter() : format === "xlsx" ? createXlsxWriter() : createOdsWriter();
      output = writer.output;
      produce = writeTabular(run, writer, format, taken);
    }
    const { key, size } = await storeWhileWriting(storage, output, produce);
    const filename = exportFilename(row.demarcheId, format, row.createdAt);
    await db.transaction(async (tx) => {
      await tx
        .update(exports)
        .set({ state: "generated", fileKey: key, byteSize: size, filename, generatedAt: new Date() })
        .where(eq(exports.id, exportId));
      await enqueueMail(
        tx,
        row.email,
        "export_ready",
        {
          demarcheLibelle: row.demarcheLibelle,
          demarcheId: row.demarcheId,
          format,
          count: total,
        },
        (row.userLocale === "en" ? "en" : "fr") as Locale,
      );
    });
    return "generated";
  } catch (error) {
    logger.error({ err: error, exportId }, "export generation failed");
    await markFailed(db, exportId);
    return "failed";
  }
}
