/**
 * What the instructeur's list of one démarche shows: the columns it offers (fixed ones, then the
 * fields and annotations of its published revision), those this instructeur chose (saved per
 * démarche; a column whose field has gone is dropped and reported), and the cells of a page's rows.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Locale } from "../../../common/i18n/types";
import type { DbOrTx } from "../../db/client";
import { avis, champs, dossierCorrections, dossiers, follows, groupesInstructeurs, instructeurs, users } from "../../db/schema";
import type { JsonValue } from "../../domain/champs/definition";
import { getTypeDeChamp, resolveOptions } from "../../domain/champs/registry";
import type { ColumnDef } from "../../domain/instructeur-list/columns";
import type { ListColumns } from "../../lookups/list-columns";

export { loadListColumns, type ListColumns } from "../../lookups/list-columns";

export interface ListRow {
  id: number;
  state: string;
  civilite: string | null;
  nom: string | null;
  prenom: string | null;
  /** Column id → cell text ("" when blank); dates as ISO strings, formatted by the page. */
  cells: Record<string, string | null>;
  /** Avis asked (not revoked) and answered: the « Avis » column. */
  avis: { asked: number; answered: number };
  /** The reference's « en attente » states, shown beside the état: a correction asked of the usager, an avis awaited. */
  waiting: WaitingState[];
}

export type WaitingState = "attente_correction" | "attente_avis";

/** The cells of the displayed columns for a page of dossiers, in the order of `ids` (four statements). */
export async function loadListRows(db: DbOrTx, ids: readonly number[], columns: ListColumns, locale: Locale): Promise<ListRow[]> {
  if (ids.length === 0) return [];
  const fieldColumns = columns.displayed.filter((c) => c.field);
  const shows = (id: string) => columns.displayed.some((c) => c.id === id);
  const [base, followerRows, values, avisRows, corrections] = await Promise.all([
    db
      .select({
        id: dossiers.id,
        state: dossiers.state,
        civilite: dossiers.civilite,
        nom: dossiers.nom,
        prenom: dossiers.prenom,
        email: users.email,
        groupe: groupesInstructeurs.label,
        deposeAt: dossiers.deposeAt,
        enInstructionAt: dossiers.enInstructionAt,
        processedAt: dossiers.processedAt,
        updatedAt: dossiers.updatedAt,
        svaSvrDecisionOn: dossiers.svaSvrDecisionOn,
        accuseLectureAgreementAt: dossiers.accuseLectureAgreementAt,
      })
      .from(dossiers)
      .leftJoin(users, eq(users.id, dossiers.userId))
      .leftJoin(groupesInstructeurs, eq(groupesInstructeurs.id, dossiers.groupeInstructeurId))
      .where(inArray(dossiers.id, [...ids])),
    columns.displayed.some((c) => c.id === "followers/email")
      ? db
          .select({ dossierId: follows.dossierId, email: users.email })
          .from(follows)
          .innerJoin(instructeurs, eq(instructeurs.id, follows.instructeurId))
          .innerJoin(users, eq(users.id, instructeurs.userId))
          .where(inArray(follows.dossierId, [...ids]))
          .orderBy(asc(follows.createdAt))
      : [],
    fieldColumns.length > 0
      ? db
          .select({ dossierId: champs.dossierId, stableId: champs.stableId, value: champs.value })
          .from(champs)
          .where(
            and(
              inArray(champs.dossierId, [...ids]),
              eq(champs.stream, "main"),
              eq(champs.rowId, ""),
              inArray(
                champs.stableId,
                fieldColumns.map((c) => c.field?.stableId as number),
              ),
            ),
          )
      : [],
    shows("avis/answers") || shows("self/state")
      ? db
          .select({
            dossierId: avis.dossierId,
            asked: sql<number>`count(*)::int`,
            answered: sql<number>`(count(*) filter (where ${avis.answeredAt} is not null))::int`,
          })
          .from(avis)
          .where(and(inArray(avis.dossierId, [...ids]), isNull(avis.revokedAt)))
          .groupBy(avis.dossierId)
      : [],
    shows("self/state")
      ? db
          .select({ dossierId: dossierCorrections.dossierId })
          .from(dossierCorrections)
          .where(and(inArray(dossierCorrections.dossierId, [...ids]), isNull(dossierCorrections.resolvedAt)))
      : [],
  ]);
  const avisOf = new Map(avisRows.map((r) => [r.dossierId, { asked: Number(r.asked), answered: Number(r.answered) }]));
  const pendingCorrection = new Set(corrections.map((c) => c.dossierId));
  const followersOf = new Map<number, string[]>();
  for (const row of followerRows) followersOf.set(row.dossierId, [...(followersOf.get(row.dossierId) ?? []), row.email]);
  const storedValues = new Map(values.map((v) => [`${v.dossierId}|${v.stableId}`, v.value]));
  const byId = new Map(base.map((row) => [row.id, row]));
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const cells: Record<string, string | null> = {};
    const counts = avisOf.get(id) ?? { asked: 0, answered: 0 };
    for (const column of columns.displayed) cells[column.id] = selfCell(column, row, followersOf.get(id) ?? [], iso);
    for (const column of fieldColumns) {
      cells[column.id] = fieldCell(column, storedValues.get(`${id}|${column.field?.stableId}`), columns, locale);
    }
    if (shows("avis/answers")) cells["avis/answers"] = counts.asked > 0 ? `${counts.answered}/${counts.asked}` : null;
    const waiting: WaitingState[] = [];
    if (pendingCorrection.has(id)) waiting.push("attente_correction");
    if (counts.answered < counts.asked) waiting.push("attente_avis");
    return [{ id, state: row.state, civilite: row.civilite, nom: row.nom, prenom: row.prenom, cells, avis: counts, waiting }];
  });
}

function selfCell(
  column: ColumnDef,
  row: {
    id: number;
    state: string;
    email: string | null;
    groupe: string | null;
    deposeAt: Date | null;
    enInstructionAt: Date | null;
    processedAt: Date | null;
    updatedAt: Date;
    svaSvrDecisionOn: string | null;
    accuseLectureAgreementAt: Date | null;
  },
  followers: string[],
  iso: (value: Date | null) => string | null,
): string | null {
  switch (column.id) {
    case "self/id":
      return String(row.id);
    case "user/email":
      return row.email;
    case "self/state":
      return row.state;
    case "self/depose_at":
      return iso(row.deposeAt);
    case "self/en_instruction_at":
      return iso(row.enInstructionAt);
    case "self/processed_at":
      return iso(row.processedAt);
    case "self/updated_at":
      return iso(row.updatedAt);
    case "groupe/label":
      return row.groupe;
    case "followers/email":
      return followers.join(", ");
    case "self/sva_svr_decision_on":
      return row.svaSvrDecisionOn;
    case "self/accuse_lecture_agreement_at":
      return iso(row.accuseLectureAgreementAt);
    default:
      return null;
  }
}

function fieldCell(column: ColumnDef, value: unknown, columns: ListColumns, locale: Locale): string | null {
  const field = column.field ? columns.optionsOf.get(column.field.stableId) : undefined;
  if (!field || value === null || value === undefined) return null;
  const definition = getTypeDeChamp(field.type);
  const parsed = definition.valueSchema.safeParse(value as JsonValue);
  if (!parsed.success || definition.isBlank(parsed.data)) return null;
  const options = resolveOptions(field);
  try {
    return definition.displayValue(parsed.data, options.ok ? options.options : {}, locale);
  } catch {
    return definition.stringValue(parsed.data);
  }
}
