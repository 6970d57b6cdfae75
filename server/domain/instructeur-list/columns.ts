/**
 * The columns of the instructeur's dossier list (the reference's `Column`, ds-behaviour §5.2), pure:
 * identified by a stable string (`self/depose_at`, `field/<stable_id>`), each with the type that
 * decides its filters' operators and how it sorts. The dossier's own columns are fixed; each public
 * field and annotation of the démarche's revision adds one.
 */
import type { TypeChamp } from "../champs/definition";

export type ColumnType = "text" | "number" | "date" | "boolean" | "enum";

export const SELF_COLUMNS = [
  "self/id",
  "individual/identite",
  "user/email",
  "self/state",
  "self/depose_at",
  "self/en_instruction_at",
  "self/processed_at",
  "self/updated_at",
  "groupe/label",
  "followers/email",
  "labels/label_id",
  "avis/answers",
] as const;
/** Offered only on démarches that have them: SVA/SVR decision day, accusé de lecture. */
export const SPECIAL_COLUMNS = ["self/sva_svr_decision_on", "self/accuse_lecture_agreement_at"] as const;
/** Not a column: the reference's default order, dossiers with unseen notifications first, then by update. */
export const NOTIFICATIONS_SORT = "notifications";
export type SelfColumnId = (typeof SELF_COLUMNS)[number] | (typeof SPECIAL_COLUMNS)[number] | typeof NOTIFICATIONS_SORT;

/** Options of the « Avis » filter: a dossier with an avis still awaited, with an avis given (none: « non renseigné »). */
export const AVIS_FILTER_OPTIONS = ["en_attente", "rendu"] as const;

export const DOSSIER_STATES_FOR_FILTER = ["en_construction", "en_instruction", "accepte", "refuse", "sans_suite"] as const;

export interface ColumnDef {
  id: string;
  type: ColumnType;
  /** Fixed columns are labelled by translation; field columns by their libellé. */
  label: { key: SelfColumnId } | { libelle: string; private: boolean };
  /** Closed list of values (enum columns). */
  options?: readonly string[];
  sortable: boolean;
  filterable: boolean;
  /** Field columns: the stable id and the type de champ. */
  field?: { stableId: number; type: TypeChamp };
}

/** The reference's default is the usager's e-mail; the dossier's identity and dates read better here. */
export const DEFAULT_COLUMNS: readonly string[] = ["individual/identite", "self/state", "self/depose_at", "self/updated_at"];

export const MAX_DISPLAYED_COLUMNS = 20;

export const DEFAULT_SORT = { column: "self/updated_at", order: "desc" } as const;

/** What a démarche adds to its fixed columns: its labels' names, its special procedures. */
export interface DemarcheColumnExtras {
  labels?: readonly string[];
  svaSvr?: boolean;
  accuseLecture?: boolean;
}

/** The pseudo-column of the notifications-first sort (sortable, never displayed nor filtered). */
export const NOTIFICATIONS_COLUMN: ColumnDef = {
  id: NOTIFICATIONS_SORT,
  type: "number",
  label: { key: NOTIFICATIONS_SORT },
  sortable: true,
  filterable: false,
};

function selfColumn(id: SelfColumnId, groupes: readonly string[], labels: readonly string[]): ColumnDef {
  const base = { id, label: { key: id }, sortable: true, filterable: true } as const;
  switch (id) {
    case "self/id":
      return { ...base, type: "number" };
    case "self/state":
      return { ...base, type: "enum", options: DOSSIER_STATES_FOR_FILTER };
    case "self/depose_at":
    case "self/en_instruction_at":
    case "self/processed_at":
    case "self/updated_at":
    case "self/sva_svr_decision_on":
    case "self/accuse_lecture_agreement_at":
      return { ...base, type: "date" };
    case "labels/label_id":
      // Several per dossier, shown as tags: « one of several labels », not sortable.
      return { ...base, type: "enum", options: labels, sortable: false };
    case "avis/answers":
      return { ...base, type: "enum", options: AVIS_FILTER_OPTIONS, sortable: false };
    case "groupe/label":
      return { ...base, type: "enum", options: groupes };
    case "followers/email":
      // Several values per dossier: filterable (« contient »), not sortable.
      return { ...base, type: "text", sortable: false };
    default:
      return { ...base, type: "text" };
  }
}

