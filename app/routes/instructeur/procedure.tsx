import { data, redirect } from "react-router";
import type { TranslationKey } from "../../../common/i18n";
import { NotFoundError } from "../../../server/errors";
import { NOTIFICATIONS_SORT, resolveSort } from "../../../server/domain/instructeur-list/columns";
import { parseFilters } from "../../../server/domain/instructeur-list/filters";
import { dossierNumberOfQuery, searchQuery } from "../../../server/domain/instructeur-list/normalize";
import { findInstructeurDossier } from "../../../server/lookups/scoped-dossier";
import { saveDisplayedColumns } from "../../../server/operations/instructeur/save-displayed-columns";
import { countDossiersByTab } from "../../../server/queries/instructeur/counters";
import { decodeCursor } from "../../../server/queries/instructeur/cursor";
import { findInstructeurDemarche } from "../../../server/queries/instructeur/demarches";
import { listInstructeurDossiers, sortKeyOf } from "../../../server/queries/instructeur/dossiers";
import { listBatchOperations } from "../../../server/queries/instructeur/batches";
import { listOwnExports } from "../../../server/queries/instructeur/exports";
import { listTemplatesOfInstructeur } from "../../../server/queries/instructeur/export-templates";
import { labelsOfDemarche, labelsOfDossiers } from "../../../server/queries/instructeur/labels";
import { notificationBadges } from "../../../server/queries/instructeur/notifications";
import { loadListColumns, loadListRows } from "../../../server/queries/instructeur/list-columns";
import { EMPTY_COUNTERS, parseTab } from "../../../server/domain/instructeur-list/tabs";
import { formatDate } from "../../lib/dates";
import { currentInstructeur } from "../../lib/persona-guard.server";
import { idParam, readForm, requestState, services, tFor } from "../../lib/request.server";
import type { Route } from "./+types/procedure";
import instructeurCss from "./instructeur.css?url";
import { batchAction } from "./batch-action.server";
import { DossierList } from "./dossier-list";
import { exportViews } from "./exports-ui";
import { listHref, readListUrl } from "./list-url";

export const handle = { i18n: ["dossiers", "groupes", "instructeur", "liste", "notifications", "exports"] };

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: instructeurCss }];

/** Today in France, YYYY-MM-DD (« this week / month / year » filters). */
function parisToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(now);
}

