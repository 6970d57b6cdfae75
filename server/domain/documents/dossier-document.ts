/**
 * What a dossier's PDF says, as plain data: identity, dates, then every visible field of the form
 * in order (sections, repetition blocks with their rows, files by name and size). Built from the
 * same form view as the dossier pages (`server/queries/form-view.ts`: parsed descriptors, values,
 * hidden keys), so a field hidden by its condition on screen is absent here too. Display texts are
 * the field types' own (`displayValue`, `files` of the registry); nothing here knows a type by name.
 * Pure: the renderer (`server/documents/dossier-pdf.ts`) turns it into pages.
 */
import { translate } from "../../../common/i18n";
import type { Locale } from "../../../common/i18n/types";
import type { ChampDescriptor } from "../champs/definition";
import { getTypeDeChamp } from "../champs/registry";
import { formatByteSize } from "../files/byte-size";
import type { ChampKey } from "../form/keys";
import { fieldInstances } from "../form/tree";

export interface DocumentFile {
  filename: string;
  /** "1,5 Mo" in the document's language. */
  size: string;
}

export type DocumentItem =
  /** A section title (`level` 1 is the top level). */
  | { kind: "section"; level: number; title: string }
  /** A field with a value (or "non renseigné"), and its files; `inRow`: inside a repetition row. */
  | { kind: "field"; label: string; text: string; files: DocumentFile[]; inRow: boolean }
  /** Text the administrateur wrote for the usager (no value). */
  | { kind: "note"; label: string; text: string; inRow: boolean }
  /** A repetition block's title, then its rows' titles (`row`: 1-based) before their fields. */
  | { kind: "block"; label: string; empty: boolean }
  | { kind: "row"; label: string };

export interface DossierDocumentInput {
  number: number;
  demarche: { number: number; libelle: string; forIndividual: boolean; organisme?: string | null };
  state: string;
  usagerEmail: string | null;
  identity: { civilite: string | null; nom: string | null; prenom: string | null };
  dates: { deposeAt: Date | null; enInstructionAt: Date | null; processedAt: Date | null };
  motivation: string | null;
  form: { descriptors: readonly ChampDescriptor[]; values: Readonly<Record<string, unknown>>; hidden: readonly ChampKey[] };
}

export interface DossierDocument {
  number: number;
  title: string;
  header: { demarche: string; organisme: string | null };
  /** Label/value lines of the first part (identity, state, dates). */
  summary: Array<{ label: string; value: string }>;
  items: DocumentItem[];
  /** When the document was made, for its footer. */
  generatedAt: string;
}

const PARIS_DATE_TIME: Record<Locale, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }),
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }),
};

/** "12 mars 2026 à 14:05" (Paris time) in `locale`. */
export function formatDocumentDate(date: Date, locale: Locale): string {
  return PARIS_DATE_TIME[locale].format(date);
}

/** The usager's identity lines: personne physique (civilité, nom, prénom) or personne morale. */
export function identityLines(input: Pick<DossierDocumentInput, "demarche" | "identity" | "usagerEmail">, locale: Locale) {
  const t = (key: string) => translate(locale, `documents.dossier.${key}`);
  const lines: Array<{ label: string; value: string }> = [];
  if (input.demarche.forIndividual) {
    lines.push({ label: t("demandeur"), value: t("personnePhysique") });
    const { civilite, nom, prenom } = input.identity;
    if (civilite) lines.push({ label: t("civilite"), value: civilite });
    lines.push({ label: t("nom"), value: nom ?? "" });
    lines.push({ label: t("prenom"), value: prenom ?? "" });
  } else {
    lines.push({ label: t("demandeur"), value: t("personneMorale") });
  }
  if (input.usagerEmail) lines.push({ label: t("email"), value: input.usagerEmail });
  return lines;
}