const NO_COLUMN: ReadonlySet<TypeChamp> = new Set([
  "header_section",
  "explication",
  "repetition",
  "piece_justificative",
  "titre_identite",
]);

/** The list type of a type de champ (null: not a column: layout, blocks, files). */
export function columnTypeOf(type: TypeChamp): ColumnType | null {
  if (NO_COLUMN.has(type)) return null;
  switch (type) {
    case "integer_number":
    case "decimal_number":
      return "number";
    case "date":
    case "datetime":
      return "date";
    case "checkbox":
    case "yes_no":
      return "boolean";
    case "drop_down_list":
    case "civilite":
      return "enum";
    default:
      return "text";
  }
}

export interface FieldForColumns {
  stableId: number;
  type: TypeChamp;
  libelle: string;
  private: boolean;
  parentStableId: number | null;
  options: Record<string, unknown>;
}

/** Every column a démarche offers: the fixed ones, then each top-level field and annotation. */
export function availableColumns(
  fields: readonly FieldForColumns[],
  groupes: readonly string[],
  extras: DemarcheColumnExtras = {},
): ColumnDef[] {
  const labels = extras.labels ?? [];
  const columns: ColumnDef[] = SELF_COLUMNS.map((id) => selfColumn(id, groupes, labels));
  if (extras.svaSvr) columns.push(selfColumn("self/sva_svr_decision_on", groupes, labels));
  if (extras.accuseLecture) columns.push(selfColumn("self/accuse_lecture_agreement_at", groupes, labels));
  for (const field of fields) {
    if (field.parentStableId !== null) continue;
    const type = columnTypeOf(field.type);
    if (!type) continue;
    const options =
      field.type === "civilite"
        ? ["M.", "Mme"]
        : field.type === "drop_down_list" && Array.isArray(field.options.options)
          ? field.options.options.filter((o): o is string => typeof o === "string")
          : undefined;
    columns.push({
      id: `field/${field.stableId}`,
      type,
      label: { libelle: field.libelle, private: field.private },
      options,
      sortable: true,
      filterable: true,
      field: { stableId: field.stableId, type: field.type },
    });
  }
  return columns;
}

/**
 * The saved (or posted) column ids against what the démarche offers now: the known ones in order,
 * without duplicates, and those that no longer exist (a field removed at re-publication) to be
 * dropped with a notice.
 */
export function resolveDisplayedColumns(
  ids: readonly unknown[] | null,
  available: readonly ColumnDef[],
): { columns: ColumnDef[]; dropped: string[] } {
  const byId = new Map(available.map((c) => [c.id, c]));
  const wanted = ids ?? DEFAULT_COLUMNS;
  const columns: ColumnDef[] = [];
  const dropped: string[] = [];
  for (const id of wanted) {
    const column = typeof id === "string" ? byId.get(id) : undefined;
    if (!column) {
      dropped.push(String(id).slice(0, 100));
      continue;
    }
    if (!columns.includes(column) && columns.length < MAX_DISPLAYED_COLUMNS) columns.push(column);
  }
  return { columns, dropped };
}

export interface SortChoice {
  column: ColumnDef;
  order: "asc" | "desc";
}

/**
 * The sort of the URL (`tri`, `ordre`): any sortable column the démarche offers; anything else
 * falls back to the default (most recently updated first) and is reported.
 */
export function resolveSort(
  columnId: string | null,
  order: string | null,
  available: readonly ColumnDef[],
): { sort: SortChoice; refused: boolean } {
  const fallback = available.find((c) => c.id === DEFAULT_SORT.column) as ColumnDef;
  const direction = order === "asc" || order === "desc" ? order : null;
  if (columnId === null || columnId === "") {
    return { sort: { column: fallback, order: direction ?? DEFAULT_SORT.order }, refused: false };
  }
  if (columnId === NOTIFICATIONS_SORT) {
    // Notified first (then the most recently updated): descending is the useful order.
    return { sort: { column: NOTIFICATIONS_COLUMN, order: direction ?? "desc" }, refused: order !== null && direction === null };
  }
  const column = available.find((c) => c.id === columnId);
  if (!column?.sortable) return { sort: { column: fallback, order: DEFAULT_SORT.order }, refused: true };
  return { sort: { column, order: direction ?? "asc" }, refused: order !== null && direction === null };
}
