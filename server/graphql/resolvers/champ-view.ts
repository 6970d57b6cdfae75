/**
 * One value as the API serves it (`ChampView`), built from a field of the dossier's revision and
 * its stored row. Shared by the generic champ resolvers (champs.ts) and the repetition blocks'
 * rows (repetition-champs.ts), which both build views without importing each other.
 */
import { getTypeDeChamp, isTypeChamp } from "../../domain/champs/registry";
import { champId } from "../../domain/form/champ-id";
import type { ChampValueRow, DossierRow, RevisionFieldRow } from "../loaders";
import { type ColumnView, champColumns } from "./champ-columns";

/** `__typename` of a field and of its descriptor: the registered type's; text for an unknown kind. */
export function registeredTypenames(typeChamp: string): { champ: string; descriptor: string } {
  if (!isTypeChamp(typeChamp)) return { champ: "TextChamp", descriptor: "TextChampDescriptor" };
  const definition = getTypeDeChamp(typeChamp);
  return { champ: definition.graphqlTypename, descriptor: definition.graphqlDescriptorTypename };
}

export interface ChampView {
  typeChamp: string;
  options: Record<string, unknown>;
  /** The stored value when it has the shape of its type, null otherwise (blank). */
  raw: unknown;
  id: string;
  champDescriptorId: string;
  label: string;
  stringValue: string | null;
  updatedAt: Date;
  prefilled: boolean;
  /** `Champ.columns`, computed when asked (graphql-js calls a function-valued property). */
  columns: () => ColumnView[];
  /** Where the value lives: repetition blocks read their rows' values from it. */
  dossier: DossierRow;
  /** Stable id of the field and row id of the occurrence ("" at top level). */
  stableId: number;
  rowId: string;
}

function storedValue(field: RevisionFieldRow, row: ChampValueRow | undefined): unknown {
  if (!row || row.value === null || row.value === undefined) return null;
  // A value stored for another kind of field (the field changed type) is not this field's value.
  if (row.typeChamp !== field.typeChamp) return null;
  if (!isTypeChamp(field.typeChamp)) return row.value;
  const definition = getTypeDeChamp(field.typeChamp);
  if (!definition.hasValue) return null;
  const parsed = definition.valueSchema.safeParse(row.value);
  return parsed.success ? parsed.data : null;
}

/** `Champ.stringValue`: the type's own API text, else its text, "" when blank (as the reference). */
function stringValueOf(typeChamp: string, raw: unknown): string | null {
  if (isTypeChamp(typeChamp)) {
    const definition = getTypeDeChamp(typeChamp);
    if (definition.apiStringValue) return definition.apiStringValue(raw as never);
    return definition.stringValue(raw as never) ?? "";
  }
  if (raw === null || raw === undefined) return "";
  return typeof raw === "string" ? raw.trim() && raw : JSON.stringify(raw);
}

export function champView(field: RevisionFieldRow, row: ChampValueRow | undefined, dossier: DossierRow, rowId = ""): ChampView {
  const raw = storedValue(field, row);
  const id = champId(field.stableId, rowId);
  const view: ChampView = {
    typeChamp: field.typeChamp,
    options: field.options,
    raw,
    id,
    // The descriptor is the field's, whatever the row.
    champDescriptorId: champId(field.stableId),
    label: field.libelle,
    stringValue: stringValueOf(field.typeChamp, raw),
    updatedAt: row && raw !== null ? row.updatedAt : (dossier.lastChampUpdatedAt ?? dossier.deposeAt ?? dossier.createdAt),
    // Prefill is not recorded per value yet.
    prefilled: false,
    columns: () => champColumns(view),
    dossier,
    stableId: field.stableId,
    rowId,
  };
  return view;
}