/** The form's visible occurrences as document items, in form order. */
export function formItems(form: DossierDocumentInput["form"], locale: Locale): DocumentItem[] {
  const hidden = new Set(form.hidden);
  const values = new Map(Object.entries(form.values));
  const items: DocumentItem[] = [];
  const empty = translate(locale, "documents.dossier.empty");
  let hiddenBlock: number | null = null;
  let lastRow: string | null = null;
  for (const { descriptor, key, rowId, row } of fieldInstances(form.descriptors, values)) {
    if (row && row.block.stableId === hiddenBlock) continue;
    if (hidden.has(key)) {
      if (descriptor.children) hiddenBlock = descriptor.stableId;
      continue;
    }
    const definition = getTypeDeChamp(descriptor.type);
    if (descriptor.children) {
      hiddenBlock = null;
      lastRow = null;
      const rows = Array.isArray(form.values[key]) ? (form.values[key] as unknown[]).length : 0;
      items.push({ kind: "block", label: descriptor.libelle, empty: rows === 0 });
      continue;
    }
    if (row && rowId !== lastRow) {
      lastRow = rowId;
      items.push({
        kind: "row",
        label: translate(locale, "documents.dossier.row", { libelle: row.block.libelle, n: row.index + 1 }),
      });
    }
    if (!definition.hasValue) {
      if (definition.category === "structure") {
        const level = typeof descriptor.options.level === "number" ? descriptor.options.level : 1;
        items.push({ kind: "section", level, title: descriptor.libelle });
      } else {
        items.push({ kind: "note", label: descriptor.libelle, text: descriptor.description ?? "", inRow: row !== null });
      }
      continue;
    }
    const value = values.get(key) ?? null;
    const files = (definition.files?.(value) ?? []).map((file) => ({
      filename: file.filename,
      size: formatByteSize(file.byteSize, locale),
    }));
    const text = files.length > 0 ? "" : definition.displayValue(value, descriptor.options, locale);
    items.push({
      kind: "field",
      label: descriptor.libelle,
      text: files.length === 0 && text === "" ? empty : text,
      files,
      inRow: row !== null,
    });
  }
  return items;
}

export function buildDossierDocument(input: DossierDocumentInput, locale: Locale, now: Date): DossierDocument {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `documents.dossier.${key}`, params);
  const summary = [
    { label: t("number"), value: String(input.number) },
    { label: t("state"), value: translate(locale, `dossiers.states.${input.state}`) },
    ...identityLines(input, locale),
  ];
  const dated = [
    ["deposeAt", input.dates.deposeAt],
    ["enInstructionAt", input.dates.enInstructionAt],
    ["processedAt", input.dates.processedAt],
  ] as const;
  for (const [key, date] of dated) if (date) summary.push({ label: t(key), value: formatDocumentDate(date, locale) });
  if (input.motivation) summary.push({ label: t("motivation"), value: input.motivation });
  return {
    number: input.number,
    title: t("title", { n: input.number }),
    header: { demarche: input.demarche.libelle, organisme: input.demarche.organisme ?? null },
    summary,
    items: formItems(input.form, locale),
    generatedAt: t("generatedAt", { date: formatDocumentDate(now, locale) }),
  };
}

/**
 * The accusé de réception's receipt: the dossier number, the démarche, the date of dépôt and the
 * usager, then the summary of what was submitted (the same visible fields as the dossier's PDF).
 */
export function buildReceiptDocument(input: DossierDocumentInput, locale: Locale, now: Date): DossierDocument {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `documents.${key}`, params);
  const summary = [
    { label: t("dossier.number"), value: String(input.number) },
    { label: t("receipt.demarche"), value: input.demarche.libelle },
  ];
  const deposeAt = input.dates.deposeAt ?? now;
  summary.push({ label: t("dossier.deposeAt"), value: formatDocumentDate(deposeAt, locale) });
  summary.push(...identityLines(input, locale));
  return {
    number: input.number,
    title: t("receipt.title", { n: input.number }),
    header: { demarche: input.demarche.libelle, organisme: input.demarche.organisme ?? null },
    summary,
    items: formItems(input.form, locale),
    generatedAt: t("dossier.generatedAt", { date: formatDocumentDate(now, locale) }),
  };
}