/**
 * One démarche's dossiers, tab by tab, with the instructeur's columns, the filters, sort and search
 * of the URL, 50 a page with a keyset cursor. Bad filters are reported and left out; a stale saved
 * column is dropped with a notice; a dossier number typed in the search opens that dossier.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const instructeur = currentInstructeur(context);
  const demarcheId = idParam(params.id);
  const { db } = services(context);
  const { locale } = requestState(context);
  const t = tFor(context);
  const demarche = await findInstructeurDemarche(db, instructeur.instructeurId, demarcheId);
  const url = new URL(request.url);
  const state = readListUrl(url.searchParams);
  const tab = parseTab(state.statut);
  const now = new Date();
  const columns = await loadListColumns(db, instructeur.instructeurId, demarche.id);

  // Direct access: a dossier number alone opens the dossier, when this instructeur may see it.
  const number = dossierNumberOfQuery(state.q);
  if (number !== null) {
    const found = await findInstructeurDossier(db, instructeur.instructeurId, number).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (found) throw redirect(`/procedures/${found.dossier.demarcheId}/dossiers/${number}`);
  }

  // The « add a filter » GET form: a valid filter joins the URL's; a bad one is shown with what was typed.
  const added = {
    column: url.searchParams.get("ajout_colonne"),
    operator: url.searchParams.get("ajout_operateur") ?? "",
    value: (url.searchParams.get("ajout_valeur") ?? "").slice(0, 10_000),
  };
  let addedRefusal: { code: string; params: Record<string, string> } | null = null;
  if (added.column !== null) {
    const param =
      added.value.trim() === "" ? `${added.column}:${added.operator}` : `${added.column}:${added.operator}:${added.value.trim()}`;
    const checked = parseFilters([param], columns.available, parisToday(now));
    if (checked.refusals.length === 0 && checked.filters[0]) {
      throw redirect(listHref(demarche.id, state, { filtres: [...state.filtres, checked.filters[0].param] }));
    }
    addedRefusal = checked.refusals[0] ?? { code: "missing_value", params: {} };
  }

  const { filters, refusals } = parseFilters(state.filtres, columns.available, parisToday(now));
  const { sort, refused: sortRefused } = resolveSort(state.tri || null, state.ordre || null, columns.available);
  const search = searchQuery(state.q);
  const cursor = decodeCursor(url.searchParams.get("cursor"), sortKeyOf(sort));
  const [counters, list] = await Promise.all([
    countDossiersByTab(db, instructeur.instructeurId, [demarche.id], now),
    listInstructeurDossiers(db, {
      instructeurId: instructeur.instructeurId,
      demarcheId: demarche.id,
      tab,
      sort,
      filters,
      search,
      cursor,
      now,
    }),
  ]);
  // Labels and notification badges of the page's dossiers: two indexed queries for the page.
  const [rows, labels, badges, batches, demarcheLabels, exportRows, templateRows] = await Promise.all([
    loadListRows(db, list.ids, columns, locale),
    labelsOfDossiers(db, list.ids),
    notificationBadges(db, instructeur.instructeurId, list.ids),
    listBatchOperations(db, instructeur.instructeurId, demarche.id),
    labelsOfDemarche(db, demarche.id),
    listOwnExports(db, instructeur.instructeurId, demarche.id, 5),
    listTemplatesOfInstructeur(db, instructeur.instructeurId, demarche.id),
  ]);
  const labelOf = (column: (typeof columns.available)[number]) =>
    "key" in column.label
      ? t(`liste.columns.${column.label.key}` as TranslationKey)
      : column.label.private
        ? t("liste.annotation", { libelle: column.label.libelle })
        : column.label.libelle;
  const describe = (column: (typeof columns.available)[number]) => ({
    id: column.id,
    label: labelOf(column),
    type: column.type,
    options: column.options ? [...column.options] : null,
    sortable: column.sortable,
  });
  return {
    demarche,
    tab,
    url: { ...state, statut: tab === "a-suivre" && !state.statut ? "" : tab },
    paged: cursor !== null,
    counters: counters.get(demarche.id) ?? EMPTY_COUNTERS,
    available: columns.available.filter((c) => c.filterable).map(describe),
    displayed: columns.displayed.map(describe),
    dropped: columns.dropped,
    sort: { column: sort.column.id, label: labelOf(sort.column), order: sort.order },
    sortRefused,
    sortChoices: [
      { id: NOTIFICATIONS_SORT, label: t("liste.columns.notifications") },
      ...columns.available.filter((c) => c.sortable).map((c) => ({ id: c.id, label: labelOf(c) })),
    ],
    filters: filters.map((f) => ({
      param: f.param,
      column: labelOf(f.column),
      operator: f.operator,
      value:
        f.column.id === "avis/answers" && f.operator === "in"
          ? t(`liste.avisFilter.${f.value.trim()}` as TranslationKey)
          : f.value,
    })),
    refusals,
    added: addedRefusal ? { ...added, refusal: addedRefusal } : null,
    rows: rows.map((row) => ({
      ...row,
      labels: labels.get(row.id) ?? [],
      badges: badges.get(row.id) ?? [],
      cells: Object.fromEntries(
        Object.entries(row.cells).map(([id, value]) => [
          id,
          value && id.startsWith("self/") && (id.endsWith("_at") || id.endsWith("_on")) ? formatDate(value, locale) : value,
        ]),
      ),
    })),
    previousCursor: list.previousCursor,
    nextCursor: list.nextCursor,
    saved: url.searchParams.get("colonnes") === "enregistrees",
    batches: batches.map((b) => ({
      ...b,
      createdAt: b.createdAt.toISOString(),
      finishedAt: b.finishedAt?.toISOString() ?? null,
    })),
    batchCreated: /^\d{1,10}$/.test(url.searchParams.get("lot") ?? ""),
    batchDismissed: url.searchParams.get("lot_masque") === "1",
    movedAway: /^\d{1,10}$/.test(url.searchParams.get("dossier_deplace") ?? "")
      ? Number(url.searchParams.get("dossier_deplace"))
      : null,
    demarcheLabels: demarcheLabels.map((l) => ({ id: l.id, name: l.name })),
    exports: exportViews(exportRows),
    exportTemplates: templateRows.map((r) => ({ id: r.id, name: r.name, kind: r.kind })),
    locale,
  };
}

/**
 * POST without intent: saves the chosen columns, then back to the same list. With an `intent`: a
 * batch on the checked dossiers, or hiding a finished batch's report (`batch-action.server.ts`).
 */
export async function action({ request, context, params }: Route.ActionArgs) {
  const instructeur = currentInstructeur(context);
  const demarcheId = idParam(params.id);
  const { db } = services(context);
  await findInstructeurDemarche(db, instructeur.instructeurId, demarcheId);
  const form = await readForm(request);
  if (form.has("intent")) {
    const actor = { userId: instructeur.id, instructeurId: instructeur.instructeurId, email: instructeur.email };
    const { locale } = requestState(context);
    return batchAction(db, actor, demarcheId, form, listHref(demarcheId, readListUrl(new URL(request.url).searchParams)), locale);
  }
  const posted = form.getAll("colonnes").filter((v): v is string => typeof v === "string");
  const result = await saveDisplayedColumns(db, instructeur.instructeurId, demarcheId, posted);
  const back = readListUrl(new URL(request.url).searchParams);
  if (!result.ok) {
    const refusal = result.refusals[0];
    return data(
      { columnsRefusal: refusal ? { code: refusal.code, params: refusal.params ?? {} } : null, posted },
      { status: 422 },
    );
  }
  const href = listHref(demarcheId, back);
  return redirect(`${href}${href.includes("?") ? "&" : "?"}colonnes=enregistrees`);
}

export default function Procedure({ loaderData, actionData }: Route.ComponentProps) {
  const columnsAction = actionData && "posted" in actionData ? actionData : null;
  const batchAction = actionData && "batch" in actionData ? actionData.batch : null;
  return <DossierList data={loaderData} columnsAction={columnsAction} batchAction={batchAction} />;
}
