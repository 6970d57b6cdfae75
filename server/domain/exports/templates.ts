/**
 * Export templates (the reference's `ExportTemplate`, ds-behaviour §5.2), pure rules.
 *
 * A template belongs to a groupe instructeur (every member uses it) and has a kind: a tabular
 * format (csv, xlsx, ods) or zip.
 *
 * - Tabular: an ordered list of columns `{ id, libelle }` chosen among the export's columns
 *   (`templateColumnCatalogue`: the dossier's own columns `dossier/<name>`, then every exported
 *   field and annotation `field/<stable id>`), each with its header. A saved column whose field has
 *   gone from the démarche is dropped when the template is used (`resolveTemplateColumns`).
 * - ZIP: the dossier's folder name and each file's name are built from tags (`--numéro du
 *   dossier--`); the folder must contain the dossier number, and the names of the items included
 *   must be distinct. Items: the dossier's data file, its attestation, each file field, the
 *   decision's justificatif, messages' attachments, avis files.
 */
import type { Locale } from "../../../common/i18n/types";
import { findTag, normalizeTagLibelle, parseTags, replaceTags, type TagDefinition, type TagDossierData } from "../tags";

/** A refusal (the shape of `server/refusal.ts`). */
export interface Refusal {
  code: string;
  field: string;
  params?: Record<string, string | number>;
}

export const TEMPLATE_KINDS = ["xlsx", "ods", "csv", "zip"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** The dossier's own columns of tabular exports, in their default order (headers: `exports.columns.<name>`). */
export const DOSSIER_COLUMNS = [
  "number",
  "email",
  "civilite",
  "nom",
  "prenom",
  "state",
  "updatedAt",
  "deposeAt",
  "enInstructionAt",
  "processedAt",
  "motivation",
  "groupe",
  "archived",
] as const;
export type DossierColumn = (typeof DOSSIER_COLUMNS)[number];

export const MAX_TEMPLATE_COLUMNS = 300;
export const MAX_NAME_LENGTH = 100;
export const MAX_HEADER_LENGTH = 200;
export const DOSSIER_NUMBER_TAG = "numéro du dossier";

export interface CatalogueColumn {
  id: string;
  /** The header the export gives it without a template. */
  defaultLibelle: string;
}

export interface TemplateColumn {
  id: string;
  libelle: string;
}

export interface TabularContent {
  columns: TemplateColumn[];
}

export interface ZipItem {
  /** `dossier` (its data file), `attestation`, `field/<stable id>`, `justificatif`, `messages`, `avis`. */
  id: string;
  enabled: boolean;
  /** Name template, without the extension (the file's own extension is kept). */
  name: string;
}

export interface ZipContent {
  folder: string;
  items: ZipItem[];
}

export type TemplateContent = TabularContent | ZipContent;

export function isTemplateKind(value: unknown): value is TemplateKind {
  return typeof value === "string" && (TEMPLATE_KINDS as readonly string[]).includes(value);
}

/** Every column a tabular template may choose, with its default header. */
export function templateColumnCatalogue(
  dossierHeader: (column: DossierColumn) => string,
  fields: readonly { stableId: number; libelle: string }[],
): CatalogueColumn[] {
  return [
    ...DOSSIER_COLUMNS.map((c) => ({ id: `dossier/${c}`, defaultLibelle: dossierHeader(c) })),
    ...fields.map((f) => ({ id: `field/${f.stableId}`, defaultLibelle: f.libelle })),
  ];
}

/** The tabular content to save, or why not: a name, at least one column, known and distinct columns. */
export function validateTabularTemplate(
  name: string,
  columns: readonly TemplateColumn[],
  catalogue: readonly CatalogueColumn[],
): { content: TabularContent | null; refusals: Refusal[] } {
  const refusals: Refusal[] = [];
  if (name.trim() === "") refusals.push({ code: "name_required", field: "name" });
  else if (name.trim().length > MAX_NAME_LENGTH)
    refusals.push({ code: "name_too_long", field: "name", params: { max: MAX_NAME_LENGTH } });
  if (columns.length === 0) refusals.push({ code: "no_column", field: "columns" });
  if (columns.length > MAX_TEMPLATE_COLUMNS) {
    refusals.push({ code: "too_many_columns", field: "columns", params: { max: MAX_TEMPLATE_COLUMNS } });
  }
  const known = new Map(catalogue.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const out: TemplateColumn[] = [];
  for (const column of columns) {
    const def = known.get(column.id);
    if (!def) {
      refusals.push({ code: "unknown_column", field: "columns" });
      continue;
    }
    if (seen.has(column.id)) {
      refusals.push({ code: "duplicate_column", field: "columns", params: { column: def.defaultLibelle } });
      continue;
    }
    seen.add(column.id);
    const libelle = column.libelle.trim();
    if (libelle.length > MAX_HEADER_LENGTH) {
      refusals.push({ code: "header_too_long", field: `header-${column.id}`, params: { max: MAX_HEADER_LENGTH } });
    }
    out.push({ id: column.id, libelle: libelle === "" ? def.defaultLibelle : libelle });
  }
  return { content: refusals.length === 0 ? { columns: out } : null, refusals };
}

/** The saved columns still in the catalogue (in their order), and the headers of those dropped. */
export function resolveTemplateColumns(
  saved: unknown,
  catalogue: readonly CatalogueColumn[],
): { columns: TemplateColumn[]; dropped: string[] } {
  const known = new Set(catalogue.map((c) => c.id));
  const columns: TemplateColumn[] = [];
  const dropped: string[] = [];
  const list =
    saved && typeof saved === "object" && Array.isArray((saved as TabularContent).columns)
      ? (saved as TabularContent).columns
      : [];
  for (const c of list) {
    if (!c || typeof c.id !== "string" || typeof c.libelle !== "string") continue;
    if (known.has(c.id)) columns.push({ id: c.id, libelle: c.libelle });
    else dropped.push(c.libelle);
  }
  return { columns, dropped };
}

// ---------------------------------------------------------------- zip

/**
 * The items a zip template offers for a démarche: the data file, the attestation (PDF), each file
 * field, the decision's justificatif, messages' attachments, avis files. Items named as a file
 * (`FILE_ITEMS`) keep the file's extension; the others are folders holding the files as uploaded.
 */
export function zipItemCatalogue(
  fileFields: readonly { stableId: number; libelle: string }[],
): { id: string; libelle: string | null }[] {
  return [
    { id: "dossier", libelle: null },
    { id: "attestation", libelle: null },
    ...fileFields.map((f) => ({ id: `field/${f.stableId}`, libelle: f.libelle })),
    { id: "justificatif", libelle: null },
    { id: "messages", libelle: null },
    { id: "avis", libelle: null },
  ];
}

/** Default names of the items that are not file fields. */
const DEFAULT_ITEM_NAMES: Record<string, string> = {
  dossier: `dossier---${DOSSIER_NUMBER_TAG}--`,
  attestation: "attestation",
  justificatif: "justificatif",
  messages: "messagerie",
  avis: "avis",
};

/** Default names: the reference's `dossier-<n>` folder and the libellé of each file field. */
export function defaultZipContent(fileFields: readonly { stableId: number; libelle: string }[]): ZipContent {
  return {
    folder: `dossier---${DOSSIER_NUMBER_TAG}--`,
    items: zipItemCatalogue(fileFields).map((item) => ({
      id: item.id,
      enabled: true,
      name: DEFAULT_ITEM_NAMES[item.id] ?? item.libelle ?? item.id,
    })),
  };
}

function unknownTags(text: string, tags: readonly TagDefinition[]): string[] {
  return parseTags(text)
    .filter((t) => !findTag(tags, t.libelle))
    .map((t) => t.libelle);
}

/** The zip content to save, or why not. `tags`: the démarche's tags (`demarcheTags`). */
export function validateZipTemplate(
  name: string,
  folder: string,
  items: readonly ZipItem[],
  catalogue: readonly { id: string }[],
  tags: readonly TagDefinition[],
): { content: ZipContent | null; refusals: Refusal[] } {
  const refusals: Refusal[] = [];
  if (name.trim() === "") refusals.push({ code: "name_required", field: "name" });
  else if (name.trim().length > MAX_NAME_LENGTH)
    refusals.push({ code: "name_too_long", field: "name", params: { max: MAX_NAME_LENGTH } });
  const folderText = folder.trim();
  if (!parseTags(folderText).some((t) => t.libelle === normalizeTagLibelle(DOSSIER_NUMBER_TAG))) {
    refusals.push({ code: "folder_without_number", field: "folder", params: { tag: `--${DOSSIER_NUMBER_TAG}--` } });
  }
  for (const tag of unknownTags(folderText, tags)) refusals.push({ code: "tag_unknown", field: "folder", params: { tag } });
  const known = new Set(catalogue.map((c) => c.id));
  const byId = new Map(items.map((i) => [i.id, i]));
  const out: ZipItem[] = [];
  const names = new Map<string, string>();
  for (const { id } of catalogue) {
    const item = byId.get(id) ?? { id, enabled: false, name: "" };
    const itemName = item.name.trim();
    if (item.enabled) {
      if (itemName === "") refusals.push({ code: "file_name_required", field: `item-${id}` });
      else if (itemName.length > MAX_HEADER_LENGTH) {
        refusals.push({ code: "name_too_long", field: `item-${id}`, params: { max: MAX_HEADER_LENGTH } });
      }
      for (const tag of unknownTags(itemName, tags)) refusals.push({ code: "tag_unknown", field: `item-${id}`, params: { tag } });
      const key = itemName.toLowerCase();
      if (itemName !== "" && names.has(key))
        refusals.push({ code: "file_names_not_distinct", field: `item-${id}`, params: { name: itemName } });
      names.set(key, id);
    }
    out.push({ id, enabled: item.enabled, name: itemName });
  }
  for (const item of items) if (!known.has(item.id)) refusals.push({ code: "unknown_item", field: "form" });
  return { content: refusals.length === 0 ? { folder: folderText, items: out } : null, refusals };
}

/** Saved zip content, items of fields that have gone dropped (their names reported). */
export function resolveZipContent(
  saved: unknown,
  catalogue: readonly { id: string }[],
): { content: ZipContent; dropped: string[] } {
  const raw = (saved ?? {}) as Partial<ZipContent>;
  const known = new Set(catalogue.map((c) => c.id));
  const items = Array.isArray(raw.items) ? raw.items.filter((i) => i && typeof i.id === "string") : [];
  return {
    content: {
      folder: typeof raw.folder === "string" ? raw.folder : `dossier---${DOSSIER_NUMBER_TAG}--`,
      items: items.filter((i) => known.has(i.id)),
    },
    dropped: items.filter((i) => !known.has(i.id) && i.enabled).map((i) => i.name),
  };
}

/** Makes a rendered name safe as one path segment of a zip entry. */
export function safePathSegment(text: string): string {
  const cleaned = text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "_")
    .slice(0, 150);
  return cleaned === "" ? "_" : cleaned;
}

/** A name template for one dossier: each known tag replaced by its value, made path-safe. */
export function renderZipName(template: string, tags: readonly TagDefinition[], data: TagDossierData, locale: Locale): string {
  const text = replaceTags(template, ({ libelle }) => {
    const tag = findTag(tags, libelle);
    return tag ? tag.value(data, locale) : undefined;
  });
  return safePathSegment(text);
}
